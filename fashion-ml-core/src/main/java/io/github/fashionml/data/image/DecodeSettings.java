package io.github.fashionml.data.image;

import java.util.Objects;

/**
 * What every decoded image of a data set becomes: {@code height x width} pixels of {@code colorMode}'s channels,
 * reshaped by {@code resizeMode}. {@link #id()} names all of it, for fingerprints and cache keys.
 */
public record DecodeSettings(int height, int width, ColorMode colorMode, ResizeMode resizeMode) {
    /** The largest target side accepted; far above what an image classifier trained here takes. */
    public static final int MAX_SIDE = 4096;

    public DecodeSettings {
        Objects.requireNonNull(colorMode, "colorMode");
        Objects.requireNonNull(resizeMode, "resizeMode");
        if (height < 1 || width < 1 || height > MAX_SIDE || width > MAX_SIDE) {
            throw new IllegalArgumentException("image size " + height + "x" + width + " (height x width) is not in 1.."
                    + MAX_SIDE);
        }
    }

    /** Settings that stretch (Keras' default). */
    public static DecodeSettings of(int height, int width, ColorMode colorMode) {
        return new DecodeSettings(height, width, colorMode, ResizeMode.STRETCH);
    }

    /** Samples per pixel: 1 or 3. */
    public int channels() {
        return colorMode.channels();
    }

    /** Samples per decoded image: height x width x channels. */
    public int samples() {
        return height * width * channels();
    }

    /**
     * A stable name of these settings and of the decoding rules' version, such as
     * {@code "28x28 grayscale stretch bilinear-half-pixel v1"} (height x width first); it changes when the rules do.
     */
    public String id() {
        return height + "x" + width + " " + colorMode.id() + " " + resizeMode.id() + " " + ImageDecoder.RULES;
    }
}
