package io.github.fashionml.data.image;

/**
 * Decoded pixels: {@code height x width x channels} unsigned bytes (0 to 255), row by row, the channels of each
 * pixel together (HWC); {@code channels} is 1 (grey) or 3 (R, G, B). The array is not copied.
 */
public record DecodedImage(int height, int width, int channels, byte[] samples) {
    public DecodedImage {
        if (height < 1 || width < 1 || (channels != 1 && channels != 3)) {
            throw new IllegalArgumentException("bad image shape " + height + "x" + width + "x" + channels);
        }
        if ((long) height * width * channels != samples.length) {
            throw new IllegalArgumentException(samples.length + " samples for a " + height + "x" + width + "x"
                    + channels + " image");
        }
    }

    /** The sample of channel {@code c} at row {@code y}, column {@code x}, 0 to 255. */
    public int sample(int y, int x, int c) {
        return samples[(y * width + x) * channels + c] & 0xFF;
    }
}
