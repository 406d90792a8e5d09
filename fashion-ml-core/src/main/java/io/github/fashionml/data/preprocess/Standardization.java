package io.github.fashionml.data.preprocess;

import io.github.fashionml.data.idx.IdxImages;

/**
 * Per-sample standardisation (each channel of each pixel): subtract its mean over the training images and divide by its
 * standard deviation (both of the [0,1]-scaled values). Fitted on training data only, applied to both sets.
 */
public record Standardization(float[] mean, float[] std) {
    /** Pixels that never vary (the borders of many images) keep unit scale instead of dividing by ~0. */
    private static final double MIN_STD = 1e-3;

    public static Standardization fit(IdxImages training) {
        return fit(training, null);
    }

    /** Fitted on the images at {@code rows} (all of them when null). */
    public static Standardization fit(IdxImages training, int[] rows) {
        int width = training.samplesPerImage();
        int count = rows == null ? training.count() : rows.length;
        double[] sum = new double[width];
        double[] sumSquares = new double[width];
        byte[] pixels = training.pixels();
        for (int i = 0; i < count; i++) {
            int offset = (rows == null ? i : rows[i]) * width;
            for (int p = 0; p < width; p++) {
                double v = (pixels[offset + p] & 0xFF) / 255.0;
                sum[p] += v;
                sumSquares[p] += v * v;
            }
        }
        float[] mean = new float[width];
        float[] std = new float[width];
        int n = Math.max(1, count);
        for (int p = 0; p < width; p++) {
            double m = sum[p] / n;
            double variance = Math.max(0, sumSquares[p] / n - m * m);
            mean[p] = (float) m;
            std[p] = (float) Math.max(MIN_STD, Math.sqrt(variance));
        }
        return new Standardization(mean, std);
    }
}
