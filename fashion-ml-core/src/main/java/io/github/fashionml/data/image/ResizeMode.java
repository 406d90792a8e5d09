package io.github.fashionml.data.image;

import io.github.fashionml.ConfigurationException;

import java.util.Arrays;
import java.util.stream.Collectors;

/**
 * How an image of another shape becomes the target height x width. Every mode interpolates bilinearly as
 * {@link Resizer} describes; an image already of the target size passes through untouched.
 */
public enum ResizeMode {
    /** Scale each axis on its own to the target; the aspect ratio changes (Keras' default). */
    STRETCH("stretch"),
    /**
     * Cut the largest centred box of the target's aspect ratio out of the image, then scale it to the target
     * (Keras' {@code crop_to_aspect_ratio=True}; the same box).
     */
    CROP("crop"),
    /**
     * Scale the whole image to fit inside the target keeping its aspect ratio, then centre it on a target-sized
     * canvas of 0 (black) samples, as Keras' {@code pad_to_aspect_ratio=True} fills with 0.
     */
    PAD("pad");

    private final String id;

    ResizeMode(String id) {
        this.id = id;
    }

    /** The name used in configuration and fingerprints. */
    @com.fasterxml.jackson.annotation.JsonValue
    public String id() {
        return id;
    }

    /** The mode named {@code id} (case-insensitive). */
    @com.fasterxml.jackson.annotation.JsonCreator
    public static ResizeMode parse(String id) throws ConfigurationException {
        for (ResizeMode mode : values()) {
            if (mode.id.equalsIgnoreCase(id == null ? "" : id.trim())) {
                return mode;
            }
        }
        throw new ConfigurationException("unknown resize mode '" + id + "'; use one of "
                + Arrays.stream(values()).map(ResizeMode::id).collect(Collectors.joining(", ")));
    }

    @Override
    public String toString() {
        return id;
    }
}
