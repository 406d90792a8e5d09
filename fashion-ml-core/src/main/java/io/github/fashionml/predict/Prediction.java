package io.github.fashionml.predict;

import java.util.List;

/**
 * The class a model gives one image.
 *
 * @param image         the image's name (file name, or {@code file#index} for IDX)
 * @param label         the predicted class index, 0-9
 * @param className     the predicted class's name, e.g. {@code Ankle boot}
 * @param probability   the model's probability for that class
 * @param probabilities the probability of every class, by label
 */
public record Prediction(String image, int label, String className, double probability, List<Double> probabilities) {
}
