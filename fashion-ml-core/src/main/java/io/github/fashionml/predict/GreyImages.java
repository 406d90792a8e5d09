package io.github.fashionml.predict;

import io.github.fashionml.data.ImageShape;

import javax.imageio.ImageIO;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Reads image files as the 28x28 grey pixels the models take. Nothing is resized or recoloured silently:
 * a colour, transparent or wrongly sized image is an error that says how to convert it. Grey stored as RGB
 * (every pixel with red = green = blue) is grey, and 16-bit grey is reduced to 8 bits: both lose nothing
 * the model could use.
 */
public final class GreyImages {
    private GreyImages() {
    }

    /** The pixels of a 28x28 grey image (Fashion-MNIST's), row by row, 0 (black) to 255 (white). */
    public static byte[] read(Path file) throws IOException, ImageFormatException {
        return read(file, ImageShape.FASHION_MNIST);
    }

    /** The pixels of a grey image of the given size, row by row, 0 (black) to 255 (white). */
    public static byte[] read(Path file, ImageShape shape) throws IOException, ImageFormatException {
        int rows = shape.height();
        int columns = shape.width();
        BufferedImage image;
        try {
            image = ImageIO.read(file.toFile());
        } catch (IOException e) {
            throw new ImageFormatException(file + " cannot be read as an image (" + e.getMessage() + ")");
        }
        if (image == null) {
            throw new ImageFormatException(file + " is not an image format Java reads (PNG, JPEG, GIF, BMP); "
                    + "save it as PNG");
        }
        if (image.getWidth() != columns || image.getHeight() != rows) {
            throw new ImageFormatException(file + " is " + image.getWidth() + "x" + image.getHeight()
                    + " pixels; the model takes " + columns + "x" + rows + " grey images, like the data set it was "
                    + "trained on. Resize it first (for example: convert in.png -resize " + columns + "x" + rows
                    + "! -colorspace Gray out.png)");
        }
        byte[] pixels = new byte[rows * columns];
        int type = image.getType();
        for (int y = 0; y < rows; y++) {
            for (int x = 0; x < columns; x++) {
                int value;
                if (type == BufferedImage.TYPE_BYTE_GRAY || type == BufferedImage.TYPE_USHORT_GRAY) {
                    int sample = image.getRaster().getSample(x, y, 0);
                    value = type == BufferedImage.TYPE_USHORT_GRAY ? sample >> 8 : sample;
                } else {
                    int argb = image.getRGB(x, y);
                    int alpha = argb >>> 24;
                    int r = (argb >> 16) & 0xFF;
                    int g = (argb >> 8) & 0xFF;
                    int b = argb & 0xFF;
                    if (alpha != 0xFF) {
                        throw new ImageFormatException(file + " has transparent pixels (at " + x + "," + y
                                + "); flatten it onto black first (convert in.png -background black -flatten out.png)");
                    }
                    if (r != g || g != b) {
                        throw new ImageFormatException(file + " is a colour image (pixel " + x + "," + y + " is RGB "
                                + r + "," + g + "," + b + "); the models take grey images: convert it first "
                                + "(convert in.png -colorspace Gray out.png)");
                    }
                    value = r;
                }
                pixels[y * columns + x] = (byte) value;
            }
        }
        return pixels;
    }

    /** Writes grey pixels as a PNG: for tests, sample grids and galleries. */
    public static void writePng(byte[] pixels, int width, int height, Path target) throws IOException {
        io.github.fashionml.data.image.PngWriter.write(pixels, new ImageShape(height, width, 1), target);
    }
}
