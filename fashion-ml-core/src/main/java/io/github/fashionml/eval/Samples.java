package io.github.fashionml.eval;

/**
 * Per test image, in test-set order: the actual class, the predicted class and the probability the model
 * gave it. Used to compare models image by image and to show misclassified images.
 */
public record Samples(int[] actual, int[] predicted, float[] probability) {
    public boolean correct(int i) {
        return actual[i] == predicted[i];
    }

    public int count() {
        return actual.length;
    }
}
