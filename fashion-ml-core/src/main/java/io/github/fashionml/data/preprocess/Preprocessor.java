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
        return new PreparedSet(features(images, null, 0, images.count(), standardization),
                layout.shape(images.count(), ImageShape.of(images)), oneHot(labels, null, 0, labels.length, classes),
                labels.clone(), classes);
    }

    /**
     * The network input of images {@code from} to {@code to} (exclusive), taken in {@code order} when it is not
     * null: each image's samples (HWC) times {@link #SCALE}, then standardised. Images stay bytes until a batch
     * needs them, so a data set takes a quarter of the memory floats would.
     *
     * @param standardization per-sample statistics fitted on the training set, or null for plain [0,1] scaling
     */
    public static float[] features(IdxImages images, int[] order, int from, int to, Standardization standardization) {
        int width = images.samplesPerImage();
        if (standardization != null && standardization.mean().length != width) {
            throw new IllegalArgumentException("standardisation fitted on " + standardization.mean().length
                    + " samples per image, these images have " + width);
        }
        byte[] pixels = images.pixels();
        float[] features = new float[(to - from) * width];
        for (int i = from; i < to; i++) {
            int source = (order == null ? i : order[i]) * width;
            int target = (i - from) * width;
            for (int p = 0; p < width; p++) {
                features[target + p] = (pixels[source + p] & 0xFF) * SCALE;
            }
            if (standardization != null) {
                // The same float operations, in the same order, as the ONNX graph: scale, subtract, divide.
                for (int p = 0; p < width; p++) {
                    features[target + p] = (features[target + p] - standardization.mean()[p])
                            / standardization.std()[p];
                }
            }
        }
        return features;
    }

    /** One-hot rows over {@code classes} for labels {@code from} to {@code to}, taken in {@code order} if not null. */
    public static float[] oneHot(byte[] labels, int[] order, int from, int to, int classes) {
        float[] oneHot = new float[(to - from) * classes];
        for (int i = from; i < to; i++) {
            oneHot[(i - from) * classes + (labels[order == null ? i : order[i]] & 0xFF)] = 1f;
        }
        return oneHot;
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
