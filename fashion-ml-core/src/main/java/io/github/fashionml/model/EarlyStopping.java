package io.github.fashionml.model;

import com.fasterxml.jackson.annotation.JsonPropertyOrder;

/**
 * Stop training when a validation figure stops improving, as Keras' {@code EarlyStopping} does; the spec's
 * {@code epochs} is then the maximum.
 *
 * @param monitor     {@link Monitor#VALIDATION_LOSS} or {@link Monitor#VALIDATION_ACCURACY}
 * @param patience    epochs without improvement before training stops (at least 1)
 * @param minDelta    the smallest change that counts as an improvement (0 or more)
 * @param restoreBest keep the best epoch's parameters instead of the last epoch's
 */
@JsonPropertyOrder({"monitor", "patience", "minDelta", "restoreBest"})
public record EarlyStopping(String monitor, int patience, double minDelta, boolean restoreBest) {
    public static final int DEFAULT_PATIENCE = 2;
}
