package io.github.fashionml.model;

import io.github.fashionml.data.preprocess.Standardization;

/**
 * How a model's input was prepared, stored in its {@code model.zip} so predictions prepare images the same way.
 *
 * @param mean per-pixel means of the [0,1]-scaled training images, or null without standardisation
 * @param std  per-pixel standard deviations, or null
 */
public record Preprocessing(float[] mean, float[] std) {
    public static final String ZIP_ENTRY = "fashion-ml/preprocessing.json";

    public static Preprocessing of(Standardization standardization) {
        return standardization == null ? new Preprocessing(null, null)
                : new Preprocessing(standardization.mean(), standardization.std());
    }

    public Standardization standardization() {
        return mean == null ? null : new Standardization(mean, std);
    }
}
