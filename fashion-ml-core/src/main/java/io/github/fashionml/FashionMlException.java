package io.github.fashionml;

/** A problem the user can fix: the message names the input at fault and how to fix it. */
public class FashionMlException extends Exception {
    private static final long serialVersionUID = 1L;

    public FashionMlException(String message) {
        super(message);
    }

    public FashionMlException(String message, Throwable cause) {
        super(message, cause);
    }
}
