package io.github.fashionml.data.image;

import io.github.fashionml.data.ImageShape;
import io.github.fashionml.util.AtomicFiles;

import javax.imageio.ImageIO;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** Writes decoded samples (grey, or interleaved RGB) as an 8-bit PNG: for galleries, sample grids and tests. */
public final class PngWriter {
    private PngWriter() {
    }

    /** {@code samples}: one image's HWC samples, as many as the shape has. */
    public static void write(byte[] samples, ImageShape shape, Path target) throws IOException {
        if (samples.length != shape.samples()) {
            throw new IllegalArgumentException(samples.length + " samples for a " + shape + " image");
        }
        int width = shape.width();
        int height = shape.height();
        BufferedImage image;
        if (shape.channels() == 1) {
            image = new BufferedImage(width, height, BufferedImage.TYPE_BYTE_GRAY);
            image.getRaster().setDataElements(0, 0, width, height, samples);
        } else {
            // Raster samples, not setRGB: nothing is colour-managed on the way out either.
            image = new BufferedImage(width, height, BufferedImage.TYPE_3BYTE_BGR);
            int[] pixel = new int[3];
            for (int y = 0; y < height; y++) {
                for (int x = 0; x < width; x++) {
                    int offset = (y * width + x) * 3;
                    pixel[0] = samples[offset] & 0xFF;
                    pixel[1] = samples[offset + 1] & 0xFF;
                    pixel[2] = samples[offset + 2] & 0xFF;
                    image.getRaster().setPixel(x, y, pixel);
                }
            }
        }
        Files.createDirectories(target.toAbsolutePath().getParent());
        AtomicFiles.write(target, out -> ImageIO.write(image, "png", out));
    }
}
