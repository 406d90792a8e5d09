package io.github.fashionml.data.image;

/**
 * Resizing decoded pixels to a target height x width.
 *
 * <p>Interpolation is bilinear with half-pixel centres, as TensorFlow's {@code tf.image.resize} with
 * {@code method="bilinear"}, {@code antialias=False} (which Keras' {@code image_dataset_from_directory} uses): for an
 * output row (and likewise column) {@code i}, with {@code scale = in / out},
 * {@code src = (i + 0.5) * scale - 0.5}; the two nearest input rows are {@code floor(src)} and {@code ceil(src)},
 * each clamped to {@code [0, in - 1]}, weighted {@code 1 - (src - floor(src))} and {@code src - floor(src)};
 * horizontal first, then vertical: {@code top + (bottom - top) * dy} with
 * {@code top = topLeft + (topRight - topLeft) * dx}. Computed in float (TensorFlow's order of operations), then
 * rounded half up to 0..255. Without antialiasing, shrinking by more than half skips input pixels, as TensorFlow
 * does. An image already of the target size is returned untouched (bit for bit, the same array).
 */
public final class Resizer {
    private Resizer() {
    }

    /** {@code image} brought to {@code height x width} by {@code mode}; the same image if it already has that size. */
    public static DecodedImage resize(DecodedImage image, int height, int width, ResizeMode mode) {
        if (height < 1 || width < 1) {
            throw new IllegalArgumentException("target size " + height + "x" + width);
        }
        int h = image.height();
        int w = image.width();
        int c = image.channels();
        if (h == height && w == width) {
            return image;
        }
        return switch (mode) {
            case STRETCH -> new DecodedImage(height, width, c, bilinear(image.samples(), h, w, c, height, width));
            case CROP -> {
                Box box = cropBox(h, w, height, width);
                byte[] cropped = copy(image.samples(), h, w, c, box);
                yield new DecodedImage(height, width, c, bilinear(cropped, box.height(), box.width(), c, height, width));
            }
            case PAD -> {
                Box box = padBox(h, w, height, width);
                byte[] scaled = bilinear(image.samples(), h, w, c, box.height(), box.width());
                byte[] out = new byte[height * width * c]; // 0: black
                for (int y = 0; y < box.height(); y++) {
                    System.arraycopy(scaled, y * box.width() * c, out, ((box.top() + y) * width + box.left()) * c,
                            box.width() * c);
                }
                yield new DecodedImage(height, width, c, out);
            }
        };
    }

    /** A rectangle of pixels: its top-left corner and its size. */
    public record Box(int top, int left, int height, int width) {
    }

    /**
     * The centred box of the target's aspect ratio {@link ResizeMode#CROP} keeps of an {@code h x w} image, as Keras'
     * {@code smart_resize}: {@code height = min(h, floor(w * targetHeight / targetWidth))},
     * {@code width = min(w, floor(h * targetWidth / targetHeight))}, {@code top = floor((h - height) / 2)},
     * {@code left = floor((w - width) / 2)} (at least one pixel each way).
     */
    public static Box cropBox(int h, int w, int targetHeight, int targetWidth) {
        int height = (int) Math.max(1, Math.min(h, (long) w * targetHeight / targetWidth));
        int width = (int) Math.max(1, Math.min(w, (long) h * targetWidth / targetHeight));
        return new Box((h - height) / 2, (w - width) / 2, height, width);
    }

    /**
     * Where {@link ResizeMode#PAD} puts an {@code h x w} image in the target: scaled by the smaller of
     * {@code targetHeight / h} and {@code targetWidth / w}, so one side fills the target and the other is
     * {@code round(side * scale)} (halves up, at least 1); centred, the odd pixel of the margin going to the bottom
     * or right ({@code top = floor((targetHeight - height) / 2)}, likewise left).
     */
    public static Box padBox(int h, int w, int targetHeight, int targetWidth) {
        int height;
        int width;
        if ((long) w * targetHeight >= (long) h * targetWidth) { // relatively wider: width fills
            width = targetWidth;
            height = (int) Math.max(1, (2L * h * targetWidth + w) / (2L * w));
        } else {
            height = targetHeight;
            width = (int) Math.max(1, (2L * w * targetHeight + h) / (2L * h));
        }
        height = Math.min(height, targetHeight);
        width = Math.min(width, targetWidth);
        return new Box((targetHeight - height) / 2, (targetWidth - width) / 2, height, width);
    }

    private static byte[] copy(byte[] samples, int h, int w, int c, Box box) {
        if (box.height() == h && box.width() == w) {
            return samples;
        }
        byte[] out = new byte[box.height() * box.width() * c];
        for (int y = 0; y < box.height(); y++) {
            System.arraycopy(samples, ((box.top() + y) * w + box.left()) * c, out, y * box.width() * c,
                    box.width() * c);
        }
        return out;
    }

    /** Bilinear, half-pixel centres, as the class describes; HWC bytes in and out. */
    static byte[] bilinear(byte[] src, int inHeight, int inWidth, int c, int outHeight, int outWidth) {
        if (inHeight == outHeight && inWidth == outWidth) {
            return src;
        }
        int[] yLower = new int[outHeight];
        int[] yUpper = new int[outHeight];
        float[] yLerp = new float[outHeight];
        weights(inHeight, outHeight, yLower, yUpper, yLerp);
        int[] xLower = new int[outWidth];
        int[] xUpper = new int[outWidth];
        float[] xLerp = new float[outWidth];
        weights(inWidth, outWidth, xLower, xUpper, xLerp);
        byte[] out = new byte[outHeight * outWidth * c];
        int o = 0;
        for (int y = 0; y < outHeight; y++) {
            int top = yLower[y] * inWidth * c;
            int bottom = yUpper[y] * inWidth * c;
            float dy = yLerp[y];
            for (int x = 0; x < outWidth; x++) {
                int left = xLower[x] * c;
                int right = xUpper[x] * c;
                float dx = xLerp[x];
                for (int k = 0; k < c; k++) {
                    float topLeft = src[top + left + k] & 0xFF;
                    float topRight = src[top + right + k] & 0xFF;
                    float bottomLeft = src[bottom + left + k] & 0xFF;
                    float bottomRight = src[bottom + right + k] & 0xFF;
                    float upper = topLeft + (topRight - topLeft) * dx;
                    float lower = bottomLeft + (bottomRight - bottomLeft) * dx;
                    out[o++] = (byte) toByte(upper + (lower - upper) * dy);
                }
            }
        }
        return out;
    }

    /** TensorFlow's {@code compute_interpolation_weights} with {@code HalfPixelScaler}. */
    private static void weights(int in, int out, int[] lower, int[] upper, float[] lerp) {
        float scale = in / (float) out;
        for (int i = 0; i < out; i++) {
            float src = (i + 0.5f) * scale - 0.5f;
            float floor = (float) Math.floor(src);
            lower[i] = Math.max((int) floor, 0);
            upper[i] = Math.min((int) Math.ceil(src), in - 1);
            lerp[i] = src - floor;
        }
    }

    /** Rounded half up and clamped to 0..255. */
    static int toByte(float v) {
        int r = Math.round(v); // floor(v + 0.5), exactly
        return r < 0 ? 0 : Math.min(r, 255);
    }
}
