package io.github.fashionml.eval;

/** A confidence interval, with its level and method. */
public record Interval(double lower, double upper, double confidence, String method) {
}
