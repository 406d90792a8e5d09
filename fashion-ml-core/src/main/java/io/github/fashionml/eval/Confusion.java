package io.github.fashionml.eval;

/** How often images of one class were predicted as another. */
public record Confusion(int actual, String actualName, int predicted, String predictedName, int count) {
}
