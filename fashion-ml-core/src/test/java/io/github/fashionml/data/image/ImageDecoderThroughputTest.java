package io.github.fashionml.data.image;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import javax.imageio.ImageIO;
import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * How fast 28x28 grey PNGs (Fashion-MNIST as files) decode: printed, not asserted (the machine is shared). An image
 * folder the size of Fashion-MNIST's training set is 60,000 of them.
 */
class ImageDecoderThroughputTest {
    private static final int IMAGES = 2_000;

    @Test
    void printsImagesPerSecond(@TempDir Path dir) throws Exception {
        Random random = new Random(25);
        byte[][] pixels = new byte[IMAGES][28 * 28];
        Path[] files = new Path[IMAGES];
        for (int i = 0; i < IMAGES; i++) {
            random.nextBytes(pixels[i]);
            for (int p = 0; p < 28 * 28; p += 1 + random.nextInt(3)) {
                pixels[i][p] = 0; // mostly background, like Fashion-MNIST
            }
            BufferedImage image = new BufferedImage(28, 28, BufferedImage.TYPE_BYTE_GRAY);
            image.getRaster().setDataElements(0, 0, 28, 28, pixels[i]);
            files[i] = dir.resolve(String.format("%05d.png", i));
            ImageIO.write(image, "png", files[i].toFile());
        }
        DecodeSettings settings = DecodeSettings.of(28, 28, ColorMode.GRAYSCALE);
        try (ImageDecoder decoder = new ImageDecoder()) {
            for (int i = 0; i < 200; i++) { // warm up
                decoder.decode(files[i], settings);
            }
            long start = System.nanoTime();
            for (int i = 0; i < IMAGES; i++) {
                byte[] samples = decoder.decode(files[i], settings);
                if (i % 97 == 0) {
                    assertArrayEquals(pixels[i], samples, "image " + i);
                }
                assertEquals(28 * 28, samples.length);
            }
            double seconds = (System.nanoTime() - start) / 1e9;
            double perSecond = IMAGES / seconds;
            System.out.printf("ImageDecoder: %d 28x28 grey PNGs in %.2f s on one thread: %.0f images/s "
                    + "(60,000 would take %.1f s)%n", IMAGES, seconds, perSecond, 60_000 / perSecond);

            // and resized to 32x32 RGB, for scale
            start = System.nanoTime();
            DecodeSettings rgb = DecodeSettings.of(32, 32, ColorMode.RGB);
            for (int i = 0; i < IMAGES; i++) {
                decoder.decode(files[i], rgb);
            }
            seconds = (System.nanoTime() - start) / 1e9;
            System.out.printf("ImageDecoder: the same to 32x32 RGB (bilinear): %.0f images/s%n", IMAGES / seconds);
        }
    }
}
