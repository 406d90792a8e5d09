package io.github.fashionml.eval;

import com.fasterxml.jackson.annotation.JsonPropertyOrder;

import java.util.List;
import java.util.Map;

/**
 * {@code evaluation.json}: a model's quality on the test images. Field names are stable.
 *
 * @param confusionMatrix rows are actual classes, columns predicted classes
 * @param logLoss         mean cross-entropy of the predicted probabilities
 * @param dataset         SHA-256 of each data file the model was evaluated on, by key
 * @param fashionMlVersion the fashion-ml version that evaluated it (an evaluation is reused only by the same one)
 */
@JsonPropertyOrder({"model", "modelSha256", "dataset", "count", "accuracy", "accuracyInterval", "logLoss",
        "macroAverage", "weightedAverage", "classes", "confusionMatrix", "topConfusions", "samples",
        "fashionMlVersion"})
public record Evaluation(String model, String modelSha256, Map<String, String> dataset, int count, double accuracy,
                         Interval accuracyInterval, double logLoss, ClassMetrics macroAverage,
                         ClassMetrics weightedAverage, List<ClassMetrics> classes, int[][] confusionMatrix,
                         List<Confusion> topConfusions, Samples samples, String fashionMlVersion) {
}
