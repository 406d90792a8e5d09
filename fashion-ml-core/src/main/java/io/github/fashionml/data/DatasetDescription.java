package io.github.fashionml.data;

import io.github.fashionml.util.Sha256;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * What every stage needs to know of a data set, whichever source it came from: its name, its class names in label
 * order, its images' shape, and a digest of its content. Networks, preprocessing, evaluation, exports and the report
 * read it instead of assuming Fashion-MNIST's 28x28 grey images and ten classes.
 *
 * @param name       the data set's name, for the log and the report ({@code fashion-mnist}, a folder's name)
 * @param classNames the class names, indexed by label
 * @param shape      the images' height, width and channels
 * @param digest     SHA-256 of the content, folded from each file's SHA-256 under its name
 */
public record DatasetDescription(String name, List<String> classNames, ImageShape shape, String digest) {

    public DatasetDescription {
        classNames = List.copyOf(classNames);
        if (classNames.size() < 2) {
            throw new IllegalArgumentException("a data set needs at least two classes, not " + classNames);
        }
    }

    /** Fashion-MNIST, with the SHA-256 of each of its files (decompressed) by key. */
    public static DatasetDescription fashionMnist(Map<String, String> fileDigests) {
        return new DatasetDescription(FashionMnist.NAME, FashionMnist.CLASS_NAMES, ImageShape.FASHION_MNIST,
                fold(fileDigests));
    }

    public int classCount() {
        return classNames.size();
    }

    /**
     * One digest of many files: each name and its SHA-256, in name order, NUL-separated so no two different sets
     * of pairs give the same input.
     */
    public static String fold(Map<String, String> digestsByName) {
        MessageDigest digest = Sha256.newDigest();
        for (Map.Entry<String, String> entry : new TreeMap<>(digestsByName).entrySet()) {
            digest.update(entry.getKey().getBytes(StandardCharsets.UTF_8));
            digest.update((byte) 0);
            digest.update(entry.getValue().getBytes(StandardCharsets.UTF_8));
            digest.update((byte) 0);
        }
        return Sha256.hex(digest.digest());
    }
}
