package io.github.fashionml.train.schedule;

import org.nd4j.linalg.schedule.ISchedule;
import org.nd4j.linalg.schedule.ScheduleType;

/**
 * Cosine decay with an optional linear warm-up, as an ND4J {@link ISchedule} (ND4J 1.0.0-M2.1 has none):
 * step {@code i} of {@code warmup} gives {@code peak * (i + 1) / (warmup + 1)}; after it, half a cosine from
 * {@code peak} at step {@code warmup} to {@code floorRate} at step {@code total}. Steps are epochs or
 * iterations, counted from 0, as the schedule type says.
 */
public final class CosineSchedule implements ISchedule {
    private final ScheduleType type;
    private final double peak;
    private final double floorRate;
    private final int total;
    private final int warmup;

    public CosineSchedule(ScheduleType type, double peak, double floorRate, int total, int warmup) {
        if (total < 1 || warmup < 0 || warmup >= total) {
            throw new IllegalArgumentException("need 0 <= warmup < total, got warmup " + warmup + ", total " + total);
        }
        this.type = type;
        this.peak = peak;
        this.floorRate = floorRate;
        this.total = total;
        this.warmup = warmup;
    }

    @Override
    public double valueAt(int iteration, int epoch) {
        int step = type == ScheduleType.EPOCH ? epoch : iteration;
        if (step < warmup) {
            return peak * (step + 1) / (warmup + 1);
        }
        double progress = Math.min(1.0, (double) (step - warmup) / (total - warmup));
        return floorRate + (peak - floorRate) * 0.5 * (1 + Math.cos(Math.PI * progress));
    }

    @Override
    public ISchedule clone() {
        return new CosineSchedule(type, peak, floorRate, total, warmup);
    }
}
