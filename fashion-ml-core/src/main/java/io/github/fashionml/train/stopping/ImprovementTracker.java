package io.github.fashionml.train.stopping;

import io.github.fashionml.model.Monitor;

/**
 * Follows one validation figure epoch by epoch: its best value, the epoch that reached it, and how many epochs
 * have passed since. An epoch improves on the best when it is better by more than {@code minDelta}, in the
 * figure's direction (accuracy up, loss down), as Keras' callbacks judge it.
 */
public final class ImprovementTracker {
    private final String monitor;
    private final boolean higherIsBetter;
    private final double minDelta;
    private double best = Double.NaN;
    private int bestEpoch;
    private int sinceBest;

    public ImprovementTracker(String monitor, double minDelta) {
        this.monitor = monitor;
        this.higherIsBetter = Monitor.higherIsBetter(monitor);
        this.minDelta = minDelta;
    }

    /** Records an epoch's value; true when it is the new best. */
    public boolean observe(int epoch, double value) {
        boolean improved = Double.isNaN(best)
                || (higherIsBetter ? value > best + minDelta : value < best - minDelta);
        if (improved) {
            best = value;
            bestEpoch = epoch;
            sinceBest = 0;
        } else {
            sinceBest++;
        }
        return improved;
    }

    public String monitor() {
        return monitor;
    }

    public double best() {
        return best;
    }

    public int bestEpoch() {
        return bestEpoch;
    }

    /** Epochs observed since the best one. */
    public int epochsSinceBest() {
        return sinceBest;
    }
}
