package io.github.fashionml.data.idx;

import java.util.Arrays;

/**
 * Images as read from an IDX file: {@code count} images of {@code rows x columns} pixels of {@code channels}
 * unsigned bytes each (1 grey, 3 RGB), stored row-major and channels-last (HWC), one image after the other, in a
 * single array. Grey sets are IDX's usual 3 dimensions {@code [N, H, W]}, colour sets 4: {@code [N, H, W, 3]}.
 */
public record IdxImages(int count, int rows, int columns, int channels, byte[] pixels) {
    public IdxImages {
        if (count < 0 || rows <= 0 || columns <= 0 || (channels != 1 && channels != 3)) {
            throw new IllegalArgumentException("bad image dimensions " + count + "x" + rows + "x" + columns + "x"
                    + channels);
        }
        if ((long) count * rows * columns * channels != pixels.length) {
            throw new IllegalArgumentException("pixel array holds " + pixels.length + " bytes, expected "
                    + (long) count * rows * columns * channels + " for " + count + "x" + rows + "x" + columns + "x"
                    + channels);
        }
    }

    /** Grey images. */
    public IdxImages(int count, int rows, int columns, byte[] pixels) {
        this(count, rows, columns, 1, pixels);
    }

    /** Bytes per image: rows x columns x channels. */
    public int samplesPerImage() {
        return rows * columns * channels;
    }

    /** The grey value 0-255 of one pixel of a grey image, or the first channel's of a colour one. */
    public int pixel(int image, int row, int column) {
        return sample(image, row, column, 0);
    }

    /** One sample 0-255 of one pixel. */
    public int sample(int image, int row, int column, int channel) {
        return pixels[image * samplesPerImage() + (row * columns + column) * channels + channel] & 0xFF;
    }

    /** The first {@code n} images: these images when {@code n} is all of them, otherwise a copy. */
    public IdxImages first(int n) {
        if (n == count) {
            return this;
        }
        return new IdxImages(n, rows, columns, channels, Arrays.copyOf(pixels, n * samplesPerImage()));
    }

    /** The images at these indices, in that order, as a copy. */
    public IdxImages select(int[] indices) {
        int width = samplesPerImage();
        byte[] copy = new byte[indices.length * width];
        for (int i = 0; i < indices.length; i++) {
            System.arraycopy(pixels, indices[i] * width, copy, i * width, width);
        }
        return new IdxImages(indices.length, rows, columns, channels, copy);
    }
}
