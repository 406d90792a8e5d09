package io.github.fashionml.predict;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import javax.imageio.ImageIO;
import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class GreyImagesTest {
    @TempDir
    Path dir;

    private static byte[] gradient() {
        byte[] pixels = new byte[784];
        for (int i = 0; i < pixels.length; i++) {
            pixels[i] = (byte) (i % 256);
        }
        return pixels;
    }

    private Path write(BufferedImage image, String name) throws Exception {
        Path file = dir.resolve(name);
        ImageIO.write(image, "png", file.toFile());
        return file;
    }

    @Test
    void greyPngRoundTrips() throws Exception {
        Path file = dir.resolve("grey.png");
        GreyImages.writePng(gradient(), 28, 28, file);
        assertArrayEquals(gradient(), GreyImages.read(file));
    }

    @Test
    void greyStoredAsRgbIsAccepted() throws Exception {
        BufferedImage rgb = new BufferedImage(28, 28, BufferedImage.TYPE_INT_RGB);
        byte[] expected = gradient();
        for (int i = 0; i < 784; i++) {
            int v = expected[i] & 0xFF;
            rgb.setRGB(i % 28, i / 28, (v << 16) | (v << 8) | v);
        }
        assertArrayEquals(expected, GreyImages.read(write(rgb, "rgb-grey.png")));
    }

    @Test
    void colourImageIsRefusedWithAFix() throws Exception {
        BufferedImage rgb = new BufferedImage(28, 28, BufferedImage.TYPE_INT_RGB);
        rgb.setRGB(3, 4, 0xFF0000);
        ImageFormatException e = assertThrows(ImageFormatException.class,
                () -> GreyImages.read(write(rgb, "red.png")));
        assertTrue(e.getMessage().contains("is a colour image (pixel 3,4 is RGB 255,0,0)"), e.getMessage());
        assertTrue(e.getMessage().contains("-colorspace Gray"), e.getMessage());
    }

    @Test
    void wrongSizeIsRefusedWithAFix() throws Exception {
        Path file = write(new BufferedImage(32, 30, BufferedImage.TYPE_BYTE_GRAY), "big.png");
        ImageFormatException e = assertThrows(ImageFormatException.class, () -> GreyImages.read(file));
        assertTrue(e.getMessage().contains("is 32x30 pixels; the model takes 28x28 grey images"), e.getMessage());
        // Images of another data set's size are read at that size.
        assertEquals(32 * 30, GreyImages.read(file, new io.github.fashionml.data.ImageShape(30, 32, 1)).length);
    }

    @Test
    void transparentImageIsRefused() throws Exception {
        BufferedImage argb = new BufferedImage(28, 28, BufferedImage.TYPE_INT_ARGB);
        ImageFormatException e = assertThrows(ImageFormatException.class,
                () -> GreyImages.read(write(argb, "clear.png")));
        assertTrue(e.getMessage().contains("transparent"), e.getMessage());
    }

    @Test
    void sixteenBitGreyIsReducedToEightBits() throws Exception {
        BufferedImage deep = new BufferedImage(28, 28, BufferedImage.TYPE_USHORT_GRAY);
        deep.getRaster().setSample(0, 0, 0, 0xABCD);
        assertTrue((GreyImages.read(write(deep, "deep.png"))[0] & 0xFF) == 0xAB);
    }

    @Test
    void notAnImageIsRefused() throws Exception {
        Path file = Files.writeString(dir.resolve("notes.png"), "hello");
        ImageFormatException e = assertThrows(ImageFormatException.class, () -> GreyImages.read(file));
        assertTrue(e.getMessage().contains("is not an image format"), e.getMessage());
    }
}
