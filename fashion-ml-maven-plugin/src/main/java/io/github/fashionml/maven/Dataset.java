package io.github.fashionml.maven;

import io.github.fashionml.data.source.DatasetConfig;

import java.io.File;
import java.util.List;
import java.util.Map;

/**
 * The data set as configured in a POM: leave {@code <dataset>} out for Fashion-MNIST, or
 * {@code <dataset><format>idx</format><directory>data/mnist</directory></dataset>} for any IDX data set.
 */
public class Dataset {
    /** {@code idx}: the four MNIST-format files (gzipped or plain) of any IDX data set. */
    public String format;
    /** The folder holding the data set's files. */
    public File directory;
    /** The class names in label order, one {@code <className>} each; default: the labels' numbers. */
    public List<String> classNames;
    /**
     * The expected SHA-256 of each file's decompressed content: {@code <train-images>}, {@code <train-labels>},
     * {@code <test-images>}, {@code <test-labels>}; files not named are not checked.
     */
    public Map<String, String> sha256;

    DatasetConfig toConfig(File directoryOverride) {
        File dir = directoryOverride != null ? directoryOverride : directory;
        return new DatasetConfig(format, dir == null ? null : dir.toPath(), classNames, sha256);
    }
}
