package io.github.fashionml.compare;

import io.github.fashionml.eval.Interval;

import java.util.List;

/**
 * One model's row in the comparison.
 *
 * @param keptEpoch the epoch whose parameters the model holds (null when the manifest is missing)
 * @param epochsRun how many epochs training ran
 */
public record ModelSummary(String model, String architecture, double accuracy, Interval accuracyInterval,
                           double macroF1, List<Double> classF1, long parameters, double trainingSeconds,
                           double imagesPerSecond, long modelBytes, Integer keptEpoch, Integer epochsRun) {
}
