package io.github.fashionml;

/** A parameter or option has a value that cannot work; raised before any long work starts. */
public class ConfigurationException extends FashionMlException {
    private static final long serialVersionUID = 1L;

    public ConfigurationException(String message) {
        super(message);
    }
}
