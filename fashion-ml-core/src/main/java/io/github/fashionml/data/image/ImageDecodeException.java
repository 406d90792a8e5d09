package io.github.fashionml.data.image;

import io.github.fashionml.FashionMlException;

import java.nio.file.Path;

/** An image file cannot be decoded; the message names the file and what is wrong with it. */
public class ImageDecodeException extends FashionMlException {
    private static final long serialVersionUID = 1L;

    private final String file;

    public ImageDecodeException(Path file, String problem) {
        super(file + ": " + problem);
        this.file = file.toString();
    }

    public ImageDecodeException(Path file, String problem, Throwable cause) {
        super(file + ": " + problem, cause);
        this.file = file.toString();
    }

    /** The file that could not be decoded. */
    public Path file() {
        return Path.of(file);
    }
}
