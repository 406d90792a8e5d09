package io.github.fashionml.data.idx;


import io.github.fashionml.data.FashionMnistFile;
import io.github.fashionml.testing.TestData;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.zip.GZIPOutputStream;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class IdxReaderTest {
    @TempDir
    Path dir;

    @Test
    void readsTheShippedSubset() throws IOException {
        IdxImages images = IdxReader.readImages(TestData.subsetFile(FashionMnistFile.TEST_IMAGES));
        byte[] labels = IdxReader.readLabels(TestData.subsetFile(FashionMnistFile.TEST_LABELS), 10);
        assertEquals(TestData.TEST_COUNT, images.count());
        assertEquals(28, images.rows());
        assertEquals(28, images.columns());
        // The first test labels of Fashion-MNIST: Ankle boot, Pullover, Trouser, Trouser, Shirt.
        assertArrayEquals(new byte[] {9, 2, 1, 1, 6}, Arrays.copyOf(labels, 5));
        // Images have a black background with the garment in the middle.
        assertEquals(0, images.pixel(0, 0, 0));
        assertTrue(images.pixel(0, 14, 14) > 0);
    }

    @Test
    void colourImagesRoundTripAsFourDimensions() throws IOException {
        byte[] samples = new byte[2 * 3 * 4 * 3];
        for (int i = 0; i < samples.length; i++) {
            samples[i] = (byte) (i * 11);
        }
        IdxImages images = new IdxImages(2, 3, 4, 3, samples);
        Path file = dir.resolve("colour-idx4-ubyte");
        IdxWriter.writeImages(file, images);
        // [N, H, W, 3]: the 0x0804 magic and four dimensions, as numpy's idx2numpy and torchvision read them.
        try (var in = new java.io.DataInputStream(Files.newInputStream(file))) {
            assertEquals(0x00000804, in.readInt());
            assertEquals(List.of(2, 3, 4, 3), List.of(in.readInt(), in.readInt(), in.readInt(), in.readInt()));
        }
        IdxImages read = IdxReader.readImages(file);
        assertEquals(List.of(2, 3, 4, 3), List.of(read.count(), read.rows(), read.columns(), read.channels()));
        assertArrayEquals(samples, read.pixels());
        assertEquals(new IdxReader.Dimensions(2, 3, 4, 3), IdxReader.readDimensions(file));
        // Image 1, row 2, column 3, green: sample 36 + (2 * 4 + 3) * 3 + 1 = 70 of the array.
        assertEquals((70 * 11) & 0xFF, read.sample(1, 2, 3, 1));
    }

    @Test
    void aFourDimensionalFileWithTwoChannelsIsRefused() throws IOException {
        Path file = dir.resolve("two-channels");
        try (var out = new java.io.DataOutputStream(Files.newOutputStream(file))) {
            out.writeInt(0x00000804);
            out.writeInt(1);
            out.writeInt(2);
            out.writeInt(2);
            out.writeInt(2);
            out.write(new byte[8]);
        }
        IdxFormatException e = assertThrows(IdxFormatException.class, () -> IdxReader.readImages(file));
        assertTrue(e.getMessage().contains("1 or 3 channels"), e.getMessage());
    }

    @Test
    void roundTripsGzippedAndPlainFiles() throws IOException {
        byte[] pixels = new byte[3 * 4 * 5];
        for (int i = 0; i < pixels.length; i++) {
            pixels[i] = (byte) (i * 7);
        }
        IdxImages images = new IdxImages(3, 4, 5, pixels);
        byte[] labels = {0, 9, 4};
        for (String suffix : new String[] {".gz", ""}) {
            Path imageFile = dir.resolve("images" + suffix);
            Path labelFile = dir.resolve("labels" + suffix);
            IdxWriter.writeImages(imageFile, images);
            IdxWriter.writeLabels(labelFile, labels);
            IdxImages read = IdxReader.readImages(imageFile);
            assertEquals(3, read.count());
            assertEquals(4, read.rows());
            assertEquals(5, read.columns());
            assertArrayEquals(pixels, read.pixels());
            assertArrayEquals(labels, IdxReader.readLabels(labelFile, 10));
        }
        assertTrue(isGzip(dir.resolve("images.gz")));
        assertEquals(16 + pixels.length, Files.size(dir.resolve("images")));
    }

    @Test
    void gzipIsRecognisedByContentNotName() throws IOException {
        Path misnamed = dir.resolve("labels");
        Files.write(misnamed, gzip(header(IdxReader.LABELS_MAGIC, 2, new byte[] {1, 2})));
        assertArrayEquals(new byte[] {1, 2}, IdxReader.readLabels(misnamed, 10));
    }

    @Test
    void truncatedGzipIsReported() throws IOException {
        byte[] whole = Files.readAllBytes(TestData.subsetFile(FashionMnistFile.TEST_IMAGES));
        Path truncated = dir.resolve("t10k-images-idx3-ubyte.gz");
        Files.write(truncated, Arrays.copyOf(whole, whole.length / 2));
        IdxFormatException e = assertThrows(IdxFormatException.class, () -> IdxReader.readImages(truncated));
        assertTrue(e.getMessage().startsWith(truncated.toString()), e.getMessage());
        assertTrue(e.getMessage().contains("truncated"), e.getMessage());
    }

    @Test
    void corruptGzipIsReported() throws IOException {
        byte[] whole = Files.readAllBytes(TestData.subsetFile(FashionMnistFile.TEST_IMAGES));
        for (int i = 1000; i < 1100; i++) {
            whole[i] ^= 0x5A;
        }
        Path corrupt = dir.resolve("corrupt.gz");
        Files.write(corrupt, whole);
        IdxFormatException e = assertThrows(IdxFormatException.class, () -> IdxReader.readImages(corrupt));
        assertTrue(e.getMessage().contains("corrupt gzip") || e.getMessage().contains("truncated"), e.getMessage());
    }

    @Test
    void fileThatIsNotIdxHasWrongMagic() throws IOException {
        Path text = dir.resolve("notes.txt");
        Files.writeString(text, "this is not an IDX file at all");
        IdxFormatException e = assertThrows(IdxFormatException.class, () -> IdxReader.readImages(text));
        assertTrue(e.getMessage().contains("magic number 0x74686973"), e.getMessage());
        assertTrue(e.getMessage().contains("expected 0x00000803"), e.getMessage());
    }

    @Test
    void labelsFileReadAsImagesHasWrongMagic() {
        Path labels = TestData.subsetFile(FashionMnistFile.TEST_LABELS);
        IdxFormatException e = assertThrows(IdxFormatException.class, () -> IdxReader.readImages(labels));
        assertTrue(e.getMessage().contains("0x00000801"), e.getMessage());
    }

    @Test
    void impossibleDimensionsAreReported() throws IOException {
        Path file = dir.resolve("zero-rows");
        Files.write(file, header(IdxReader.IMAGES_MAGIC, 1, 0, 28));
        IdxFormatException e = assertThrows(IdxFormatException.class, () -> IdxReader.readImages(file));
        assertTrue(e.getMessage().contains("impossible dimensions 1 x 0 x 28"), e.getMessage());
    }

    @Test
    void labelOutOfRangeIsReported() throws IOException {
        Path file = dir.resolve("labels");
        Files.write(file, header(IdxReader.LABELS_MAGIC, 3, new byte[] {1, 12, 3}));
        IdxFormatException e = assertThrows(IdxFormatException.class, () -> IdxReader.readLabels(file, 10));
        assertTrue(e.getMessage().contains("label 12 at index 1 is outside 0-9"), e.getMessage());
    }

    @Test
    void dataShorterThanTheHeaderSaysIsTruncated() throws IOException {
        Path file = dir.resolve("labels");
        Files.write(file, header(IdxReader.LABELS_MAGIC, 5, new byte[] {1, 2}));
        IdxFormatException e = assertThrows(IdxFormatException.class, () -> IdxReader.readLabels(file, 10));
        assertTrue(e.getMessage().contains("truncated"), e.getMessage());
    }

    @Test
    void trailingBytesAreReported() throws IOException {
        Path file = dir.resolve("labels");
        Files.write(file, header(IdxReader.LABELS_MAGIC, 2, new byte[] {1, 2, 3, 4}));
        IdxFormatException e = assertThrows(IdxFormatException.class, () -> IdxReader.readLabels(file, 10));
        assertTrue(e.getMessage().contains("2 bytes after"), e.getMessage());
    }

    @Test
    void emptyFileIsReported() throws IOException {
        Path file = Files.createFile(dir.resolve("empty.gz"));
        IdxFormatException e = assertThrows(IdxFormatException.class, () -> IdxReader.readImages(file));
        assertTrue(e.getMessage().contains("is empty"), e.getMessage());
    }

    @Test
    void directoryIsReported() throws IOException {
        Path sub = Files.createDirectory(dir.resolve("train-images-idx3-ubyte.gz"));
        IdxFormatException e = assertThrows(IdxFormatException.class, () -> IdxReader.readImages(sub));
        assertTrue(e.getMessage().contains("is a directory"), e.getMessage());
    }

    private static boolean isGzip(Path file) throws IOException {
        byte[] head = Arrays.copyOf(Files.readAllBytes(file), 2);
        return head[0] == 0x1f && head[1] == (byte) 0x8b;
    }

    static byte[] header(int magic, int... dims) {
        java.nio.ByteBuffer buffer = java.nio.ByteBuffer.allocate(4 + 4 * dims.length);
        buffer.putInt(magic);
        for (int d : dims) {
            buffer.putInt(d);
        }
        return buffer.array();
    }

    static byte[] header(int magic, int count, byte[] body) {
        byte[] head = header(magic, count);
        byte[] all = Arrays.copyOf(head, head.length + body.length);
        System.arraycopy(body, 0, all, head.length, body.length);
        return all;
    }

    static byte[] gzip(byte[] data) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (GZIPOutputStream gz = new GZIPOutputStream(out)) {
            gz.write(data);
        }
        return out.toByteArray();
    }
}
