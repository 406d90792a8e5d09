package io.github.fashionml.data.idx;

import io.github.fashionml.util.AtomicFiles;
import io.github.fashionml.util.Sha256;

import java.io.DataOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Path;
import java.security.DigestOutputStream;
import java.security.MessageDigest;
import java.util.zip.GZIPOutputStream;

/**
 * Writes IDX files (gzipped when the name ends in {@code .gz}), atomically. Used for subsets, test data and decoded
 * image folders.
 */
public final class IdxWriter {
    /**
     * What was written: the SHA-256 and size of the IDX content before any gzip, as a data set record names a file.
     */
    public record Written(String sha256, long size) {
    }

    private IdxWriter() {
    }

    public static Written writeImages(Path file, IdxImages images) throws IOException {
        return write(file, out -> {
            boolean colour = images.channels() != 1;
            out.writeInt(colour ? IdxReader.COLOUR_IMAGES_MAGIC : IdxReader.IMAGES_MAGIC);
            out.writeInt(images.count());
            out.writeInt(images.rows());
            out.writeInt(images.columns());
            if (colour) {
                out.writeInt(images.channels());
            }
            out.write(images.pixels());
        });
    }

    public static Written writeLabels(Path file, byte[] labels) throws IOException {
        return write(file, out -> {
            out.writeInt(IdxReader.LABELS_MAGIC);
            out.writeInt(labels.length);
            out.write(labels);
        });
    }

    private interface Body {
        void write(DataOutputStream out) throws IOException;
    }

    private static Written write(Path file, Body body) throws IOException {
        boolean gzip = file.getFileName().toString().endsWith(".gz");
        MessageDigest digest = Sha256.newDigest();
        long[] size = new long[1];
        AtomicFiles.write(file, raw -> {
            // A retried write starts over: the digest and size must describe the bytes that stay.
            digest.reset();
            OutputStream target = gzip ? new GZIPOutputStream(raw, 1 << 16) : raw;
            DataOutputStream out = new DataOutputStream(new DigestOutputStream(target, digest));
            body.write(out);
            out.flush();
            size[0] = out.size();
            if (target instanceof GZIPOutputStream gz) {
                gz.finish();
            }
        });
        return new Written(Sha256.hex(digest.digest()), size[0]);
    }
}
