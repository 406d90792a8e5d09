package io.github.fashionml.data.source;

import io.github.fashionml.ConfigurationException;
import io.github.fashionml.data.DatasetDescription;
import io.github.fashionml.data.FashionMnistFile;
import io.github.fashionml.data.ImageShape;
import io.github.fashionml.data.idx.IdxImages;
import io.github.fashionml.data.idx.IdxReader;
import io.github.fashionml.util.ProgressLog;
import io.github.fashionml.util.Sha256;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Stream;

/**
 * Any IDX data set in a directory (MNIST, KMNIST, EMNIST, Fashion-MNIST, one's own): four files in the MNIST
 * format, gzipped or plain, found by the ends of their names, verified by SHA-256 where the configuration gives
 * one, and described by their headers (the image size) and labels (the classes).
 */
public final class IdxDirectory {
    /** Name endings of each file, lower case, without {@code .gz}: MNIST's, and the common "test" spelling. */
    private static final Map<FashionMnistFile, List<String>> ENDINGS = Map.of(
            FashionMnistFile.TRAIN_IMAGES, List.of("train-images-idx3-ubyte", "train-images.idx3-ubyte"),
            FashionMnistFile.TRAIN_LABELS, List.of("train-labels-idx1-ubyte", "train-labels.idx1-ubyte"),
            FashionMnistFile.TEST_IMAGES, List.of("t10k-images-idx3-ubyte", "t10k-images.idx3-ubyte",
                    "test-images-idx3-ubyte", "test-images.idx3-ubyte"),
            FashionMnistFile.TEST_LABELS, List.of("t10k-labels-idx1-ubyte", "t10k-labels.idx1-ubyte",
                    "test-labels-idx1-ubyte", "test-labels.idx1-ubyte"));

    private final ProgressLog log;

    public IdxDirectory(ProgressLog log) {
        this.log = log;
    }

    /**
     * @param directory  the folder holding the four files
     * @param classNames the class names in label order, or empty for the labels' numbers ("0", "1", ...)
     * @param sha256     the expected SHA-256 of each file's decompressed content, by key ({@code train-images},
     *                   ...); files not named are not checked
     */
    public ResolvedDataset resolve(Path directory, List<String> classNames, Map<String, String> sha256)
            throws ConfigurationException, IOException {
        if (!Files.isDirectory(directory)) {
            throw new ConfigurationException("The IDX data set directory " + directory + " does not exist. Set "
                    + "<dataset><directory> (or -Dfashionml.dataset.directory) to the folder holding its four files.");
        }
        checkKeys(sha256);
        Map<FashionMnistFile, ResolvedFile> files = new EnumMap<>(FashionMnistFile.class);
        Map<String, String> digests = new TreeMap<>();
        for (FashionMnistFile role : FashionMnistFile.values()) {
            Path path = find(directory, role);
            long[] size = new long[1];
            String digest;
            try (InputStream in = IdxReader.openDecompressed(path)) {
                digest = Sha256.of(in, size);
            }
            String expected = sha256.get(role.key());
            if (expected != null && !expected.equalsIgnoreCase(digest)) {
                throw new ConfigurationException(path + " has SHA-256 " + digest + " (of its decompressed content), "
                        + "but <dataset><sha256><" + role.key() + "> expects " + expected + ". Fetch the file again, "
                        + "or correct the expected value.");
            }
            log.info(path.getFileName() + ": " + role.key() + ", SHA-256 " + digest
                    + (expected == null ? " (no expected value configured)" : " verified"));
            files.put(role, new ResolvedFile(role, path, "IDX data set directory " + directory, path.toString(),
                    digest, size[0]));
            digests.put(role.key(), digest);
        }
        ImageShape shape = shape(files);
        List<String> names = classNames(files, classNames);
        DatasetDescription description = new DatasetDescription(name(directory), names, shape,
                DatasetDescription.fold(digests));
        return new ResolvedDataset(files, description);
    }

    private static Path find(Path directory, FashionMnistFile role) throws IOException, ConfigurationException {
        List<Path> matches = new ArrayList<>();
        try (Stream<Path> list = Files.list(directory)) {
            for (Path p : list.sorted().toList()) {
                String name = p.getFileName().toString().toLowerCase(Locale.ROOT);
                String bare = name.endsWith(".gz") ? name.substring(0, name.length() - 3) : name;
                if (Files.isRegularFile(p) && !name.startsWith(".")
                        && ENDINGS.get(role).stream().anyMatch(bare::endsWith)) {
                    matches.add(p);
                }
            }
        }
        if (matches.size() != 1) {
            throw new ConfigurationException((matches.isEmpty() ? "No " : "More than one ") + role.key()
                    + " file in " + directory + (matches.isEmpty() ? "" : " " + matches) + ": the IDX data set needs "
                    + "exactly one file whose name ends in " + String.join(" or ", ENDINGS.get(role))
                    + " (optionally .gz), as MNIST names them.");
        }
        return matches.get(0);
    }

    private static ImageShape shape(IdxReader.Dimensions d) {
        return new ImageShape(d.rows(), d.columns(), d.channels());
    }

    /** The images' size, from the headers: both sets must agree. */
    private static ImageShape shape(Map<FashionMnistFile, ResolvedFile> files) throws IOException {
        ImageShape train = shape(IdxReader.readDimensions(files.get(FashionMnistFile.TRAIN_IMAGES).path()));
        ImageShape test = shape(IdxReader.readDimensions(files.get(FashionMnistFile.TEST_IMAGES).path()));
        if (!train.equals(test)) {
            throw new io.github.fashionml.data.idx.IdxFormatException(
                    files.get(FashionMnistFile.TEST_IMAGES).path().toString(), "holds " + test
                    + " images, the training images are " + train + "; both sets must have one size");
        }
        return train;
    }

    /** The configured names, checked against the labels; else the labels' numbers up to the largest. */
    private static List<String> classNames(Map<FashionMnistFile, ResolvedFile> files, List<String> configured)
            throws IOException, ConfigurationException {
        int largest = -1;
        for (FashionMnistFile role : List.of(FashionMnistFile.TRAIN_LABELS, FashionMnistFile.TEST_LABELS)) {
            for (byte label : IdxReader.readLabels(files.get(role).path(), 256)) {
                largest = Math.max(largest, label & 0xFF);
            }
        }
        if (configured == null || configured.isEmpty()) {
            List<String> numbers = new ArrayList<>();
            for (int c = 0; c <= Math.max(largest, 1); c++) {
                numbers.add(Integer.toString(c));
            }
            return numbers;
        }
        Set<String> seen = new HashSet<>();
        for (String name : configured) {
            if (name == null || name.isBlank() || !seen.add(name.trim())) {
                throw new ConfigurationException("<dataset><classNames> has " + (name == null || name.isBlank()
                        ? "a blank name" : "'" + name.trim() + "' twice") + ": give each class one distinct name, in "
                        + "label order.");
            }
        }
        if (largest >= configured.size()) {
            throw new ConfigurationException("The labels go up to " + largest + ", but <dataset><classNames> names "
                    + configured.size() + " classes: give one name per label, 0 to " + largest + ", in label order.");
        }
        return configured.stream().map(String::trim).toList();
    }

    private static void checkKeys(Map<String, String> sha256) throws ConfigurationException {
        Set<String> keys = new java.util.TreeSet<>();
        for (FashionMnistFile role : FashionMnistFile.values()) {
            keys.add(role.key());
        }
        for (String key : sha256.keySet()) {
            if (!keys.contains(key)) {
                throw new ConfigurationException("<dataset><sha256> names '" + key + "'; the files are " + keys);
            }
        }
    }

    /** The folder's name: what the log and the report call the data set. */
    private static String name(Path directory) {
        Path name = directory.toAbsolutePath().normalize().getFileName();
        return name == null ? directory.toString() : name.toString();
    }
}
