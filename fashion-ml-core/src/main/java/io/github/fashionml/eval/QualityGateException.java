package io.github.fashionml.eval;

import io.github.fashionml.FashionMlException;

import java.util.List;

/** One or more models missed their quality gate. */
public class QualityGateException extends FashionMlException {
    private static final long serialVersionUID = 1L;

    public QualityGateException(List<String> failures) {
        super("Quality gate failed:\n  - " + String.join("\n  - ", failures));
    }
}
