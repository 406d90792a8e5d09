package io.github.fashionml.data;

import io.github.fashionml.data.idx.IdxFormatException;
import io.github.fashionml.data.idx.IdxImages;
import io.github.fashionml.data.idx.IdxReader;
import io.github.fashionml.util.Sha256;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.util.Collections;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * A data set in memory: training and test images with their labels, what the data set is (its
 * {@link DatasetDescription}: classes, image shape, digest), and the SHA-256 of each file's decompressed contents
 * as read (so what was trained on is recorded, whatever the source). Labels are unsigned bytes, as IDX stores them:
 * up to 256 classes.
 */
public record ImageDataset(IdxImages trainImages, byte[] trainLabels, IdxImages testImages, byte[] testLabels,
                           Map<FashionMnistFile, String> sha256, DatasetDescription description) {

    public ImageDataset {
        sha256 = Collections.unmodifiableMap(new EnumMap<>(sha256));
    }

    /**
     * Reads Fashion-MNIST's four files (gzipped or plain). Checks their structure: 28x28 images, labels 0-9, as many
     * labels as images. Digests are computed while reading; compare them with {@link #isOfficial()}.
     */
    public static ImageDataset load(Map<FashionMnistFile, Path> files) throws IOException {
        ImageDataset data = load(files, FashionMnist.NAME, FashionMnist.CLASS_NAMES);
        if (!data.description().shape().equals(ImageShape.FASHION_MNIST)) {
            Path path = files.get(FashionMnistFile.TRAIN_IMAGES);
            throw new IdxFormatException(path.toString(), "holds " + ImageShape.of(data.trainImages())
                    + " images; Fashion-MNIST images are " + ImageShape.FASHION_MNIST);
        }
        return data;
    }

    /**
     * Reads any IDX data set's four files (gzipped or plain): grey or colour images of one shape in both sets, labels below
     * the number of class names, as many labels as images.
     */
    public static ImageDataset load(Map<FashionMnistFile, Path> files, String name, List<String> classNames)
            throws IOException {
        Map<FashionMnistFile, String> digests = new EnumMap<>(FashionMnistFile.class);
        IdxImages train = readImages(files, FashionMnistFile.TRAIN_IMAGES, digests);
        byte[] trainLabels = readLabels(files, FashionMnistFile.TRAIN_LABELS, digests, classNames.size());
        IdxImages test = readImages(files, FashionMnistFile.TEST_IMAGES, digests);
        byte[] testLabels = readLabels(files, FashionMnistFile.TEST_LABELS, digests, classNames.size());
        checkCounts(files, FashionMnistFile.TRAIN_IMAGES, train, FashionMnistFile.TRAIN_LABELS, trainLabels);
        checkCounts(files, FashionMnistFile.TEST_IMAGES, test, FashionMnistFile.TEST_LABELS, testLabels);
        if (!ImageShape.of(train).equals(ImageShape.of(test))) {
            throw new IdxFormatException(files.get(FashionMnistFile.TEST_IMAGES).toString(), "holds " + ImageShape.of(test)
                    + " images, the training images are " + ImageShape.of(train) + "; both sets must have one size");
        }
        Map<String, String> byKey = new java.util.TreeMap<>();
        digests.forEach((file, digest) -> byKey.put(file.key(), digest));
        DatasetDescription description = new DatasetDescription(name, classNames,
                ImageShape.of(train), DatasetDescription.fold(byKey));
        return new ImageDataset(train, trainLabels, test, testLabels, digests, description);
    }

    /** Reads the four files from one directory, each as {@code name.gz} or plain {@code name}. */
    public static ImageDataset load(Path directory) throws IOException {
        Map<FashionMnistFile, Path> files = new EnumMap<>(FashionMnistFile.class);
        for (FashionMnistFile file : FashionMnistFile.values()) {
            Path gz = directory.resolve(file.gzipFileName());
            files.put(file, java.nio.file.Files.exists(gz) ? gz : directory.resolve(file.fileName()));
        }
        return load(files);
    }

    /** True when every file is the published Fashion-MNIST file (not a subset or another dataset). */
    public boolean isOfficial() {
        for (FashionMnistFile file : FashionMnistFile.values()) {
            if (!file.sha256().equals(sha256.get(file))) {
                return false;
            }
        }
        return true;
    }

    /** The first {@code trainCount} training and {@code testCount} test images: for quick runs and tests. */
    public ImageDataset subset(int trainCount, int testCount) {
        int trainN = Math.min(trainCount, trainImages.count());
        int testN = Math.min(testCount, testImages.count());
        return new ImageDataset(trainImages.first(trainN), java.util.Arrays.copyOf(trainLabels, trainN),
                testImages.first(testN), java.util.Arrays.copyOf(testLabels, testN), sha256, description);
    }

    private static Path pathOf(Map<FashionMnistFile, Path> files, FashionMnistFile file) {
        Path path = files.get(file);
        if (path == null) {
            throw new IllegalArgumentException("no path given for " + file.fileName());
        }
        return path;
    }

    private static IdxImages readImages(Map<FashionMnistFile, Path> files, FashionMnistFile file,
                                        Map<FashionMnistFile, String> digests) throws IOException {
        Path path = pathOf(files, file);
        MessageDigest digest = Sha256.newDigest();
        IdxImages images;
        try (InputStream in = new DigestInputStream(IdxReader.openDecompressed(path), digest)) {
            images = IdxReader.readImages(in, path.toString());
        }
        digests.put(file, Sha256.hex(digest.digest()));
        return images;
    }

    private static byte[] readLabels(Map<FashionMnistFile, Path> files, FashionMnistFile file,
                                     Map<FashionMnistFile, String> digests, int classes) throws IOException {
        Path path = pathOf(files, file);
        MessageDigest digest = Sha256.newDigest();
        byte[] labels;
        try (InputStream in = new DigestInputStream(IdxReader.openDecompressed(path), digest)) {
            labels = IdxReader.readLabels(in, path.toString(), classes);
        }
        digests.put(file, Sha256.hex(digest.digest()));
        return labels;
    }

    private static void checkCounts(Map<FashionMnistFile, Path> files, FashionMnistFile imagesFile, IdxImages images,
                                    FashionMnistFile labelsFile, byte[] labels) throws IdxFormatException {
        if (images.count() != labels.length) {
            throw new IdxFormatException(files.get(imagesFile).toString(), "holds " + images.count()
                    + " images but " + files.get(labelsFile) + " holds " + labels.length
                    + " labels; the two files must come from the same set");
        }
    }
}
