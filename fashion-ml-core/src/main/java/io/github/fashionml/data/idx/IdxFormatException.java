package io.github.fashionml.data.idx;

import java.io.IOException;

/** A file is not a well-formed IDX file of the kind expected; the message names the file and the problem. */
public class IdxFormatException extends IOException {
    private static final long serialVersionUID = 1L;

    public IdxFormatException(String file, String problem) {
        super(file + ": " + problem);
    }

    public IdxFormatException(String file, String problem, Throwable cause) {
        super(file + ": " + problem, cause);
    }
}
