package io.github.fashionml.data.folder;

import io.github.fashionml.util.Sha256;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;

/**
 * The data set's digest: what the network would see, and nothing a listing can vary by. SHA-256 over, in this
 * order and each length-prefixed (so no two inputs encode alike): {@link #DOMAIN}, the caller's settings string
 * (decoding settings, folded in by the caller), the class names in index order, then every image in natural order
 * of its relative path with its split (train or test), class index and content SHA-256. Creation order, mtimes and
 * the listing's order do not enter; renaming, moving, editing, relabelling or re-splitting an image does.
 */
public final class DatasetDigest {
    public static final String DOMAIN = "fashion-ml image folder digest v1";
    private static final byte TRAIN = 0;
    private static final byte TEST = 1;

    private record Placed(IndexedImage image, byte split) {
    }

    private DatasetDigest() {
    }

    public static String of(List<String> classNames, List<IndexedImage> train, List<IndexedImage> test,
                            String settings) {
        List<Placed> images = new ArrayList<>(train.size() + test.size());
        train.forEach(image -> images.add(new Placed(image, TRAIN)));
        test.forEach(image -> images.add(new Placed(image, TEST)));
        images.sort((a, b) -> NaturalOrder.comparePaths(a.image.relativePath(), b.image.relativePath()));
        MessageDigest digest = Sha256.newDigest();
        string(digest, DOMAIN);
        string(digest, settings);
        integer(digest, classNames.size());
        classNames.forEach(name -> string(digest, name));
        integer(digest, images.size());
        for (Placed placed : images) {
            IndexedImage image = placed.image;
            string(digest, image.relativePath());
            digest.update(placed.split);
            integer(digest, image.classIndex());
            digest.update(HexFormat.of().parseHex(image.sha256()));
        }
        return Sha256.hex(digest.digest());
    }

    private static void string(MessageDigest digest, String s) {
        byte[] bytes = s.getBytes(StandardCharsets.UTF_8);
        integer(digest, bytes.length);
        digest.update(bytes);
    }

    private static void integer(MessageDigest digest, int value) {
        digest.update(ByteBuffer.allocate(Integer.BYTES).putInt(value).array());
    }
}
