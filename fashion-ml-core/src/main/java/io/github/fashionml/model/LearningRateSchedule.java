package io.github.fashionml.model;

import com.fasterxml.jackson.annotation.JsonPropertyOrder;

import java.util.List;

/**
 * How Adam's learning rate changes from epoch to epoch. The spec's {@code learningRate} is the peak rate; the
 * rate is set at the start of each epoch and held for the whole epoch.
 *
 * <ul>
 *   <li>{@code constant}: the peak rate throughout.</li>
 *   <li>{@code cosine}: after {@code warmupEpochs} epochs rising linearly (epoch i of w at peak x i/(w+1)), half a
 *       cosine from the peak down to {@code floor} x peak, reached at the end of the maximum epochs.</li>
 *   <li>{@code onecycle}: ND4J's one-cycle schedule: from {@code floor} x peak linearly up to the peak and back
 *       over most of the maximum epochs, then annealed by 10x per epoch in the last tenth.</li>
 *   <li>{@code plateau}: the peak rate, multiplied by {@code factor} whenever {@code monitor} has not improved for
 *       {@code patience} epochs, never below {@code floor} x peak (Keras' {@code ReduceLROnPlateau}).</li>
 * </ul>
 *
 * @param type         {@code constant}, {@code cosine}, {@code onecycle} or {@code plateau}
 * @param warmupEpochs cosine: epochs of linear warm-up before the decay
 * @param floor        cosine: the final rate; onecycle: the starting rate; plateau: the lowest rate; each as a
 *                     fraction of the peak
 * @param factor       plateau: what the rate is multiplied by, in (0, 1)
 * @param patience     plateau: epochs without improvement before the rate drops
 * @param monitor      plateau: {@link Monitor#VALIDATION_LOSS} or {@link Monitor#VALIDATION_ACCURACY}
 */
@JsonPropertyOrder({"type", "warmupEpochs", "floor", "factor", "patience", "monitor"})
public record LearningRateSchedule(String type, int warmupEpochs, double floor, double factor, int patience,
                                   String monitor) {
    public static final String CONSTANT = "constant";
    public static final String COSINE = "cosine";
    public static final String ONECYCLE = "onecycle";
    public static final String PLATEAU = "plateau";
    public static final List<String> TYPES = List.of(CONSTANT, COSINE, ONECYCLE, PLATEAU);

    public static final LearningRateSchedule CONSTANT_RATE = new LearningRateSchedule(CONSTANT, 0, 0, 0, 0, null);

    /** A schedule of the given type with its documented defaults for every field not given (null). */
    public static LearningRateSchedule of(String type, Integer warmupEpochs, Double floor, Double factor,
                                          Integer patience, String monitor) {
        String t = type == null ? CONSTANT : type;
        return switch (t) {
            case CONSTANT -> CONSTANT_RATE;
            case COSINE -> new LearningRateSchedule(t, or(warmupEpochs, 0), or(floor, 0.0), 0, 0, null);
            case ONECYCLE -> new LearningRateSchedule(t, 0, or(floor, 0.1), 0, 0, null);
            case PLATEAU -> new LearningRateSchedule(t, 0, or(floor, 0.0), or(factor, 0.5), or(patience, 2),
                    monitor == null ? Monitor.VALIDATION_LOSS : monitor);
            // Unknown types are kept as given, so validation can name them.
            default -> new LearningRateSchedule(t, or(warmupEpochs, 0), or(floor, 0.0), or(factor, 0.0),
                    or(patience, 0), monitor);
        };
    }

    private static <T> T or(T value, T fallback) {
        return value != null ? value : fallback;
    }
}
