package io.github.fashionml.train.stopping;

import io.github.fashionml.model.EarlyStopping;
import io.github.fashionml.provenance.EpochRecord;

import java.util.Locale;

/**
 * Decides after each epoch whether training goes on, and which epoch to keep. Without early stopping every
 * epoch runs and the last is kept.
 */
public final class EarlyStopper {
    private final EarlyStopping config;
    private final ImprovementTracker tracker;
    private final int maxEpochs;
    private String reason;

    public EarlyStopper(EarlyStopping config, int maxEpochs) {
        this.config = config;
        this.maxEpochs = maxEpochs;
        this.tracker = config == null ? null : new ImprovementTracker(config.monitor(), config.minDelta());
    }

    /** Takes a finished epoch; true when it is the best so far, so its parameters should be kept. */
    public boolean observe(EpochRecord record) {
        if (tracker == null) {
            return false;
        }
        boolean improved = tracker.observe(record.epoch(), value(record, tracker.monitor()));
        if (!improved && tracker.epochsSinceBest() >= config.patience()) {
            reason = String.format(Locale.ROOT, "%s did not improve for %d epoch%s after epoch %d (best %.4f)",
                    tracker.monitor(), config.patience(), config.patience() == 1 ? "" : "s", tracker.bestEpoch(),
                    tracker.best());
        }
        return improved;
    }

    /** Whether training stops after the epoch just observed. */
    public boolean shouldStop() {
        return reason != null;
    }

    /** Why training ended, for the log and the manifest. */
    public String stopReason(int epochsRun) {
        if (reason != null) {
            return reason;
        }
        return "reached the maximum of " + maxEpochs + " epoch" + (maxEpochs == 1 ? "" : "s");
    }

    /** The epoch whose parameters are saved: the best one when early stopping restores it, else the last. */
    public int keptEpoch(int epochsRun) {
        return tracker != null && config.restoreBest() && tracker.bestEpoch() > 0 ? tracker.bestEpoch() : epochsRun;
    }

    public boolean restoresBest() {
        return tracker != null && config.restoreBest();
    }

    /** A record's value of a monitored figure. */
    public static double value(EpochRecord record, String monitor) {
        return switch (monitor) {
            case io.github.fashionml.model.Monitor.VALIDATION_ACCURACY -> record.validationAccuracy();
            case io.github.fashionml.model.Monitor.VALIDATION_LOSS -> record.validationLoss();
            default -> throw new IllegalArgumentException("unknown monitor " + monitor);
        };
    }
}
