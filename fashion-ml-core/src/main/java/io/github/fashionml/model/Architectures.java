package io.github.fashionml.model;

import io.github.fashionml.ConfigurationException;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The named architectures of the reference notebooks, as default specs. */
public final class Architectures {
    public static final String CNN = "cnn";
    public static final String DNN = "dnn";
    public static final String CNN_DEEP = "cnn-deep";

    /** The seed every model uses unless configured otherwise. */
    public static final long DEFAULT_SEED = 20_170_825L;

    private static final Map<String, ModelSpec> DEFAULTS = new LinkedHashMap<>();

    /** Cosine decay from the peak rate to 0 over the epochs, no warm-up: the recipe chosen on validation. */
    private static final LearningRateSchedule COSINE = LearningRateSchedule.of(LearningRateSchedule.COSINE, 0, 0.0,
            null, null, null);

    static {
        // Recipes chosen on the validation split (never the test set): the cheapest explored recipe whose kept
        // epoch reached the gate + 0.01 in validation accuracy. The exploration is on the performance page.
        // The notebooks' first CNN: Conv2D 32 3x3 ReLU, MaxPool 2x2, Dense 128 ReLU, softmax 10; cosine from 0.003
        // over 5 epochs (validation 0.9220; constant 0.001 needed more epochs for less).
        DEFAULTS.put(CNN, new ModelSpec(CNN, CNN, List.of(32), 3, ModelSpec.VALID, 0.0, List.of(128), 0.0, 5,
                128, 3e-3, DEFAULT_SEED, 0, false, COSINE, null));
        // The dense network: Dense 512 ReLU, dropout 0.2, Dense 256 ReLU, dropout 0.2, softmax 10; cosine from 0.002
        // over 6 epochs. Batch 512: a dense step costs ~4 ms plus ~32 us an image, so 512 trains ~1.7x faster than
        // 128, and over six seeds it reached the same accuracy (see the performance page).
        DEFAULTS.put(DNN, new ModelSpec(DNN, DNN, List.of(), 3, ModelSpec.VALID, 0.0, List.of(512, 256), 0.2,
                6, 512, 2e-3, DEFAULT_SEED, 0, false, COSINE, null));
        // The "complex CNN": conv 32 + pool, conv 64 + pool, dropout, Dense 128, dropout, softmax 10; cosine from
        // 0.002 over 10 epochs. "Same" padding and dropout 0.2 (where Keras examples often use 0.25 and 0.5) learn
        // faster; with "valid" padding and 0.25/0.5 it levelled off near 0.91 (measurements on the performance page).
        DEFAULTS.put(CNN_DEEP, new ModelSpec(CNN_DEEP, CNN_DEEP, List.of(32, 64), 3, ModelSpec.SAME, 0.2, List.of(128),
                0.2, 10, 128, 2e-3, DEFAULT_SEED, 0, false, COSINE, null));
    }

    private Architectures() {
    }

    public static List<String> names() {
        return List.copyOf(DEFAULTS.keySet());
    }

    public static ModelSpec defaults(String architecture) throws ConfigurationException {
        ModelSpec spec = DEFAULTS.get(architecture);
        if (spec == null) {
            throw new ConfigurationException("Unknown architecture '" + architecture + "'. Known: "
                    + String.join(", ", DEFAULTS.keySet()) + ". Pick one as <architecture> and change its layers "
                    + "with <filters>, <dense> and the dropout rates.");
        }
        return spec;
    }

    /** The best thread count for a network on this machine (measured: dense nets are fastest on one thread). */
    public static int defaultThreads(ModelSpec spec) {
        int cores = Runtime.getRuntime().availableProcessors();
        return spec.convolutional() ? cores : 1;
    }
}
