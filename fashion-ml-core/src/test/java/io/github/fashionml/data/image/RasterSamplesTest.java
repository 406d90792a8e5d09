package io.github.fashionml.data.image;

import io.github.fashionml.ConfigurationException;
import org.junit.jupiter.api.Test;

import java.awt.image.BufferedImage;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

/**
 * The integer formulas of {@link RasterSamples} against the rules written with real numbers, over every input; and the
 * raster paths on images the JDK builds.
 */
class RasterSamplesTest {
    /** Round half up, as the rules say. */
    private static long round(double v) {
        return (long) Math.floor(v + 0.5);
    }

    @Test
    void sixteenToEightIsRoundedScaling() {
        for (int v = 0; v <= 65535; v++) {
            assertEquals(round(v * 255.0 / 65535), RasterSamples.from16(v), "v " + v);
            assertEquals(round(v * 255.0 / 65535), RasterSamples.to8(v, 16), "v " + v);
        }
        for (int bits = 1; bits <= 15; bits++) {
            int max = (1 << bits) - 1;
            for (int v = 0; v <= max; v++) {
                assertEquals(round(v * 255.0 / max), RasterSamples.to8(v, bits), bits + "-bit " + v);
            }
        }
    }

    @Test
    void compositionOverWhiteIsExact() {
        for (int c = 0; c < 256; c++) {
            for (int a = 0; a < 256; a++) {
                // in exact rationals: (c a + 255 (255 - a)) / 255, never exactly a half
                long twice = 2L * (c * a + 255L * (255 - a));
                assertEquals((twice + 255) / 510, RasterSamples.compose(c, a));
                assertEquals(round(c * (a / 255.0) + 255 * (1 - a / 255.0)), RasterSamples.compose(c, a),
                        "c " + c + " a " + a);
            }
        }
        assertEquals(255, RasterSamples.compose(0, 0));
        assertEquals(17, RasterSamples.compose(17, 255));
    }

    @Test
    void lumaIsBt601RoundedHalfUp() {
        for (int r = 0; r < 256; r += 3) {
            for (int g = 0; g < 256; g += 5) {
                for (int b = 0; b < 256; b++) {
                    long exact = 299L * r + 587L * g + 114L * b; // thousandths
                    assertEquals((exact + 500) / 1000, RasterSamples.luma(r, g, b));
                }
            }
        }
        assertEquals(0, RasterSamples.luma(0, 0, 0));
        assertEquals(255, RasterSamples.luma(255, 255, 255));
        for (int v = 0; v < 256; v++) {
            assertEquals(v, RasterSamples.luma(v, v, v), "grey stays grey");
        }
        // a tie: 0.114 * 250 = 28.5 rounds up to 29 (PIL's fixed point, 7471 / 65536 * 250 = 28.4996, gives 28)
        assertEquals(29, RasterSamples.luma(0, 0, 250));
        assertEquals(7, RasterSamples.luma(0, 11, 8)); // 6.457 + 0.912 = 7.369
    }

    @Test
    void jdkImageTypesReadTheSameSamples() throws Exception {
        // the same pixels in the BufferedImage types readers give: direct buffer paths and the generic one agree
        int[][] pixels = {{0x00FF0000, 0x0000FF00}, {0x000000FF, 0x00102030}};
        byte[] expected = {(byte) 255, 0, 0, 0, (byte) 255, 0, 0, 0, (byte) 255, 0x10, 0x20, 0x30};
        for (int type : new int[] {BufferedImage.TYPE_3BYTE_BGR, BufferedImage.TYPE_INT_RGB, BufferedImage.TYPE_INT_BGR,
                BufferedImage.TYPE_4BYTE_ABGR, BufferedImage.TYPE_INT_ARGB}) {
            BufferedImage image = new BufferedImage(2, 2, type);
            for (int y = 0; y < 2; y++) {
                for (int x = 0; x < 2; x++) {
                    image.setRGB(x, y, 0xFF000000 | pixels[y][x]);
                }
            }
            RasterSamples.Interleaved samples = RasterSamples.overWhite(RasterSamples.read(image));
            assertEquals(3, samples.channels(), "type " + type);
            assertArrayEquals(expected, samples.samples(), "type " + type);
        }
        // a sub-image: a raster whose sample model is offset in its buffer
        BufferedImage grey = new BufferedImage(3, 3, BufferedImage.TYPE_BYTE_GRAY);
        grey.getRaster().setPixels(0, 0, 3, 3, new int[] {1, 2, 3, 4, 5, 6, 7, 8, 9});
        assertArrayEquals(new byte[] {5, 6, 8, 9}, RasterSamples.read(grey.getSubimage(1, 1, 2, 2)).samples());
        BufferedImage bgr = new BufferedImage(2, 2, BufferedImage.TYPE_3BYTE_BGR);
        bgr.getRaster().setPixels(0, 0, 2, 2, new int[] {1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12});
        assertArrayEquals(new byte[] {10, 11, 12}, RasterSamples.read(bgr.getSubimage(1, 1, 1, 1)).samples());
        // 16-bit grey: the JDK's linear grey, which getRGB would gamma-correct; the sample is what counts
        BufferedImage grey16 = new BufferedImage(1, 1, BufferedImage.TYPE_USHORT_GRAY);
        grey16.getRaster().setSample(0, 0, 0, 32896);
        assertArrayEquals(new byte[] {(byte) 128}, RasterSamples.read(grey16).samples());
    }

    @Test
    void modesParseByName() throws Exception {
        assertEquals(ColorMode.GRAYSCALE, ColorMode.parse("grayscale"));
        assertEquals(ColorMode.RGB, ColorMode.parse(" RGB "));
        assertEquals(ResizeMode.PAD, ResizeMode.parse("pad"));
        assertEquals("unknown colour mode 'grey'; use one of grayscale, rgb",
                assertThrows(ConfigurationException.class, () -> ColorMode.parse("grey")).getMessage());
        assertEquals("unknown resize mode 'fit'; use one of stretch, crop, pad",
                assertThrows(ConfigurationException.class, () -> ResizeMode.parse("fit")).getMessage());
        assertEquals("28x32 rgb crop image-rules-1",
                new DecodeSettings(28, 32, ColorMode.RGB, ResizeMode.CROP).id());
        assertEquals(28 * 32 * 3, new DecodeSettings(28, 32, ColorMode.RGB, ResizeMode.CROP).samples());
        assertThrows(IllegalArgumentException.class, () -> DecodeSettings.of(0, 28, ColorMode.RGB));
    }
}
