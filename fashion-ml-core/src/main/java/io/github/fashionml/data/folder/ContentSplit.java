package io.github.fashionml.data.folder;

import io.github.fashionml.util.Sha256;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.HexFormat;

/**
 * Puts an image in the test set by its content alone, never by its position in a listing: adding or removing a
 * file moves no other file between train and test, and identical files (even under two classes) always land on
 * the same side, so a copy cannot leak a training image into the test set.
 *
 * <p>An image's position is the first 8 bytes of SHA-256(its content's SHA-256 bytes, then {@link #DOMAIN}) read as
 * an unsigned fraction in [0, 1); it is a test image when the position is below the test fraction. The domain
 * string keeps the position independent of anything else derived from the same content hash.
 */
public final class ContentSplit {
    /** Part of what is hashed: changing it would move images between train and test. */
    public static final String DOMAIN = "fashion-ml image folder test split v1";

    private ContentSplit() {
    }

    /** The image's position in [0, 1), from the lower-case hex SHA-256 of its content. */
    public static double position(String contentSha256) {
        MessageDigest digest = Sha256.newDigest();
        digest.update(HexFormat.of().parseHex(contentSha256));
        digest.update(DOMAIN.getBytes(StandardCharsets.UTF_8));
        long bits = ByteBuffer.wrap(digest.digest()).getLong();
        // The top 53 bits, the precision of a double: the result is exact and below 1.
        return (bits >>> 11) * 0x1.0p-53;
    }

    public static boolean isTest(String contentSha256, double testFraction) {
        return position(contentSha256) < testFraction;
    }
}
