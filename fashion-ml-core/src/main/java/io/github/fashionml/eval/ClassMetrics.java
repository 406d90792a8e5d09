package io.github.fashionml.eval;

/** Precision, recall, F1 and support of one class (or an average of them). */
public record ClassMetrics(String name, double precision, double recall, double f1, int support) {
}
