package io.github.fashionml.model;

import java.util.List;

/** The per-epoch figures that early stopping and the plateau schedule can watch, as named in POMs and JSON. */
public final class Monitor {
    public static final String VALIDATION_LOSS = "validationLoss";
    public static final String VALIDATION_ACCURACY = "validationAccuracy";
    public static final List<String> NAMES = List.of(VALIDATION_LOSS, VALIDATION_ACCURACY);

    private Monitor() {
    }

    /** Accuracy improves upwards, loss downwards. */
    public static boolean higherIsBetter(String monitor) {
        return VALIDATION_ACCURACY.equals(monitor);
    }
}
