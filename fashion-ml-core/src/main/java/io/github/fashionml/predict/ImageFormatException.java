package io.github.fashionml.predict;

import io.github.fashionml.FashionMlException;

/** An image the model cannot take as it is; the message says why and how to convert it. */
public class ImageFormatException extends FashionMlException {
    private static final long serialVersionUID = 1L;

    public ImageFormatException(String message) {
        super(message);
    }
}
