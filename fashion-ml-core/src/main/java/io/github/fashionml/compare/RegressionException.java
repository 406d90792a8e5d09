package io.github.fashionml.compare;

import io.github.fashionml.FashionMlException;

/** A model's accuracy dropped below its baseline by more than the tolerance. */
public class RegressionException extends FashionMlException {
    private static final long serialVersionUID = 1L;

    public RegressionException(String message) {
        super(message);
    }
}
