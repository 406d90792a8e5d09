package io.github.fashionml.data.preprocess;

import io.github.fashionml.data.ImageShape;
import io.github.fashionml.data.idx.IdxImages;

import java.util.SplittableRandom;

/** Turns raw images and labels into network input: scaled to [0,1], optionally standardised, one-hot labels. */
public final class Preprocessor {
    /** Grey values 0-255 times this are in [0,1]; the ONNX export multiplies by the same float. */
    public static final float SCALE = 1f / 255f;

    private Preprocessor() {
    }

    /** With as many classes as the labels reach (for images whose labels do not matter, as in prediction). */
    public static PreparedSet prepare(IdxImages images, byte[] labels, Layout layout, Standardization standardization) {
        int classes = 1;
        for (byte label : labels) {
            classes = Math.max(classes, (label & 0xFF) + 1);
        }
        return prepare(images, labels, layout, standardization, classes);
    }

    /**
     * @param standardization per-pixel statistics fitted on the training set, or null for plain [0,1] scaling
     * @param classes         how many classes the one-hot labels have
     */
    public static PreparedSet prepare(IdxImages images, byte[] labels, Layout layout, Standardization standardization,
                                      int classes) {
        if (images.count() != labels.length) {
            throw new IllegalArgumentException(images.count() + " images but " + labels.length + " labels");
        }
        int width = images.pixelsPerImage();
        byte[] pixels = images.pixels();
        float[] features = new float[pixels.length];
        for (int i = 0; i < pixels.length; i++) {
            features[i] = (pixels[i] & 0xFF) * SCALE;
        }
        if (standardization != null) {
            if (standardization.mean().length != width) {
                throw new IllegalArgumentException("standardisation fitted on " + standardization.mean().length
                        + " pixels, images have " + width);
            }
            for (int i = 0; i < images.count(); i++) {
                int offset = i * width;
                for (int p = 0; p < width; p++) {
                    features[offset + p] = (features[offset + p] - standardization.mean()[p]) / standardization.std()[p];
                }
            }
        }
        float[] oneHot = new float[labels.length * classes];
        for (int i = 0; i < labels.length; i++) {
            oneHot[i * classes + (labels[i] & 0xFF)] = 1f;
        }
        return new PreparedSet(features, layout.shape(images.count(), new ImageShape(images.rows(), images.columns(), 1)),
                oneHot, labels.clone(), classes);
    }

    /**
     * A seeded permutation of {@code 0..n-1} (Fisher-Yates). SplittableRandom's algorithm is specified, so the
     * same seed gives the same order on every JVM.
     */
    public static int[] permutation(int n, long seed) {
        int[] order = new int[n];
        for (int i = 0; i < n; i++) {
            order[i] = i;
        }
        SplittableRandom random = new SplittableRandom(seed);
        for (int i = n - 1; i > 0; i--) {
            int j = random.nextInt(i + 1);
            int t = order[i];
            order[i] = order[j];
            order[j] = t;
        }
        return order;
    }
}
