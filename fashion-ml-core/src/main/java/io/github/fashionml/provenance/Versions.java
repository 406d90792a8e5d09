package io.github.fashionml.provenance;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Properties;

/** Versions of fashion-ml and Deeplearning4j, as built (filtered into {@code version.properties}). */
public final class Versions {
    private static final Properties PROPERTIES = load();

    private Versions() {
    }

    public static String fashionMl() {
        return PROPERTIES.getProperty("fashion-ml.version", "unknown");
    }

    public static String deeplearning4j() {
        return PROPERTIES.getProperty("deeplearning4j.version", "unknown");
    }

    private static Properties load() {
        Properties p = new Properties();
        try (InputStream in = Versions.class.getResourceAsStream("/io/github/fashionml/version.properties")) {
            if (in != null) {
                p.load(in);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return p;
    }
}
