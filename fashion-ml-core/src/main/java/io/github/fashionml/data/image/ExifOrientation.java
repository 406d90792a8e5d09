package io.github.fashionml.data.image;

import javax.imageio.stream.ImageInputStream;
import java.io.EOFException;
import java.io.IOException;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;

/**
 * The EXIF orientation of a JPEG (tag 0x0112 in IFD0 of the first {@code APP1 "Exif"} segment), and the pixel
 * transformation it asks for. Values 1 to 8 as in the EXIF and TIFF specifications; an absent, unreadable or out of
 * range value is 1 (pixels as stored), which is what viewers do.
 *
 * <pre>
 *   1 as stored             5 transpose (mirror along the main diagonal)
 *   2 mirror left-right     6 rotate 90 degrees clockwise
 *   3 rotate 180 degrees    7 transverse (mirror along the other diagonal)
 *   4 mirror top-bottom     8 rotate 90 degrees counter-clockwise
 * </pre>
 *
 * These are PIL's {@code ImageOps.exif_transpose}: FLIP_LEFT_RIGHT, ROTATE_180, FLIP_TOP_BOTTOM, TRANSPOSE,
 * ROTATE_270, TRANSVERSE and ROTATE_90 (PIL rotates counter-clockwise).
 */
final class ExifOrientation {
    private static final int TAG_ORIENTATION = 0x0112;
    private static final byte[] EXIF = "Exif\0\0".getBytes(StandardCharsets.ISO_8859_1);

    private ExifOrientation() {
    }

    /**
     * The orientation in the JPEG {@code in} holds, reading only the segments before the image data. Leaves the
     * stream at an undefined position.
     */
    static int read(ImageInputStream in) throws IOException {
        in.seek(0);
        try {
            if (in.read() != 0xFF || in.read() != 0xD8) {
                return 1;
            }
            while (true) {
                if (in.read() != 0xFF) {
                    return 1;
                }
                int marker = in.read();
                while (marker == 0xFF) {
                    marker = in.read();
                }
                if (marker < 0 || marker == 0xDA || marker == 0xD9) {
                    return 1; // no Exif before the image data (SOS) or the end (EOI)
                }
                if (marker == 0x01 || (marker >= 0xD0 && marker <= 0xD7)) {
                    continue; // TEM and RSTn have no length
                }
                int length = (in.read() << 8) | in.read();
                if (length < 2) {
                    return 1;
                }
                long next = in.getStreamPosition() + length - 2;
                if (marker == 0xE1 && length >= 2 + EXIF.length) {
                    byte[] segment = new byte[length - 2];
                    in.readFully(segment);
                    if (startsWithExif(segment)) {
                        return fromTiff(segment, EXIF.length);
                    }
                }
                in.seek(next);
            }
        } catch (EOFException e) {
            return 1;
        }
    }

    private static boolean startsWithExif(byte[] segment) {
        for (int i = 0; i < EXIF.length; i++) {
            if (segment[i] != EXIF[i]) {
                return false;
            }
        }
        return true;
    }

    /** The orientation tag of IFD0 of the TIFF structure at {@code start} in {@code b}, or 1. */
    static int fromTiff(byte[] b, int start) {
        if (b.length - start < 8) {
            return 1;
        }
        ByteOrder order;
        if (b[start] == 'I' && b[start + 1] == 'I') {
            order = ByteOrder.LITTLE_ENDIAN;
        } else if (b[start] == 'M' && b[start + 1] == 'M') {
            order = ByteOrder.BIG_ENDIAN;
        } else {
            return 1;
        }
        if (u16(b, start + 2, order) != 42) {
            return 1;
        }
        long ifd = start + u32(b, start + 4, order);
        if (ifd + 2 > b.length) {
            return 1;
        }
        int entries = u16(b, (int) ifd, order);
        for (int i = 0; i < entries; i++) {
            long entry = ifd + 2 + 12L * i;
            if (entry + 12 > b.length) {
                return 1;
            }
            int e = (int) entry;
            if (u16(b, e, order) == TAG_ORIENTATION) {
                int type = u16(b, e + 2, order);
                long value = type == 3 ? u16(b, e + 8, order) : type == 4 ? u32(b, e + 8, order) : 0;
                return value >= 1 && value <= 8 ? (int) value : 1;
            }
        }
        return 1;
    }

    private static int u16(byte[] b, int at, ByteOrder order) {
        int b0 = b[at] & 0xFF;
        int b1 = b[at + 1] & 0xFF;
        return order == ByteOrder.BIG_ENDIAN ? (b0 << 8) | b1 : (b1 << 8) | b0;
    }

    private static long u32(byte[] b, int at, ByteOrder order) {
        long hi = u16(b, order == ByteOrder.BIG_ENDIAN ? at : at + 2, order);
        long lo = u16(b, order == ByteOrder.BIG_ENDIAN ? at + 2 : at, order);
        return (hi << 16) | lo;
    }

    /** Whether {@code orientation} swaps height and width (5 to 8). */
    static boolean swapsSides(int orientation) {
        return orientation >= 5;
    }

    /** The pixels displayed for {@code orientation}: stored pixels {@code samples} (HWC) transformed. */
    static byte[] apply(int orientation, byte[] samples, int height, int width, int channels) {
        if (orientation == 1) {
            return samples;
        }
        int outHeight = swapsSides(orientation) ? width : height;
        int outWidth = swapsSides(orientation) ? height : width;
        byte[] out = new byte[samples.length];
        int o = 0;
        for (int y = 0; y < outHeight; y++) {
            for (int x = 0; x < outWidth; x++) {
                int sy;
                int sx;
                switch (orientation) {
                    case 2 -> { sy = y; sx = width - 1 - x; }
                    case 3 -> { sy = height - 1 - y; sx = width - 1 - x; }
                    case 4 -> { sy = height - 1 - y; sx = x; }
                    case 5 -> { sy = x; sx = y; }
                    case 6 -> { sy = height - 1 - x; sx = y; }
                    case 7 -> { sy = height - 1 - x; sx = width - 1 - y; }
                    case 8 -> { sy = x; sx = width - 1 - y; }
                    default -> throw new IllegalArgumentException("orientation " + orientation);
                }
                System.arraycopy(samples, (sy * width + sx) * channels, out, o, channels);
                o += channels;
            }
        }
        return out;
    }
}
