package io.github.fashionml.data.source;

/** One source tried for one file, and why it did not serve it. */
public record Attempt(String source, String reason) {
    @Override
    public String toString() {
        return source + ": " + reason;
    }
}
