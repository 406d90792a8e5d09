package io.github.fashionml.data.source;

import io.github.fashionml.ConfigurationException;

import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * What the POM's {@code <dataset>} says: nothing (Fashion-MNIST, fetched and verified as always), or a directory
 * with the data set's files and how to read them.
 *
 * @param format     {@value #IDX}: the four MNIST-format files of any IDX data set
 * @param directory  the folder holding the data set, or null for Fashion-MNIST
 * @param classNames the class names in label order; empty for the labels' numbers
 * @param sha256     the expected SHA-256 of each file's decompressed content, by key ({@code train-images}, ...)
 */
public record DatasetConfig(String format, Path directory, List<String> classNames, Map<String, String> sha256) {
    public static final String IDX = "idx";
    /** No {@code <dataset>}: Fashion-MNIST. */
    public static final DatasetConfig FASHION_MNIST = new DatasetConfig(null, null, List.of(), Map.of());

    public DatasetConfig {
        classNames = classNames == null ? List.of() : List.copyOf(classNames);
        sha256 = sha256 == null ? Map.of() : Map.copyOf(sha256);
    }

    public boolean isFashionMnist() {
        return directory == null;
    }

    /** Fails naming the setting and the fix: a format without a directory, or a format this version lacks. */
    public void check() throws ConfigurationException {
        String kind = format == null ? null : format.trim().toLowerCase(Locale.ROOT);
        if (directory == null) {
            if (kind != null || !classNames.isEmpty() || !sha256.isEmpty()) {
                throw new ConfigurationException("<dataset> has " + (kind != null ? "<format>" : !classNames.isEmpty()
                        ? "<classNames>" : "<sha256>") + " but no <directory>: set <directory> (or "
                        + "-Dfashionml.dataset.directory) to the data set's folder, or remove <dataset> to use "
                        + "Fashion-MNIST.");
            }
            return;
        }
        if (!IDX.equals(kind)) {
            throw new ConfigurationException("<dataset><format> is " + (kind == null ? "not set" : "'" + format + "'")
                    + ": this version reads IDX data sets from a directory; set <format>idx</format> with a "
                    + "<directory> holding the four MNIST-format files.");
        }
    }
}
