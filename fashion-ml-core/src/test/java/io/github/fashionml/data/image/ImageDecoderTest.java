package io.github.fashionml.data.image;

import com.twelvemonkeys.imageio.color.ColorSpaces;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.awt.color.ICC_ColorSpace;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.zip.CRC32;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Each decoding rule of {@link ImageDecoder} on a small committed image whose samples are known
 * ({@code src/test/resources/images/README.md} says how each was made and what it holds).
 */
class ImageDecoderTest {
    static final Path IMAGES = Path.of("src", "test", "resources", "images");

    private final ImageDecoder decoder = new ImageDecoder();

    @AfterEach
    void close() {
        decoder.close();
    }

    private DecodedImage read(String name, ColorMode mode) throws ImageDecodeException {
        return decoder.read(IMAGES.resolve(name), mode);
    }

    private static byte[] bytes(int... values) {
        byte[] b = new byte[values.length];
        for (int i = 0; i < values.length; i++) {
            b[i] = (byte) values[i];
        }
        return b;
    }

    private static void assertShape(DecodedImage image, int height, int width, int channels) {
        assertEquals(height + "x" + width + "x" + channels,
                image.height() + "x" + image.width() + "x" + image.channels());
    }

    @Test
    void sixteenBitGreyIsScaledToEightBitsRounding() throws Exception {
        // stored 0, 128, 129, 385 / 386, 32896, 65534, 65535: round(v * 255 / 65535)
        DecodedImage grey = read("grey16.png", ColorMode.GRAYSCALE);
        assertShape(grey, 2, 4, 1);
        assertArrayEquals(bytes(0, 0, 1, 1, 2, 128, 255, 255), grey.samples());
        // (v >> 8, what GreyImages does, would give 0, 0, 0, 1 / 1, 128, 255, 255)
    }

    @Test
    void sixteenBitRgbIsScaledToEightBitsRounding() throws Exception {
        // stored (65535, 32896, 129), (0, 386, 65534)
        assertArrayEquals(bytes(255, 128, 1, 0, 2, 255), read("rgb16.png", ColorMode.RGB).samples());
    }

    @Test
    void oneTwoAndFourBitGreySpanZeroTo255() throws Exception {
        assertArrayEquals(bytes(0, 255), read("grey1.png", ColorMode.GRAYSCALE).samples());
        assertArrayEquals(bytes(0, 85, 170, 255), read("grey2.png", ColorMode.GRAYSCALE).samples());
        byte[] four = new byte[16];
        for (int v = 0; v < 16; v++) {
            four[v] = (byte) (v * 17);
        }
        assertArrayEquals(four, read("grey4.png", ColorMode.GRAYSCALE).samples());
    }

    @Test
    void paletteIsExpandedWithItsTransparencyOverWhite() throws Exception {
        // entries: red alpha 0, blue alpha 128, (10, 200, 30) opaque, grey 90 opaque; indices 0 1 / 2 3
        DecodedImage rgb = read("palette.png", ColorMode.RGB);
        assertShape(rgb, 2, 2, 3);
        assertArrayEquals(bytes(255, 255, 255, 127, 127, 255, 10, 200, 30, 90, 90, 90), rgb.samples());
        // luma (299 R + 587 G + 114 B + 500) / 1000: 255; 142; 124; 90
        assertArrayEquals(bytes(255, 142, 124, 90), read("palette.png", ColorMode.GRAYSCALE).samples());
    }

    @Test
    void partialAlphaIsComposedOverWhite() throws Exception {
        // (200, 100, 50, a=128) -> round(c * 128/255 + 255 * 127/255) = 227, 177, 152; opaque kept; alpha 0 is white
        assertArrayEquals(bytes(227, 177, 152, 10, 20, 30, 255, 255, 255), read("rgba.png", ColorMode.RGB).samples());
    }

    @Test
    void greyWithAlphaBecomesGreyOverWhite() throws Exception {
        // (0, a=255), (0, a=0), (0, a=128), (100, a=51): 0, 255, 127, round((100*51 + 255*204) / 255) = 224
        DecodedImage grey = read("grey-alpha.png", ColorMode.GRAYSCALE);
        assertShape(grey, 1, 4, 1);
        assertArrayEquals(bytes(0, 255, 127, 224), grey.samples());
        assertArrayEquals(bytes(0, 0, 0, 255, 255, 255, 127, 127, 127, 224, 224, 224),
                read("grey-alpha.png", ColorMode.RGB).samples());
    }

    @Test
    void rgbToGreyIsBt601LumaAndGreyToRgbRepeats() throws Exception {
        // red, green, blue / (10, 20, 30), grey 128, white
        byte[] rgb = bytes(255, 0, 0, 0, 255, 0, 0, 0, 255, 10, 20, 30, 128, 128, 128, 255, 255, 255);
        assertArrayEquals(rgb, read("rgb.png", ColorMode.RGB).samples());
        // (299 R + 587 G + 114 B + 500) / 1000: 76, 150, 29, 18, 128, 255
        byte[] grey = bytes(76, 150, 29, 18, 128, 255);
        assertArrayEquals(grey, read("rgb.png", ColorMode.GRAYSCALE).samples());
        DecodedImage greyAsRgb = read("grey4.png", ColorMode.RGB);
        assertShape(greyAsRgb, 1, 16, 3);
        for (int x = 0; x < 16; x++) {
            assertEquals(x * 17, greyAsRgb.sample(0, x, 0));
            assertEquals(x * 17, greyAsRgb.sample(0, x, 1));
            assertEquals(x * 17, greyAsRgb.sample(0, x, 2));
        }
    }

    @Test
    void bmpReadsAsStored() throws Exception {
        assertArrayEquals(read("rgb.png", ColorMode.RGB).samples(), read("rgb.bmp", ColorMode.RGB).samples());
        assertEquals("bmp", decoder.probe(IMAGES.resolve("rgb.bmp")).format());
    }

    @Test
    void gifGivesItsFirstFrame() throws Exception {
        // frame 1: red, green / blue, white; frame 2: black, black / black, (7, 7, 7)
        DecodedImage first = read("two-frames.gif", ColorMode.RGB);
        assertShape(first, 2, 2, 3);
        assertArrayEquals(bytes(255, 0, 0, 0, 255, 0, 0, 0, 255, 255, 255, 255), first.samples());
    }

    @Test
    void gifTransparencyIsComposedOverWhite() throws Exception {
        // red, transparent black, blue
        assertArrayEquals(bytes(255, 0, 0, 255, 255, 255, 0, 0, 255), read("transparent.gif", ColorMode.RGB).samples());
        assertTrue(decoder.probe(IMAGES.resolve("transparent.gif")).alpha());
    }

    @Test
    void formatComesFromContentNotName() throws Exception {
        assertArrayEquals(read("rgb.png", ColorMode.RGB).samples(), read("UPPER.PNG", ColorMode.RGB).samples());
        // a JPEG named .png: two 8x8 blocks, 30 and 220 (JPEG: within 2)
        DecodedImage jpeg = read("jpeg-named.png", ColorMode.GRAYSCALE);
        assertShape(jpeg, 8, 16, 1);
        assertEquals("jpeg", decoder.probe(IMAGES.resolve("jpeg-named.png")).format());
        for (int y = 0; y < 8; y++) {
            for (int x = 0; x < 16; x++) {
                assertClose(x < 8 ? 30 : 220, jpeg.sample(y, x, 0), 2, "pixel " + y + "," + x);
            }
        }
    }

    @Test
    void cmykJpegBecomesRgb() throws Exception {
        // ImageMagick's CMYK of 8x8 blocks red, green / blue, grey 128; CMYK samples (0,255,255,0), (255,0,254,0) /
        // (255,255,0,0), (0,0,0,127) (as PIL reads them). Without an embedded profile, on a platform without a
        // generic CMYK profile (Linux), TwelveMonkeys converts by R = 255 - K - floor(C (255 - K) / 255): the colours
        // come back within JPEG's loss (3). Windows and macOS have a CMYK profile, through which the colours shift
        // (SWOP's green is about (0, 166, 81)): there only each block's strongest channel is checked.
        DecodedImage rgb = read("cmyk.jpg", ColorMode.RGB);
        assertShape(rgb, 16, 16, 3);
        int[][][] blocks = {{{255, 0, 0}, {0, 255, 0}}, {{0, 0, 255}, {128, 128, 128}}};
        boolean plainFormula = !(ColorSpaces.getColorSpace(ColorSpaces.CS_GENERIC_CMYK) instanceof ICC_ColorSpace);
        for (int y = 0; y < 16; y++) {
            for (int x = 0; x < 16; x++) {
                int[] expected = blocks[y / 8][x / 8];
                for (int c = 0; c < 3; c++) {
                    String where = "pixel " + y + "," + x + " channel " + c;
                    if (plainFormula) {
                        assertClose(expected[c], rgb.sample(y, x, c), 3, where);
                    } else if (expected[c] == 255) {
                        for (int other = 0; other < 3; other++) {
                            assertTrue(other == c || rgb.sample(y, x, c) > rgb.sample(y, x, other) + 50, where);
                        }
                    }
                }
            }
        }
        ImageInfo info = decoder.probe(IMAGES.resolve("cmyk.jpg"));
        assertTrue(info.colour());
        assertEquals(16, info.width());
    }

    @Test
    void embeddedIccProfileIsNotApplied() throws Exception {
        // RGB JPEG tagged ROMM RGB, blocks (200, 40, 40) and grey 128: converting to sRGB would give about
        // (255, 0, 49) and 146; samples come as stored, as PIL reads them
        DecodedImage rgb = read("icc-romm.jpg", ColorMode.RGB);
        assertShape(rgb, 8, 16, 3);
        for (int x = 0; x < 16; x++) {
            int[] expected = x < 8 ? new int[] {200, 40, 40} : new int[] {128, 128, 128};
            for (int c = 0; c < 3; c++) {
                assertClose(expected[c], rgb.sample(4, x, c), 2, "column " + x + " channel " + c);
            }
        }
    }

    @ParameterizedTest
    @ValueSource(ints = {1, 2, 3, 4, 5, 6, 7, 8})
    void exifOrientationIsApplied(int orientation) throws Exception {
        // Each file stores the same displayed image (24 wide, 16 high: 8x8 blocks 0, 50, 100 / 150, 200, 250)
        // transformed by the inverse of its orientation; decoded, it is the displayed image again (JPEG: within 2).
        Path file = IMAGES.resolve("orientation-" + orientation + ".jpg");
        DecodedImage grey = decoder.read(file, ColorMode.GRAYSCALE);
        assertShape(grey, 16, 24, 1);
        int[][] blocks = {{0, 50, 100}, {150, 200, 250}};
        for (int y = 0; y < 16; y++) {
            for (int x = 0; x < 24; x++) {
                assertClose(blocks[y / 8][x / 8], grey.sample(y, x, 0), 2, "pixel " + y + "," + x);
            }
        }
        ImageInfo info = decoder.probe(file);
        assertEquals(new ImageInfo("jpeg", 24, 16, false, false, orientation), info);
    }

    @Test
    void probeReadsTheHeader() throws Exception {
        assertEquals(new ImageInfo("png", 4, 2, false, false, 1), decoder.probe(IMAGES.resolve("grey16.png")));
        assertEquals(new ImageInfo("png", 4, 1, false, true, 1), decoder.probe(IMAGES.resolve("grey-alpha.png")));
        assertEquals(new ImageInfo("png", 3, 1, true, true, 1), decoder.probe(IMAGES.resolve("rgba.png")));
        assertEquals(new ImageInfo("png", 2, 2, true, true, 1), decoder.probe(IMAGES.resolve("palette.png")));
        assertEquals(new ImageInfo("png", 2, 1, false, false, 1), decoder.probe(IMAGES.resolve("grey1.png")));
        assertEquals(new ImageInfo("png", 3, 2, true, false, 1), decoder.probe(IMAGES.resolve("UPPER.PNG")));
        assertEquals(new ImageInfo("gif", 2, 2, true, false, 1), decoder.probe(IMAGES.resolve("two-frames.gif")));
        assertEquals(new ImageInfo("bmp", 3, 2, true, false, 1), decoder.probe(IMAGES.resolve("rgb.bmp")));
    }

    @Test
    void probeDecodesNoPixels(@TempDir Path dir) throws Exception {
        // Image data cut off: the header is intact, so probing works where decoding fails.
        byte[] jpeg = Files.readAllBytes(IMAGES.resolve("orientation-6.jpg"));
        Path cut = Files.write(dir.resolve("cut.jpg"), Arrays.copyOf(jpeg, jpeg.length - 40));
        assertEquals(new ImageInfo("jpeg", 24, 16, false, false, 6), decoder.probe(cut));
        assertThrows(ImageDecodeException.class, () -> decoder.read(cut, ColorMode.GRAYSCALE));

        byte[] png = Files.readAllBytes(IMAGES.resolve("rgb16.png"));
        int idat = indexOf(png, "IDAT".getBytes(StandardCharsets.US_ASCII));
        byte[] broken = png.clone();
        Arrays.fill(broken, idat + 4, idat + 10, (byte) 0xFF); // the zlib stream is garbage, the header fine
        Path garbage = Files.write(dir.resolve("garbage.png"), broken);
        assertEquals(new ImageInfo("png", 2, 1, true, false, 1), decoder.probe(garbage));
        ImageDecodeException e = assertThrows(ImageDecodeException.class, () -> decoder.read(garbage, ColorMode.RGB));
        assertTrue(e.getMessage().startsWith(garbage + ": cannot be decoded as png: "), e.getMessage());
    }

    @Test
    void decodeResizesToTheSettings() throws Exception {
        byte[] samples = decoder.decode(IMAGES.resolve("grey16.png"), DecodeSettings.of(4, 8, ColorMode.RGB));
        assertEquals(4 * 8 * 3, samples.length);
        // the same size passes through: the samples of read()
        assertArrayEquals(read("rgb.png", ColorMode.GRAYSCALE).samples(),
                decoder.decode(IMAGES.resolve("rgb.png"), DecodeSettings.of(2, 3, ColorMode.GRAYSCALE)));
        byte[] content = Files.readAllBytes(IMAGES.resolve("rgb.png"));
        assertArrayEquals(Resizer.resize(read("rgb.png", ColorMode.RGB), 5, 5, ResizeMode.PAD).samples(),
                decoder.decode(Path.of("named.png"), content, new DecodeSettings(5, 5, ColorMode.RGB, ResizeMode.PAD)));
    }

    @Test
    void readersAreReusedAndRecoverFromFailures(@TempDir Path dir) throws Exception {
        byte[] png = Files.readAllBytes(IMAGES.resolve("rgb.png"));
        Path truncated = Files.write(dir.resolve("half.png"), Arrays.copyOf(png, png.length / 2));
        byte[] expected = read("rgb.png", ColorMode.RGB).samples();
        for (int i = 0; i < 3; i++) {
            assertThrows(ImageDecodeException.class, () -> decoder.read(truncated, ColorMode.RGB));
            assertArrayEquals(expected, read("rgb.png", ColorMode.RGB).samples());
            read("orientation-3.jpg", ColorMode.RGB);
            read("two-frames.gif", ColorMode.RGB);
        }
    }

    @Test
    void jpegIsReadByTwelveMonkeysAndTheRestByTheJdk() throws Exception {
        assertEquals("com.twelvemonkeys.imageio.plugins.jpeg.JPEGImageReader",
                ImageFormat.JPEG.createReader().getClass().getName());
        assertEquals("com.sun.imageio.plugins.png.PNGImageReader", ImageFormat.PNG.createReader().getClass().getName());
        assertEquals("com.sun.imageio.plugins.gif.GIFImageReader", ImageFormat.GIF.createReader().getClass().getName());
        assertEquals("com.sun.imageio.plugins.bmp.BMPImageReader", ImageFormat.BMP.createReader().getClass().getName());
    }

    @Test
    void undecodableFilesNameTheFileAndTheProblem(@TempDir Path dir) throws Exception {
        assertProblem(Files.write(dir.resolve("empty.png"), new byte[0]), "cannot be decoded: the file is empty");
        assertProblem(Files.writeString(dir.resolve("notes.png"), "<html>hello</html>"),
                "cannot be decoded: it is not a PNG, JPEG, GIF or BMP image (it starts with bytes 3C 68 74 6D 6C 3E 68 65)");
        assertProblem(Files.write(dir.resolve("scan.tif"), bytes('I', 'I', 42, 0, 8, 0, 0, 0, 0, 0)),
                "cannot be decoded: it is a TIFF image, not a PNG, JPEG, GIF or BMP image; convert it to PNG");
        assertProblem(Files.write(dir.resolve("photo.webp"), bytes('R', 'I', 'F', 'F', 0, 0, 0, 0, 'W', 'E', 'B', 'P')),
                "cannot be decoded: it is a WebP image, not a PNG, JPEG, GIF or BMP image; convert it to PNG");
        assertProblem(dir.resolve("missing.png"), "does not exist");

        byte[] png = Files.readAllBytes(IMAGES.resolve("rgb.png"));
        assertProblem(Files.write(dir.resolve("cut.png"), Arrays.copyOf(png, png.length * 2 / 3)),
                "cannot be decoded as png: Error reading PNG image data: Unexpected end of ZLIB input stream");
        byte[] jpeg = Files.readAllBytes(IMAGES.resolve("orientation-1.jpg"));
        // without its end marker: the JDK reader only warns, and would fill in grey
        assertProblem(Files.write(dir.resolve("no-end.jpg"), Arrays.copyOf(jpeg, jpeg.length - 2)),
                "cannot be decoded as jpeg: Truncated File - Missing EOI marker");
        byte[] gif = Files.readAllBytes(IMAGES.resolve("two-frames.gif"));
        ImageDecodeException e = assertThrows(ImageDecodeException.class,
                () -> decoder.read(Files.write(dir.resolve("cut.gif"), Arrays.copyOf(gif, 30)), ColorMode.RGB));
        assertTrue(e.getMessage().startsWith(dir.resolve("cut.gif") + ": cannot be decoded as gif: "), e.getMessage());

        ImageDecodeException probe = assertThrows(ImageDecodeException.class, () -> decoder.probe(dir));
        assertEquals(dir + ": is not a regular file", probe.getMessage());
        assertEquals(dir, probe.file());
    }

    @Test
    void hugeImagesAreRefusedBeforeTheirPixelsAreDecoded(@TempDir Path dir) throws Exception {
        // a PNG header claiming 20000x20000 grey pixels, and no pixel data
        ByteBuffer ihdr = ByteBuffer.allocate(13).putInt(20_000).putInt(20_000).put(new byte[] {8, 0, 0, 0, 0});
        byte[] png = concat(new byte[] {(byte) 0x89, 'P', 'N', 'G', 13, 10, 26, 10}, chunk("IHDR", ihdr.array()),
                chunk("IDAT", new byte[0]), chunk("IEND", new byte[0]));
        Path bomb = Files.write(dir.resolve("bomb.png"), png);
        assertProblem(bomb, "cannot be decoded as png: it is 20000x20000 pixels, more than the 100000000 decoded; "
                + "scale it down first");
        assertEquals(new ImageInfo("png", 20_000, 20_000, false, false, 1), decoder.probe(bomb));
    }

    private static byte[] chunk(String type, byte[] data) {
        byte[] typeBytes = type.getBytes(StandardCharsets.US_ASCII);
        CRC32 crc = new CRC32();
        crc.update(typeBytes);
        crc.update(data);
        return ByteBuffer.allocate(12 + data.length).putInt(data.length).put(typeBytes).put(data)
                .putInt((int) crc.getValue()).array();
    }

    private static byte[] concat(byte[]... parts) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (byte[] part : parts) {
            out.writeBytes(part);
        }
        return out.toByteArray();
    }

    private void assertProblem(Path file, String problem) {
        ImageDecodeException e = assertThrows(ImageDecodeException.class, () -> decoder.read(file, ColorMode.RGB));
        assertEquals(file + ": " + problem, e.getMessage());
        assertEquals(file, e.file());
        if (!problem.contains(" as ")) {
            ImageDecodeException p = assertThrows(ImageDecodeException.class, () -> decoder.probe(file));
            assertEquals(file + ": " + problem, p.getMessage());
        }
    }

    @Test
    void decodedSamplesDoNotDependOnTheDecoderOrOrder() throws Exception {
        byte[] first = read("palette.png", ColorMode.RGB).samples();
        read("cmyk.jpg", ColorMode.RGB);
        try (ImageDecoder other = new ImageDecoder()) {
            assertArrayEquals(first, other.read(IMAGES.resolve("palette.png"), ColorMode.RGB).samples());
        }
    }

    private static void assertClose(int expected, int actual, int tolerance, String where) {
        assertTrue(Math.abs(expected - actual) <= tolerance,
                where + ": expected " + expected + " (within " + tolerance + ") but was " + actual);
    }

    private static int indexOf(byte[] haystack, byte[] needle) throws IOException {
        outer:
        for (int i = 0; i <= haystack.length - needle.length; i++) {
            for (int j = 0; j < needle.length; j++) {
                if (haystack[i + j] != needle[j]) {
                    continue outer;
                }
            }
            return i;
        }
        throw new IOException("not found");
    }
}
