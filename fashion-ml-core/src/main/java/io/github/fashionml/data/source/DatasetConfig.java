package io.github.fashionml.data.source;

import io.github.fashionml.ConfigurationException;
import io.github.fashionml.data.image.ColorMode;
import io.github.fashionml.data.image.DecodeSettings;
import io.github.fashionml.data.image.ResizeMode;

import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What the POM's {@code <dataset>} says: nothing (Fashion-MNIST, fetched and verified as always), or a directory
 * with the data set's files and how to read them. The values are kept as written; {@link #check()} and the
 * accessors that parse them fail naming the parameter and the fix.
 *
 * @param format       {@value #IDX}: the four MNIST-format files of any IDX data set; {@value #FOLDER} (the default
 *                     with a directory): a folder of labelled images, decoded once into IDX files in the cache
 * @param directory    the folder holding the data set, or null for Fashion-MNIST
 * @param classNames   the class names in label order (IDX), or the class folders to use in that order (folder);
 *                     empty for the labels' numbers (IDX) or every class folder in natural order (folder)
 * @param sha256       IDX only: the expected SHA-256 of each file's decompressed content, by key
 *                     ({@code train-images}, ...)
 * @param imageSize    folder only: {@code HxW} (height x width) every image is resized to; null: the images' own
 *                     size when they all share one
 * @param resize       folder only: {@code stretch}, {@code crop} or {@code pad}; null: stretch
 * @param colorMode    folder only: {@code grayscale} or {@code rgb}; null: grayscale when every image is grey
 * @param testFraction folder only: the share of images held out for testing when there is no {@code test/} folder;
 *                     null: 0.2
 * @param onCorrupt    folder only: {@code fail} or {@code skip} on an image that cannot be decoded; null: fail
 * @param followLinks  folder only: whether symbolic links are followed; null: no
 */
public record DatasetConfig(String format, Path directory, List<String> classNames, Map<String, String> sha256,
                            String imageSize, String resize, String colorMode, Double testFraction,
                            String onCorrupt, Boolean followLinks) {
    public static final String IDX = "idx";
    public static final String FOLDER = "folder";
    /** No {@code <dataset>}: Fashion-MNIST. */
    public static final DatasetConfig FASHION_MNIST = new DatasetConfig(null, null, List.of(), Map.of());

    private static final Pattern SIZE = Pattern.compile("\\s*(\\d{1,5})\\s*[xX]\\s*(\\d{1,5})\\s*");

    /** The height and width images are resized to ({@code <imageSize>}). */
    public record ImageSize(int height, int width) {
    }

    public DatasetConfig {
        classNames = classNames == null ? List.of() : List.copyOf(classNames);
        sha256 = sha256 == null ? Map.of() : Map.copyOf(sha256);
    }

    /** An IDX data set or Fashion-MNIST: no folder settings. */
    public DatasetConfig(String format, Path directory, List<String> classNames, Map<String, String> sha256) {
        this(format, directory, classNames, sha256, null, null, null, null, null, null);
    }

    public boolean isFashionMnist() {
        return directory == null;
    }

    /** {@value #IDX} or {@value #FOLDER} (the default with a directory); null for Fashion-MNIST. */
    public String kind() {
        if (directory == null) {
            return null;
        }
        return format == null || format.isBlank() ? FOLDER : format.trim().toLowerCase(Locale.ROOT);
    }

    /**
     * Fails naming the setting and the fix: settings without a directory, a format this version lacks, a setting
     * of the other format, or a value that cannot be read.
     */
    public void check() throws ConfigurationException {
        if (directory == null) {
            String stray = format != null ? "<format>" : !classNames.isEmpty() ? "<classNames>"
                    : !sha256.isEmpty() ? "<sha256>" : firstFolderSetting();
            if (stray != null) {
                throw new ConfigurationException("<dataset> has " + stray + " but no <directory>: set <directory> (or "
                        + "-Dfashionml.dataset.directory) to the data set's folder, or remove <dataset> to use "
                        + "Fashion-MNIST.");
            }
            return;
        }
        String kind = kind();
        if (IDX.equals(kind)) {
            String stray = firstFolderSetting();
            if (stray != null) {
                throw new ConfigurationException("<dataset> has " + stray + ", which applies to a folder of images, "
                        + "but <format> is idx (IDX files are read as they are): remove " + stray + ", or remove "
                        + "<format>idx</format> if the directory holds image folders.");
            }
            return;
        }
        if (!FOLDER.equals(kind)) {
            throw new ConfigurationException("<dataset><format> is '" + format + "': use <format>folder</format> (the "
                    + "default) for a folder of labelled images, or <format>idx</format> for the four MNIST-format "
                    + "files of an IDX data set.");
        }
        if (!sha256.isEmpty()) {
            throw new ConfigurationException("<dataset> has <sha256>, which applies to IDX files, but the directory is "
                    + "read as a folder of images: remove <sha256>, or set <format>idx</format> if the directory holds "
                    + "IDX files.");
        }
        imageSizeOrNull();
        resizeMode();
        colorModeOrNull();
        effectiveTestFraction();
        skipCorrupt();
    }

    /** {@code <imageSize>} as height and width, or null when it is not set (the images' own size). */
    public ImageSize imageSizeOrNull() throws ConfigurationException {
        if (imageSize == null || imageSize.isBlank()) {
            return null;
        }
        Matcher m = SIZE.matcher(imageSize);
        if (m.matches()) {
            int height = Integer.parseInt(m.group(1));
            int width = Integer.parseInt(m.group(2));
            if (height >= 1 && width >= 1 && height <= DecodeSettings.MAX_SIDE && width <= DecodeSettings.MAX_SIDE) {
                return new ImageSize(height, width);
            }
        }
        throw new ConfigurationException("<dataset><imageSize> is '" + imageSize + "': write height x width in "
                + "pixels, each 1 to " + DecodeSettings.MAX_SIDE + ", e.g. <imageSize>28x28</imageSize>.");
    }

    /** {@code <resize>}: stretch by default. */
    public ResizeMode resizeMode() throws ConfigurationException {
        if (resize == null || resize.isBlank()) {
            return ResizeMode.STRETCH;
        }
        try {
            return ResizeMode.parse(resize);
        } catch (ConfigurationException e) {
            throw new ConfigurationException("<dataset><resize> is '" + resize + "': use <resize>stretch</resize> "
                    + "(the default), <resize>crop</resize> (centre crop to the aspect ratio) or <resize>pad</resize> "
                    + "(pad with black).");
        }
    }

    /** {@code <colorMode>}, or null when it is not set (grey when every image is, otherwise RGB). */
    public ColorMode colorModeOrNull() throws ConfigurationException {
        if (colorMode == null || colorMode.isBlank()) {
            return null;
        }
        try {
            return ColorMode.parse(colorMode);
        } catch (ConfigurationException e) {
            throw new ConfigurationException("<dataset><colorMode> is '" + colorMode + "': use "
                    + "<colorMode>grayscale</colorMode> or <colorMode>rgb</colorMode>, or leave it out (grayscale "
                    + "when every image is grey, otherwise rgb).");
        }
    }

    /** {@code <testFraction>}, default 0.2; strictly between 0 and 1. */
    public double effectiveTestFraction() throws ConfigurationException {
        if (testFraction == null) {
            return io.github.fashionml.data.folder.FolderIndexOptions.DEFAULT_TEST_FRACTION;
        }
        if (!(testFraction > 0 && testFraction < 1)) {
            throw new ConfigurationException("<dataset><testFraction> is " + testFraction + ": it is the share of "
                    + "images held out for testing and must lie strictly between 0 and 1, e.g. "
                    + "<testFraction>0.2</testFraction> (the default).");
        }
        return testFraction;
    }

    /** {@code <onCorrupt>}: true for skip, false for fail (the default). */
    public boolean skipCorrupt() throws ConfigurationException {
        String value = onCorrupt == null ? "" : onCorrupt.trim().toLowerCase(Locale.ROOT);
        if (value.isEmpty() || value.equals("fail")) {
            return false;
        }
        if (value.equals("skip")) {
            return true;
        }
        throw new ConfigurationException("<dataset><onCorrupt> is '" + onCorrupt + "': use <onCorrupt>fail</onCorrupt>"
                + " (the default: stop at an image that cannot be decoded) or <onCorrupt>skip</onCorrupt> (leave it "
                + "out and list it in the log).");
    }

    public boolean followsLinks() {
        return Boolean.TRUE.equals(followLinks);
    }

    private String firstFolderSetting() {
        return imageSize != null ? "<imageSize>" : resize != null ? "<resize>" : colorMode != null ? "<colorMode>"
                : testFraction != null ? "<testFraction>" : onCorrupt != null ? "<onCorrupt>"
                : followLinks != null ? "<followLinks>" : null;
    }
}
