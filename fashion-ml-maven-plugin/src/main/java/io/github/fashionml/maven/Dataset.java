package io.github.fashionml.maven;

import io.github.fashionml.data.source.DatasetConfig;

import java.io.File;
import java.util.List;
import java.util.Map;

/**
 * The data set as configured in a POM: leave {@code <dataset>} out for Fashion-MNIST;
 * {@code <dataset><directory>data/clothes</directory></dataset>} for a folder of labelled images; or
 * {@code <dataset><format>idx</format><directory>data/mnist</directory></dataset>} for any IDX data set.
 */
public class Dataset {
    /**
     * {@code folder} (the default): one sub-folder of images per class, or {@code train/} and {@code test/} folders
     * holding them; {@code idx}: the four MNIST-format files (gzipped or plain) of any IDX data set.
     */
    public String format;
    /** The folder holding the data set's images or files. */
    public File directory;
    /**
     * The class names in label order, one {@code <className>} each. IDX: default the labels' numbers. Folder: the
     * class folders to use, in this order; default every class folder, in natural order (digit runs as numbers).
     */
    public List<String> classNames;
    /**
     * IDX only: the expected SHA-256 of each file's decompressed content: {@code <train-images>},
     * {@code <train-labels>}, {@code <test-images>}, {@code <test-labels>}; files not named are not checked.
     */
    public Map<String, String> sha256;
    /**
     * Folder only: the height x width every image is resized to, e.g. {@code 28x28}. Default: the images' own size,
     * when they all share one (else the build fails asking for it).
     */
    public String imageSize;
    /**
     * Folder only: how an image of another shape becomes {@code imageSize}, by bilinear interpolation:
     * {@code stretch} (the default; the aspect ratio changes), {@code crop} (the centred box of the target's aspect
     * ratio) or {@code pad} (fit inside, black around).
     */
    public String resize;
    /**
     * Folder only: {@code grayscale} (colour images become grey by ITU-R BT.601 luma) or {@code rgb} (three
     * samples per pixel; grey images repeat theirs). Default: grayscale when every image is grey, otherwise rgb.
     */
    public String colorMode;
    /**
     * Folder only: the share of images held out for testing, chosen by content hash, when the folder has no
     * {@code test/}; default 0.2.
     */
    public Double testFraction;
    /**
     * Folder only: {@code fail} (the default) stops at an image that cannot be decoded, naming it; {@code skip} leaves
     * it out and lists it in the log.
     */
    public String onCorrupt;
    /** Folder only: whether symbolic links are followed; default false (they are skipped and counted). */
    public Boolean followLinks;

    DatasetConfig toConfig(File directoryOverride) {
        File dir = directoryOverride != null ? directoryOverride : directory;
        return new DatasetConfig(format, dir == null ? null : dir.toPath(), classNames, sha256, imageSize, resize,
                colorMode, testFraction, onCorrupt, followLinks);
    }
}
