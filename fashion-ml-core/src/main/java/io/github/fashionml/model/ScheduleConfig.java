package io.github.fashionml.model;

/**
 * A {@code <schedule>} as configured: {@code <type>} ({@code constant}, {@code cosine}, {@code onecycle},
 * {@code plateau}) and the fields that type reads. Unset fields take the type's defaults
 * ({@link LearningRateSchedule#of}).
 */
public class ScheduleConfig {
    /** {@code constant} (default), {@code cosine}, {@code onecycle} or {@code plateau}. */
    public String type;
    /** cosine: epochs of linear warm-up (default 0). */
    public Integer warmupEpochs;
    /** A fraction of the peak rate: cosine's final rate (0), onecycle's starting rate (0.1), plateau's lowest (0). */
    public Double floor;
    /** plateau: the rate's multiplier when the monitored figure stalls (0.5). */
    public Double factor;
    /** plateau: epochs without improvement before the rate drops (2). */
    public Integer patience;
    /** plateau: {@code validationLoss} (default) or {@code validationAccuracy}. */
    public String monitor;

    public LearningRateSchedule toSchedule() {
        return LearningRateSchedule.of(type, warmupEpochs, floor, factor, patience, monitor);
    }
}
