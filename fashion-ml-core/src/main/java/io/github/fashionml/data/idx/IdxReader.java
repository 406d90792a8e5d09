package io.github.fashionml.data.idx;


import java.io.BufferedInputStream;
import java.io.DataInputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.zip.GZIPInputStream;
import java.util.zip.ZipException;

/**
 * Reads IDX files (the format of MNIST and Fashion-MNIST), gzipped or plain: the big-endian header,
 * its magic number and dimensions are checked, and so is every label and the exact length.
 */
public final class IdxReader {
    /** Magic number of an IDX file of unsigned bytes with three dimensions (grey images, {@code [N, H, W]}). */
    public static final int IMAGES_MAGIC = 0x00000803;
    /** Magic number of an IDX file of unsigned bytes with four dimensions (colour images, {@code [N, H, W, 3]}). */
    public static final int COLOUR_IMAGES_MAGIC = 0x00000804;
    /** Magic number of an IDX file of unsigned bytes with one dimension (labels). */
    public static final int LABELS_MAGIC = 0x00000801;

    private static final int BUFFER = 1 << 16;

    private IdxReader() {
    }

    /** Opens a file for reading its decompressed contents: gzip is recognised by its magic bytes, not its name. */
    public static InputStream openDecompressed(Path file) throws IOException {
        checkRegularFile(file);
        BufferedInputStream in = new BufferedInputStream(Files.newInputStream(file), BUFFER);
        try {
            in.mark(2);
            int first = in.read();
            int second = in.read();
            in.reset();
            if (first == 0x1f && second == 0x8b) {
                return new BufferedInputStream(new GZIPInputStream(in, BUFFER), BUFFER);
            }
            return in;
        } catch (IOException e) {
            in.close();
            throw e;
        }
    }

    public static IdxImages readImages(Path file) throws IOException {
        try (InputStream in = openDecompressed(file)) {
            return readImages(in, file.toString());
        }
    }

    public static byte[] readLabels(Path file, int classCount) throws IOException {
        try (InputStream in = openDecompressed(file)) {
            return readLabels(in, file.toString(), classCount);
        }
    }

    /** An images file's dimensions, from its header alone. */
    public static Dimensions readDimensions(Path file) throws IOException {
        try (InputStream in = openDecompressed(file)) {
            return readHeader(new DataInputStream(in), file.toString()).dimensions();
        }
    }

    /** How many images a file holds, and their rows, columns and channels (1 grey, 3 RGB). */
    public record Dimensions(int count, int rows, int columns, int channels) {
        long samples() {
            return (long) count * rows * columns * channels;
        }
    }

    /** Reads images from a decompressed stream; {@code name} is used in error messages. */
    public static IdxImages readImages(InputStream stream, String name) throws IOException {
        DataInputStream in = new DataInputStream(stream);
        long read = 0;
        try {
            Header header = readHeader(in, name);
            read += header.bytes();
            Dimensions d = header.dimensions();
            long total = d.samples();
            if (total > Integer.MAX_VALUE - 8) {
                throw new IdxFormatException(name, "declares " + total + " samples, more than fit in memory as one "
                        + "array");
            }
            byte[] pixels = new byte[(int) total];
            readFully(in, pixels, name, read);
            read += total;
            expectEnd(in, name, read);
            return new IdxImages(d.count(), d.rows(), d.columns(), d.channels(), pixels);
        } catch (EOFException e) {
            throw truncated(name, read, e);
        } catch (ZipException e) {
            throw corruptGzip(name, e);
        }
    }

    /** An images file's header: {@code [N, H, W]} (grey) or {@code [N, H, W, 3]} (colour). */
    private record Header(Dimensions dimensions, int bytes) {
    }

    private static Header readHeader(DataInputStream in, String name) throws IOException {
        int headerRead = 0;
        try {
            int magic = in.readInt();
            headerRead += 4;
            if (magic != IMAGES_MAGIC && magic != COLOUR_IMAGES_MAGIC) {
                checkMagic(name, magic, IMAGES_MAGIC, "images (unsigned bytes, 3 dimensions [N, H, W] for grey "
                        + "or 4 [N, H, W, 3] for colour)");
            }
            boolean colour = magic == COLOUR_IMAGES_MAGIC;
            int count = in.readInt();
            headerRead += 4;
            int rows = in.readInt();
            headerRead += 4;
            int columns = in.readInt();
            headerRead += 4;
            int channels = colour ? in.readInt() : 1;
            if (count < 0 || rows <= 0 || columns <= 0 || (channels != 1 && channels != 3)) {
                throw new IdxFormatException(name, "has impossible dimensions " + count + " x " + rows + " x "
                        + columns + (colour ? " x " + channels : "") + "; the header is damaged or this is not an "
                        + "image file (a 4-dimensional one must have 1 or 3 channels last)");
            }
            return new Header(new Dimensions(count, rows, columns, channels), colour ? 20 : 16);
        } catch (EOFException e) {
            throw truncated(name, headerRead, e);
        }
    }

    /** Reads labels from a decompressed stream, each checked to lie in {@code [0, classCount)}. */
    public static byte[] readLabels(InputStream stream, String name, int classCount) throws IOException {
        DataInputStream in = new DataInputStream(stream);
        long read = 0;
        try {
            int magic = in.readInt();
            read += 4;
            checkMagic(name, magic, LABELS_MAGIC, "labels (unsigned bytes, 1 dimension)");
            int count = in.readInt();
            read += 4;
            if (count < 0) {
                throw new IdxFormatException(name, "declares a negative label count " + count);
            }
            byte[] labels = new byte[count];
            readFully(in, labels, name, read);
            read += count;
            expectEnd(in, name, read);
            for (int i = 0; i < labels.length; i++) {
                int label = labels[i] & 0xFF;
                if (label >= classCount) {
                    throw new IdxFormatException(name, "label " + label + " at index " + i
                            + " is outside 0-" + (classCount - 1) + "; the file is damaged or from another dataset");
                }
            }
            return labels;
        } catch (EOFException e) {
            throw truncated(name, read, e);
        } catch (ZipException e) {
            throw corruptGzip(name, e);
        }
    }

    private static void checkRegularFile(Path file) throws IOException {
        if (Files.isDirectory(file)) {
            throw new IdxFormatException(file.toString(), "is a directory; expected an IDX file (.gz or plain)");
        }
        if (!Files.exists(file)) {
            throw new java.nio.file.NoSuchFileException(file.toString());
        }
        if (Files.size(file) == 0) {
            throw new IdxFormatException(file.toString(), "is empty (0 bytes); an interrupted download or copy leaves "
                    + "such files: delete it and fetch the data again");
        }
    }

    private static void checkMagic(String name, int magic, int expected, String kind) throws IdxFormatException {
        if (magic != expected) {
            throw new IdxFormatException(name, String.format(java.util.Locale.ROOT,
                    "has magic number 0x%08X, expected 0x%08X for IDX %s; this is not the file expected here",
                    magic, expected, kind));
        }
    }

    private static void readFully(DataInputStream in, byte[] target, String name, long offset) throws IOException {
        try {
            in.readFully(target);
        } catch (EOFException e) {
            throw new IdxFormatException(name, "is truncated: the header declares " + (offset + target.length)
                    + " bytes but the data ends early; delete it and fetch the data again", e);
        }
    }

    private static void expectEnd(InputStream in, String name, long read) throws IOException {
        if (in.read() != -1) {
            long extra = 1;
            byte[] skip = new byte[BUFFER];
            int n;
            while ((n = in.read(skip)) > 0) {
                extra += n;
            }
            throw new IdxFormatException(name, "has " + extra + " bytes after the " + read
                    + " bytes its header declares; the file is damaged or not of this kind");
        }
    }

    private static IdxFormatException truncated(String name, long read, EOFException e) {
        return new IdxFormatException(name, "is truncated after " + read
                + " bytes (the IDX header is incomplete); delete it and fetch the data again", e);
    }

    private static IdxFormatException corruptGzip(String name, ZipException e) {
        return new IdxFormatException(name, "is a corrupt gzip file (" + e.getMessage()
                + "); delete it and fetch the data again", e);
    }
}
