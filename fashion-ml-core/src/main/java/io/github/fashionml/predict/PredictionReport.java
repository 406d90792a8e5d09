package io.github.fashionml.predict;

import java.util.List;

/** {@code predictions.json}: which model, and the class of each image. */
public record PredictionReport(String model, String modelFile, String modelSha256, List<Prediction> predictions) {
}
