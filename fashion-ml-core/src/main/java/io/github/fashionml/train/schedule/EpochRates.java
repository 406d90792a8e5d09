package io.github.fashionml.train.schedule;

import io.github.fashionml.model.LearningRateSchedule;
import io.github.fashionml.model.ModelSpec;
import io.github.fashionml.provenance.EpochRecord;
import io.github.fashionml.train.stopping.EarlyStopper;
import io.github.fashionml.train.stopping.ImprovementTracker;
import org.nd4j.linalg.schedule.CycleSchedule;
import org.nd4j.linalg.schedule.FixedSchedule;
import org.nd4j.linalg.schedule.ISchedule;
import org.nd4j.linalg.schedule.ScheduleType;

/**
 * The learning rate of each epoch, from a model's {@link LearningRateSchedule}. Fixed schedules are ND4J
 * {@link ISchedule}s evaluated per epoch (ND4J's {@link FixedSchedule} and {@link CycleSchedule}, and
 * {@link CosineSchedule}, which ND4J lacks); the plateau schedule depends on the validation figures, so it is
 * told each finished epoch.
 */
public abstract class EpochRates {
    /** The rate for an epoch (1-based), set before it starts. */
    public abstract double rate(int epoch);

    /** Takes a finished epoch. */
    public void observe(EpochRecord record) {
    }

    public static EpochRates of(ModelSpec spec) {
        LearningRateSchedule s = spec.schedule();
        double peak = spec.learningRate();
        int epochs = spec.epochs();
        return switch (s.type()) {
            case LearningRateSchedule.CONSTANT -> fixed(new FixedSchedule(peak));
            case LearningRateSchedule.COSINE ->
                    fixed(new CosineSchedule(ScheduleType.EPOCH, peak, peak * s.floor(), epochs, s.warmupEpochs()));
            case LearningRateSchedule.ONECYCLE -> fixed(oneCycle(peak, s.floor(), epochs));
            case LearningRateSchedule.PLATEAU -> new Plateau(peak, s);
            default -> throw new IllegalArgumentException("unknown schedule type " + s.type());
        };
    }

    /**
     * ND4J's one-cycle over the maximum epochs: up from {@code floor} x peak to the peak and back down in equal
     * halves, then 10x lower per epoch. ND4J jumps back to the peak at one epoch when the rise-and-fall length is
     * odd, so the annealing takes whatever the two equal halves leave (a tenth of the epochs, or one more).
     */
    static CycleSchedule oneCycle(double peak, double floor, int epochs) {
        int half = (epochs - (int) Math.round(epochs * 0.1)) / 2;
        return new CycleSchedule(ScheduleType.EPOCH, peak * floor, peak, epochs, epochs - 2 * half, 0.1);
    }

    private static EpochRates fixed(ISchedule schedule) {
        return new EpochRates() {
            @Override
            public double rate(int epoch) {
                return schedule.valueAt(0, epoch - 1);
            }
        };
    }

    /** Keras' ReduceLROnPlateau: multiply by {@code factor} after {@code patience} epochs with no improvement. */
    private static final class Plateau extends EpochRates {
        private final ImprovementTracker tracker;
        private final LearningRateSchedule schedule;
        private final double lowest;
        private double rate;
        private int sinceDrop;

        Plateau(double peak, LearningRateSchedule schedule) {
            this.schedule = schedule;
            this.tracker = new ImprovementTracker(schedule.monitor(), 0.0);
            this.lowest = peak * schedule.floor();
            this.rate = peak;
        }

        @Override
        public double rate(int epoch) {
            return rate;
        }

        @Override
        public void observe(EpochRecord record) {
            boolean improved = tracker.observe(record.epoch(), EarlyStopper.value(record, schedule.monitor()));
            // Like Keras, wait a full patience again after each drop before the next one.
            sinceDrop = improved ? 0 : sinceDrop + 1;
            if (sinceDrop >= schedule.patience()) {
                rate = Math.max(lowest, rate * schedule.factor());
                sinceDrop = 0;
            }
        }
    }
}
