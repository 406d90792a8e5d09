package io.github.fashionml.data.image;

import javax.imageio.IIOException;
import java.awt.color.ColorSpace;
import java.awt.image.BufferedImage;
import java.awt.image.ColorModel;
import java.awt.image.ComponentSampleModel;
import java.awt.image.DataBuffer;
import java.awt.image.DataBufferByte;
import java.awt.image.DataBufferUShort;
import java.awt.image.IndexColorModel;
import java.awt.image.Raster;
import java.awt.image.SampleModel;
import java.util.Arrays;

/**
 * A decoded {@link BufferedImage}'s samples as stored, in 8 bits, read from its raster and colour model (never through
 * {@code getRGB}, which colour-manages: it would, for one, gamma-correct the JDK's linear grey of 16-bit PNGs). Then
 * alpha composed over white and the colour mode applied; {@link ImageDecoder} documents the rules.
 */
final class RasterSamples {
    private RasterSamples() {
    }

    /**
     * Interleaved 8-bit samples: 1 (grey), 2 (grey, alpha), 3 (RGB) or 4 (RGB, alpha) per pixel.
     */
    record Interleaved(int height, int width, int channels, byte[] samples) {
        boolean hasAlpha() {
            return channels == 2 || channels == 4;
        }
    }

    /** The image's samples scaled to 8 bits, palette images expanded; alpha kept as its own channel. */
    static Interleaved read(BufferedImage image) throws IIOException {
        ColorModel cm = image.getColorModel();
        Raster raster = image.getRaster();
        if (cm instanceof IndexColorModel icm) {
            return indexed(icm, raster);
        }
        if (cm.isAlphaPremultiplied()) {
            throw new IIOException("premultiplied alpha is not supported");
        }
        int colours = cm.getNumColorComponents();
        int type = cm.getColorSpace().getType();
        if (!(type == ColorSpace.TYPE_GRAY && colours == 1) && !(type == ColorSpace.TYPE_RGB && colours == 3)) {
            throw new IIOException("its colour space (" + colourSpaceName(type) + ", " + colours
                    + " components) is neither grey nor RGB");
        }
        int bands = cm.getNumComponents();
        if (raster.getNumBands() != bands) {
            throw new IIOException("its raster has " + raster.getNumBands() + " bands for " + bands + " components");
        }
        int[] bits = new int[bands];
        for (int b = 0; b < bands; b++) {
            bits[b] = cm.getComponentSize(b);
            if (bits[b] < 1 || bits[b] > 16) {
                throw new IIOException(bits[b] + "-bit samples are not supported");
            }
        }
        byte[] out = componentsFast(raster, bands, bits);
        if (out == null) {
            out = componentsGeneric(raster, bands, bits);
        }
        return new Interleaved(raster.getHeight(), raster.getWidth(), bands, out);
    }

    /**
     * Straight from the data buffer when the samples are 8-bit bytes or 16-bit shorts, one per array element
     * (JDK PNG, BMP and JPEG images: TYPE_BYTE_GRAY, TYPE_3BYTE_BGR, TYPE_4BYTE_ABGR, 16-bit PNG...); else null.
     */
    private static byte[] componentsFast(Raster raster, int bands, int[] bits) {
        SampleModel sm = raster.getSampleModel();
        DataBuffer db = raster.getDataBuffer();
        boolean bytes = db instanceof DataBufferByte;
        boolean shorts = db instanceof DataBufferUShort;
        if (!(sm instanceof ComponentSampleModel csm) || !(bytes || shorts)) {
            return null;
        }
        for (int bit : bits) {
            if (bit != (bytes ? 8 : 16)) {
                return null;
            }
        }
        int width = raster.getWidth();
        int height = raster.getHeight();
        int pixelStride = csm.getPixelStride();
        int scanlineStride = csm.getScanlineStride();
        int[] bankIndices = csm.getBankIndices();
        int[] bandOffsets = csm.getBandOffsets();
        // Raster (x, y) is sample model (x - translateX, y - translateY).
        int originX = raster.getMinX() - raster.getSampleModelTranslateX();
        int originY = raster.getMinY() - raster.getSampleModelTranslateY();
        int[] base = new int[bands];
        for (int b = 0; b < bands; b++) {
            base[b] = db.getOffsets()[bankIndices[b]] + bandOffsets[b] + originY * scanlineStride + originX * pixelStride;
        }
        byte[] out = new byte[width * height * bands];
        if (bytes) {
            byte[][] banks = ((DataBufferByte) db).getBankData();
            if (bands == 1 && pixelStride == 1) {
                for (int y = 0; y < height; y++) {
                    System.arraycopy(banks[bankIndices[0]], base[0] + y * scanlineStride, out, y * width, width);
                }
                return out;
            }
            int o = 0;
            for (int y = 0; y < height; y++) {
                for (int x = 0; x < width; x++) {
                    int at = y * scanlineStride + x * pixelStride;
                    for (int b = 0; b < bands; b++) {
                        out[o++] = banks[bankIndices[b]][base[b] + at];
                    }
                }
            }
        } else {
            short[][] banks = ((DataBufferUShort) db).getBankData();
            int o = 0;
            for (int y = 0; y < height; y++) {
                for (int x = 0; x < width; x++) {
                    int at = y * scanlineStride + x * pixelStride;
                    for (int b = 0; b < bands; b++) {
                        out[o++] = (byte) from16(banks[bankIndices[b]][base[b] + at] & 0xFFFF);
                    }
                }
            }
        }
        return out;
    }

    /** Any other sample model (packed pixels, other buffers), a row at a time through the raster. */
    private static byte[] componentsGeneric(Raster raster, int bands, int[] bits) {
        int width = raster.getWidth();
        int height = raster.getHeight();
        byte[] out = new byte[width * height * bands];
        int[] row = new int[width * bands];
        int o = 0;
        for (int y = 0; y < height; y++) {
            raster.getPixels(raster.getMinX(), raster.getMinY() + y, width, 1, row);
            for (int i = 0; i < row.length; i++) {
                out[o++] = (byte) to8(row[i], bits[i % bands]);
            }
        }
        return out;
    }

    /** Palette images: each index replaced by its palette entry (grey when every entry is). */
    private static Interleaved indexed(IndexColorModel icm, Raster raster) throws IIOException {
        int size = icm.getMapSize();
        int indexBits = Math.max(icm.getPixelSize(), raster.getSampleModel().getSampleSize(0));
        if (indexBits > 16) {
            throw new IIOException(indexBits + "-bit palette indices are not supported");
        }
        // Indices past the palette's end (a corrupt file) read as opaque black, as in PIL.
        int entries = Math.max(size, 1 << indexBits);
        byte[] reds = new byte[entries];
        byte[] greens = new byte[entries];
        byte[] blues = new byte[entries];
        byte[] alphas = new byte[entries];
        Arrays.fill(alphas, (byte) 0xFF);
        icm.getReds(reds);
        icm.getGreens(greens);
        icm.getBlues(blues);
        icm.getAlphas(alphas);
        boolean grey = true;
        boolean alpha = false;
        for (int i = 0; i < size; i++) {
            grey &= reds[i] == greens[i] && greens[i] == blues[i];
            alpha |= alphas[i] != (byte) 0xFF;
        }
        int channels = (grey ? 1 : 3) + (alpha ? 1 : 0);
        int width = raster.getWidth();
        int height = raster.getHeight();
        byte[] out = new byte[width * height * channels];
        int[] row = new int[width];
        int o = 0;
        for (int y = 0; y < height; y++) {
            raster.getSamples(raster.getMinX(), raster.getMinY() + y, width, 1, 0, row);
            for (int x = 0; x < width; x++) {
                int i = row[x];
                if (grey) {
                    out[o++] = reds[i];
                } else {
                    out[o++] = reds[i];
                    out[o++] = greens[i];
                    out[o++] = blues[i];
                }
                if (alpha) {
                    out[o++] = alphas[i];
                }
            }
        }
        return new Interleaved(height, width, channels, out);
    }

    /** A {@code bits}-bit sample scaled to 8 bits: {@code round(v * 255 / (2^bits - 1))}. */
    static int to8(int v, int bits) {
        if (bits == 8) {
            return v;
        }
        int max = (1 << bits) - 1;
        return (2 * 255 * v + max) / (2 * max);
    }

    /** A 16-bit sample scaled to 8 bits: {@code round(v * 255 / 65535)} = {@code round(v / 257)} (never a tie). */
    static int from16(int v) {
        return (2 * v + 257) / 514;
    }

    /**
     * Alpha composed over white, on 8-bit values: {@code round(c * a + 255 * (1 - a))} with {@code a = alpha / 255},
     * computed exactly in integers (never a tie). 2 channels become 1, 4 become 3.
     */
    static Interleaved overWhite(Interleaved image) {
        if (!image.hasAlpha()) {
            return image;
        }
        int in = image.channels();
        int colours = in - 1;
        byte[] src = image.samples();
        byte[] out = new byte[src.length / in * colours];
        int o = 0;
        for (int i = 0; i < src.length; i += in) {
            int a = src[i + colours] & 0xFF;
            for (int c = 0; c < colours; c++) {
                out[o++] = (byte) compose(src[i + c] & 0xFF, a);
            }
        }
        return new Interleaved(image.height(), image.width(), colours, out);
    }

    /** {@code round(c * a / 255 + 255 * (255 - a) / 255)} exactly. */
    static int compose(int c, int a) {
        return (2 * (c * a + 255 * (255 - a)) + 255) / 510;
    }

    /** Opaque grey or RGB samples in the colour mode's channels: BT.601 luma, or grey repeated. */
    static byte[] toMode(byte[] samples, int channels, ColorMode mode) {
        if (channels == mode.channels()) {
            return samples;
        }
        if (mode == ColorMode.GRAYSCALE) {
            byte[] out = new byte[samples.length / 3];
            for (int i = 0, o = 0; o < out.length; i += 3, o++) {
                out[o] = (byte) luma(samples[i] & 0xFF, samples[i + 1] & 0xFF, samples[i + 2] & 0xFF);
            }
            return out;
        }
        byte[] out = new byte[samples.length * 3];
        for (int i = 0, o = 0; i < samples.length; i++, o += 3) {
            out[o] = samples[i];
            out[o + 1] = samples[i];
            out[o + 2] = samples[i];
        }
        return out;
    }

    /** ITU-R BT.601 luma {@code round(0.299 R + 0.587 G + 0.114 B)}, exactly, halves up. */
    static int luma(int r, int g, int b) {
        return (299 * r + 587 * g + 114 * b + 500) / 1000;
    }

    private static String colourSpaceName(int type) {
        return switch (type) {
            case ColorSpace.TYPE_CMYK -> "CMYK";
            case ColorSpace.TYPE_YCbCr -> "YCbCr";
            case ColorSpace.TYPE_GRAY -> "grey";
            case ColorSpace.TYPE_RGB -> "RGB";
            case ColorSpace.TYPE_Lab -> "Lab";
            default -> "type " + type;
        };
    }
}
