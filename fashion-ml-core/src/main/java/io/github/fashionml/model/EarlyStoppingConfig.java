package io.github.fashionml.model;

/**
 * An {@code <earlyStopping>} as configured. Giving the element turns early stopping on;
 * {@code <enabled>false</enabled>} turns off one that an architecture's defaults have.
 */
public class EarlyStoppingConfig {
    /** False turns early stopping off. */
    public Boolean enabled;
    /** {@code validationLoss} (default) or {@code validationAccuracy}. */
    public String monitor;
    /** Epochs without improvement before training stops (default 2). */
    public Integer patience;
    /** The smallest change that counts as an improvement (default 0). */
    public Double minDelta;
    /** Keep the best epoch's parameters, not the last epoch's (default true). */
    public Boolean restoreBest;

    /** The spec, or null when disabled. Unset fields come from {@code base} when given, else the defaults. */
    public EarlyStopping toEarlyStopping(EarlyStopping base) {
        if (Boolean.FALSE.equals(enabled)) {
            return null;
        }
        return new EarlyStopping(
                monitor != null ? monitor : base != null ? base.monitor() : Monitor.VALIDATION_LOSS,
                patience != null ? patience : base != null ? base.patience() : EarlyStopping.DEFAULT_PATIENCE,
                minDelta != null ? minDelta : base != null ? base.minDelta() : 0.0,
                restoreBest != null ? restoreBest : base == null || base.restoreBest());
    }
}
