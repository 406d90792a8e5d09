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

    static {
        // The notebooks' first CNN: Conv2D 32 3x3 ReLU, MaxPool 2x2, Dense 128 ReLU, softmax 10.
        DEFAULTS.put(CNN, new ModelSpec(CNN, CNN, List.of(32), 3, 0.0, List.of(128), 0.0,
                10, 128, 1e-3, DEFAULT_SEED, 0, false));
        // The dense network: Dense 512 ReLU, dropout 0.2, Dense 256 ReLU, dropout 0.2, softmax 10.
        DEFAULTS.put(DNN, new ModelSpec(DNN, DNN, List.of(), 3, 0.0, List.of(512, 256), 0.2,
                10, 128, 1e-3, DEFAULT_SEED, 0, false));
        // The "complex CNN": conv 32 + pool, conv 64 + pool, dropout 0.25, Dense 128, dropout 0.5, softmax 10.
        DEFAULTS.put(CNN_DEEP, new ModelSpec(CNN_DEEP, CNN_DEEP, List.of(32, 64), 3, 0.25, List.of(128), 0.5,
                10, 128, 1e-3, DEFAULT_SEED, 0, false));
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
