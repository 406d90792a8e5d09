package io.github.fashionml.data.image;

import io.github.fashionml.ConfigurationException;

import java.util.Arrays;
import java.util.stream.Collectors;

/**
 * The channels a decoded image has: one grey sample or three RGB samples per pixel (Keras' {@code color_mode}
 * names).
 *
 * <ul>
 *   <li>RGB to grey is ITU-R BT.601 luma, {@code round(0.299 R + 0.587 G + 0.114 B)}, computed exactly in integers
 *       as {@code (299 R + 587 G + 114 B + 500) / 1000} (halves round up). This is the formula PIL's
 *       {@code convert("L")} (and so Keras' {@code color_mode="grayscale"}) implements; PIL evaluates it in 16-bit
 *       fixed point, which can differ from the exact value by one where it is within 1/65536 of a half.</li>
 *   <li>Grey to RGB repeats the grey sample three times.</li>
 * </ul>
 */
public enum ColorMode {
    GRAYSCALE("grayscale", 1),
    RGB("rgb", 3);

    private final String id;
    private final int channels;

    ColorMode(String id, int channels) {
        this.id = id;
        this.channels = channels;
    }

    /** The name used in configuration and fingerprints: {@code grayscale} or {@code rgb}. */
    @com.fasterxml.jackson.annotation.JsonValue
    public String id() {
        return id;
    }

    /** Samples per pixel: 1 or 3. */
    public int channels() {
        return channels;
    }

    /** The mode named {@code id} (case-insensitive). */
    @com.fasterxml.jackson.annotation.JsonCreator
    public static ColorMode parse(String id) throws ConfigurationException {
        for (ColorMode mode : values()) {
            if (mode.id.equalsIgnoreCase(id == null ? "" : id.trim())) {
                return mode;
            }
        }
        throw new ConfigurationException("unknown colour mode '" + id + "'; use one of "
                + Arrays.stream(values()).map(ColorMode::id).collect(Collectors.joining(", ")));
    }

    @Override
    public String toString() {
        return id;
    }
}
