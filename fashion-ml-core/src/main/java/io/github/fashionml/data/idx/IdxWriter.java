package io.github.fashionml.data.idx;

import io.github.fashionml.util.AtomicFiles;

import java.io.DataOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Path;
import java.util.zip.GZIPOutputStream;

/** Writes IDX files (gzipped when the name ends in {@code .gz}), atomically. Used for subsets and test data. */
public final class IdxWriter {
    private IdxWriter() {
    }

    public static void writeImages(Path file, IdxImages images) throws IOException {
        write(file, out -> {
            out.writeInt(IdxReader.IMAGES_MAGIC);
            out.writeInt(images.count());
            out.writeInt(images.rows());
            out.writeInt(images.columns());
            out.write(images.pixels());
        });
    }

    public static void writeLabels(Path file, byte[] labels) throws IOException {
        write(file, out -> {
            out.writeInt(IdxReader.LABELS_MAGIC);
            out.writeInt(labels.length);
            out.write(labels);
        });
    }

    private interface Body {
        void write(DataOutputStream out) throws IOException;
    }

    private static void write(Path file, Body body) throws IOException {
        boolean gzip = file.getFileName().toString().endsWith(".gz");
        AtomicFiles.write(file, raw -> {
            OutputStream target = gzip ? new GZIPOutputStream(raw, 1 << 16) : raw;
            DataOutputStream out = new DataOutputStream(target);
            body.write(out);
            out.flush();
            if (target instanceof GZIPOutputStream gz) {
                gz.finish();
            }
        });
    }
}
