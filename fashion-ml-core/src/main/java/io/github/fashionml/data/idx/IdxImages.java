package io.github.fashionml.data.idx;

/**
 * Grey images as read from an IDX file: {@code count} images of {@code rows x columns} unsigned
 * bytes, stored row-major, one image after the other, in a single array.
 */
public record IdxImages(int count, int rows, int columns, byte[] pixels) {
    public IdxImages {
        if (count < 0 || rows <= 0 || columns <= 0) {
            throw new IllegalArgumentException("bad image dimensions " + count + "x" + rows + "x" + columns);
        }
        if ((long) count * rows * columns != pixels.length) {
            throw new IllegalArgumentException("pixel array holds " + pixels.length + " bytes, expected "
                    + (long) count * rows * columns + " for " + count + "x" + rows + "x" + columns);
        }
    }

    public int pixelsPerImage() {
        return rows * columns;
    }

    /** The grey value 0-255 of one pixel. */
    public int pixel(int image, int row, int column) {
        return pixels[image * pixelsPerImage() + row * columns + column] & 0xFF;
    }

    /** The first {@code n} images, as a copy. */
    public IdxImages first(int n) {
        byte[] copy = java.util.Arrays.copyOf(pixels, n * pixelsPerImage());
        return new IdxImages(n, rows, columns, copy);
    }

    /** The images at these indices, in that order, as a copy. */
    public IdxImages select(int[] indices) {
        int width = pixelsPerImage();
        byte[] copy = new byte[indices.length * width];
        for (int i = 0; i < indices.length; i++) {
            System.arraycopy(pixels, indices[i] * width, copy, i * width, width);
        }
        return new IdxImages(indices.length, rows, columns, copy);
    }
}
