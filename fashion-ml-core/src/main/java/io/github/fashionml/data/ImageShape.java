package io.github.fashionml.data;

/**
 * The shape of a data set's images, which networks, preprocessing and exports follow: height and width in pixels,
 * and channels (1 for grey, 3 for RGB). Samples are stored channels-last (HWC), as Keras and DL4J's NHWC layers
 * take them.
 */
public record ImageShape(int height, int width, int channels) {
    /** Fashion-MNIST's 28x28 grey images. */
    public static final ImageShape FASHION_MNIST = new ImageShape(FashionMnist.ROWS, FashionMnist.COLUMNS, 1);

    public ImageShape {
        if (height <= 0 || width <= 0) {
            throw new IllegalArgumentException("image size must be positive (got " + height + "x" + width + ")");
        }
        if (channels != 1 && channels != 3) {
            throw new IllegalArgumentException("images have 1 (grey) or 3 (RGB) channels, not " + channels);
        }
    }

    /** The shape of these images. */
    public static ImageShape of(io.github.fashionml.data.idx.IdxImages images) {
        return new ImageShape(images.rows(), images.columns(), images.channels());
    }

    /** {@code count} images of this shape, {@code samples} holding their HWC bytes one after the other. */
    public io.github.fashionml.data.idx.IdxImages images(int count, byte[] samples) {
        return new io.github.fashionml.data.idx.IdxImages(count, height, width, channels, samples);
    }

    /** Samples per image: height x width x channels. */
    public int samples() {
        return height * width * channels;
    }

    /** "28x28 grey", "32x32 RGB": for messages. */
    @Override
    public String toString() {
        return height + "x" + width + (channels == 1 ? " grey" : " RGB");
    }
}
