package io.github.fashionml.onnx;

import io.github.fashionml.FashionMlException;

/**
 * A network has a layer, or a setting of one, that the ONNX exporter was not written for. Nothing is exported:
 * the message names the layer and what is unsupported, rather than the exporter guessing and writing a graph
 * that computes something else.
 */
public class UnsupportedNetworkException extends FashionMlException {
    private static final long serialVersionUID = 1L;

    public UnsupportedNetworkException(String message) {
        super(message);
    }
}
