package io.github.fashionml.data.folder;

import io.github.fashionml.ConfigurationException;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * What to index and how. Start from {@link #of(Path)} and change what differs from the defaults.
 *
 * @param directory    the folder of labelled images
 * @param indexFile    where the index cache lives (keep it outside {@code directory}, e.g. in the build's output
 *                     tree); {@code null}: no cache, every image is read
 * @param classNames   the classes to use, in index order; {@code null}: every class folder, in natural order
 * @param testFraction the share of images put in the test set when the folder has no {@code test/};
 *                     {@code null}: {@link #DEFAULT_TEST_FRACTION}. Ignored, with a warning, when it has
 * @param followLinks  whether symbolic links (to files or folders) are followed; off: they are skipped and counted
 * @param settings     folded into the digest; the caller passes its decoding settings here
 */
public record FolderIndexOptions(Path directory, Path indexFile, List<String> classNames, Double testFraction,
                                 boolean followLinks, String settings) {
    public static final double DEFAULT_TEST_FRACTION = 0.2;

    public FolderIndexOptions {
        // A copy: the caller's list may change after this; nulls inside are reported by check().
        classNames = classNames == null ? null : Collections.unmodifiableList(new ArrayList<>(classNames));
        settings = settings == null ? "" : settings;
    }

    /** The defaults: no index cache, every class folder, test fraction 0.2, links not followed, no settings. */
    public static FolderIndexOptions of(Path directory) {
        return new FolderIndexOptions(directory, null, null, null, false, "");
    }

    public FolderIndexOptions withIndexFile(Path file) {
        return new FolderIndexOptions(directory, file, classNames, testFraction, followLinks, settings);
    }

    public FolderIndexOptions withClassNames(List<String> names) {
        return new FolderIndexOptions(directory, indexFile, names, testFraction, followLinks, settings);
    }

    public FolderIndexOptions withTestFraction(Double fraction) {
        return new FolderIndexOptions(directory, indexFile, classNames, fraction, followLinks, settings);
    }

    public FolderIndexOptions withFollowLinks(boolean follow) {
        return new FolderIndexOptions(directory, indexFile, classNames, testFraction, follow, settings);
    }

    public FolderIndexOptions withSettings(String digestSettings) {
        return new FolderIndexOptions(directory, indexFile, classNames, testFraction, followLinks, digestSettings);
    }

    /** The test fraction in effect. */
    public double effectiveTestFraction() {
        return testFraction == null ? DEFAULT_TEST_FRACTION : testFraction;
    }

    /** Fails, naming the setting and a working value, before any file is touched. */
    public void check() throws ConfigurationException {
        if (directory == null) {
            throw new ConfigurationException("No image folder is set: name a directory with one sub-folder of images "
                    + "per class.");
        }
        double f = effectiveTestFraction();
        if (!(f > 0 && f < 1)) {
            throw new ConfigurationException("testFraction is " + testFraction + ", but it must lie strictly between 0 "
                    + "and 1 (the share of images held out for testing): use e.g. " + DEFAULT_TEST_FRACTION + ".");
        }
        if (classNames != null) {
            for (int i = 0; i < classNames.size(); i++) {
                String name = classNames.get(i);
                if (name == null || name.isBlank() || name.contains("/") || name.contains("\\")) {
                    throw new ConfigurationException("classNames entry " + (i + 1) + " is "
                            + (name == null ? "missing" : "'" + name + "'") + ": each entry must be the name of a class "
                            + "folder (no path separators), e.g. " + List.of("cat", "dog") + ".");
                }
            }
        }
    }
}
