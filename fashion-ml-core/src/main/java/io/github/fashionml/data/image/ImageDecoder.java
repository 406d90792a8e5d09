package io.github.fashionml.data.image;

import javax.imageio.IIOException;
import javax.imageio.ImageReadParam;
import javax.imageio.ImageReader;
import javax.imageio.ImageTypeSpecifier;
import javax.imageio.event.IIOReadWarningListener;
import javax.imageio.stream.FileImageInputStream;
import javax.imageio.stream.ImageInputStream;
import java.awt.Transparency;
import java.awt.color.ColorSpace;
import java.awt.image.BufferedImage;
import java.awt.image.ColorModel;
import java.awt.image.IndexColorModel;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Decodes one image file into unsigned 8-bit samples of a target size and colour mode (issue #25).
 *
 * <h2>Formats</h2>
 * PNG, JPEG, GIF and BMP, recognised by their first bytes, whatever the file is called (so {@code A.PNG}, or a
 * JPEG named {@code .png}, decode as what they are). PNG, GIF and BMP are read by the JDK's readers; JPEG by
 * TwelveMonkeys' {@code imageio-jpeg}, which also reads the CMYK, YCCK and Adobe JPEGs the JDK's reader rejects
 * ({@link ImageFormat} says how the readers are found without ImageIO's global registry). Of a GIF, the first frame
 * is taken, at its own size (a first frame smaller than the GIF's canvas is not placed on it).
 *
 * <h2>Samples</h2>
 * Read from the decoded image's raster through its sample and colour model, never through
 * {@code BufferedImage.getRGB} (which colour-manages), by these rules, in this order:
 * <ol>
 *   <li><b>Bit depth.</b> 8-bit samples are kept. 16-bit samples become {@code round(v * 255 / 65535)}; 1, 2 and
 *       4-bit grey (and any other depth b) {@code round(v * 255 / (2^b - 1))}, so 0 to 2^b - 1 spans 0 to 255.</li>
 *   <li><b>Palettes.</b> Indexed images (PNG palette, GIF, 8-bit BMP) are expanded through their palette, alpha
 *       included (PNG {@code tRNS}).</li>
 *   <li><b>Colour management: none.</b> Samples are taken as stored, like PIL and Keras: an embedded ICC profile of a
 *       grey or RGB image is not applied (a JPEG or PNG tagged Display P3 or Adobe RGB keeps its numbers), nor is a
 *       PNG's {@code gAMA}.</li>
 *   <li><b>CMYK and YCCK JPEGs</b> become RGB in TwelveMonkeys' reader (which also undoes Adobe's inverted CMYK and
 *       YCCK's YCbCr): through the file's embedded CMYK profile if it has one; if not, through the platform's generic
 *       CMYK profile where TwelveMonkeys knows one (Windows, macOS), else (Linux) by
 *       {@code R = 255 - K - floor(C (255 - K) / 255)} (likewise G from M, B from Y), about
 *       {@code 255 (1 - C/255)(1 - K/255)} as PIL. So a CMYK JPEG without a profile decodes differently by operating
 *       system.</li>
 *   <li><b>Alpha</b> is composed over white, on 8-bit values: {@code out = round(c * a + 255 * (1 - a))} with
 *       {@code a = alpha / 255}, computed exactly in integers; then dropped. Grey plus alpha becomes grey.</li>
 *   <li><b>EXIF orientation</b> (JPEG {@code APP1 Exif}, tag 0x0112, 1 to 8) is applied: the pixels come out as a
 *       viewer shows them ({@link ExifOrientation}); other formats are taken as stored.</li>
 *   <li><b>Colour mode</b> ({@link ColorMode}): RGB to grey by ITU-R BT.601 luma
 *       {@code round(0.299 R + 0.587 G + 0.114 B)}, halves up (PIL's {@code "L"}, Keras' {@code grayscale}); grey to
 *       RGB by repeating the sample.</li>
 *   <li><b>Size</b> ({@link ResizeMode}, {@link Resizer}): stretched, centre-cropped or padded with black to the
 *       target, by bilinear interpolation with half-pixel centres (TensorFlow's {@code tf.image.resize}, bilinear,
 *       no antialiasing), in float, rounded half up. An image already of the target size is not touched.</li>
 * </ol>
 * Out: {@code height * width * channels} bytes, unsigned 0 to 255, row by row, channels together (HWC).
 *
 * <h2>Errors</h2>
 * A file that cannot be decoded (missing, empty, not one of the four formats, truncated or corrupt, an unsupported
 * colour space, more than {@value #MAX_PIXELS} pixels) throws {@link ImageDecodeException}, whose message names the
 * file and the problem. A JPEG reader's warning that data is missing or corrupt ("Premature end of JPEG file") is such
 * an error, not a silently grey bottom; its harmless warnings (a missing ICC profile, extra bytes before a marker)
 * are not.
 *
 * <h2>Use</h2>
 * One decoder per thread (it is not thread-safe): it keeps one reader per format and reuses it from file to file, and
 * copies 8-bit and 16-bit samples straight out of the raster's data buffer where it is one (PNG, BMP and JPEG
 * images); {@link #close()} disposes the readers. {@link #probe} reads a header only.
 */
public final class ImageDecoder implements AutoCloseable {
    /** The version of the rules above, in {@link DecodeSettings#id()}: to change when decoded samples would. */
    static final String RULES = "image-rules-1";
    /** The largest image decoded, in pixels (a 10,000 x 10,000 photo), against decompression bombs. */
    public static final long MAX_PIXELS = 100_000_000L;

    private final Map<ImageFormat, ImageReader> readers = new EnumMap<>(ImageFormat.class);
    private final List<String> warnings = new ArrayList<>();
    private final IIOReadWarningListener warningListener = (source, warning) -> warnings.add(warning);

    /**
     * The samples of {@code file}, decoded as the class describes, in {@code settings}' size and colour mode:
     * {@code settings.samples()} bytes, HWC.
     */
    public byte[] decode(Path file, DecodeSettings settings) throws ImageDecodeException {
        return decode(file, readAll(file), settings);
    }

    /** As {@link #decode(Path, DecodeSettings)}, with the file's bytes already read ({@code file} names it). */
    public byte[] decode(Path file, byte[] content, DecodeSettings settings) throws ImageDecodeException {
        DecodedImage image = read(file, content, settings.colorMode());
        return Resizer.resize(image, settings.height(), settings.width(), settings.resizeMode()).samples();
    }

    /** The samples of {@code file} at its own size (after EXIF orientation), in {@code mode}. */
    public DecodedImage read(Path file, ColorMode mode) throws ImageDecodeException {
        return read(file, readAll(file), mode);
    }

    /** As {@link #read(Path, ColorMode)}, with the file's bytes already read ({@code file} names it). */
    public DecodedImage read(Path file, byte[] content, ColorMode mode) throws ImageDecodeException {
        ImageFormat format = format(file, content, content.length);
        ImageInputStream in = new ByteArrayImageInputStream(content);
        BufferedImage image;
        int orientation;
        ImageReader reader = reader(format);
        try {
            orientation = format == ImageFormat.JPEG ? ExifOrientation.read(in) : 1;
            in.seek(0);
            warnings.clear();
            reader.setInput(in, true, true);
            checkSize(reader.getWidth(0), reader.getHeight(0));
            image = reader.read(0, readParam(format, reader));
            String fatal = fatalWarning();
            if (fatal != null) {
                throw new IIOException(fatal);
            }
        } catch (IOException | RuntimeException e) {
            discard(format);
            throw new ImageDecodeException(file, "cannot be decoded as " + format.id() + ": " + reason(e), e);
        } finally {
            if (readers.get(format) == reader) {
                reader.setInput(null);
            }
        }
        RasterSamples.Interleaved stored;
        try {
            stored = RasterSamples.overWhite(RasterSamples.read(image));
        } catch (IIOException e) {
            throw new ImageDecodeException(file, "cannot be decoded as " + format.id() + ": " + e.getMessage(), e);
        }
        int channels = mode.channels();
        byte[] samples = RasterSamples.toMode(stored.samples(), stored.channels(), mode);
        samples = ExifOrientation.apply(orientation, samples, stored.height(), stored.width(), channels);
        boolean swap = ExifOrientation.swapsSides(orientation);
        return new DecodedImage(swap ? stored.width() : stored.height(), swap ? stored.height() : stored.width(),
                channels, samples);
    }

    /**
     * What {@code file}'s header says (format, size after orientation, grey or colour, alpha), reading as little of
     * the file as the format allows and decoding no pixels.
     */
    public ImageInfo probe(Path file) throws ImageDecodeException {
        if (!Files.isRegularFile(file)) {
            throw new ImageDecodeException(file, Files.exists(file) ? "is not a regular file" : "does not exist");
        }
        try (ImageInputStream in = new FileImageInputStream(file.toFile())) {
            byte[] head = new byte[ImageFormat.SIGNATURE_BYTES];
            int n = 0;
            for (int r; n < head.length && (r = in.read(head, n, head.length - n)) > 0; ) {
                n += r;
            }
            ImageFormat format = format(file, head, n);
            ImageReader reader = reader(format);
            try {
                int orientation = format == ImageFormat.JPEG ? ExifOrientation.read(in) : 1;
                in.seek(0);
                warnings.clear();
                reader.setInput(in, true, true);
                int width = reader.getWidth(0);
                int height = reader.getHeight(0);
                ImageTypeSpecifier type = reader.getRawImageType(0);
                if (type == null) {
                    type = reader.getImageTypes(0).next();
                }
                ColorModel cm = type.getColorModel();
                boolean colour;
                boolean alpha;
                if (cm instanceof IndexColorModel icm) {
                    colour = !greyPalette(icm);
                    alpha = icm.getTransparency() != Transparency.OPAQUE;
                } else {
                    colour = cm.getColorSpace().getType() != ColorSpace.TYPE_GRAY;
                    alpha = cm.hasAlpha();
                }
                boolean swap = ExifOrientation.swapsSides(orientation);
                return new ImageInfo(format.id(), swap ? height : width, swap ? width : height, colour, alpha,
                        orientation);
            } catch (IOException | RuntimeException e) {
                discard(format);
                throw new ImageDecodeException(file, "cannot be read as " + format.id() + ": " + reason(e), e);
            } finally {
                if (readers.get(format) == reader) {
                    reader.setInput(null);
                }
            }
        } catch (IOException e) {
            throw new ImageDecodeException(file, "cannot be read (" + reason(e) + ")", e);
        }
    }

    /** Disposes the readers. */
    @Override
    public void close() {
        for (ImageReader reader : readers.values()) {
            reader.dispose();
        }
        readers.clear();
    }

    private static byte[] readAll(Path file) throws ImageDecodeException {
        try {
            return Files.readAllBytes(file);
        } catch (NoSuchFileException e) {
            throw new ImageDecodeException(file, "does not exist", e);
        } catch (IOException e) {
            throw new ImageDecodeException(file, "cannot be read (" + reason(e) + ")", e);
        }
    }

    private static ImageFormat format(Path file, byte[] head, int length) throws ImageDecodeException {
        ImageFormat format = ImageFormat.of(head, length);
        if (format == null) {
            throw new ImageDecodeException(file, "cannot be decoded: " + ImageFormat.describeOther(head, length));
        }
        return format;
    }

    private ImageReader reader(ImageFormat format) {
        ImageReader reader = readers.get(format);
        if (reader == null) {
            try {
                reader = format.createReader();
            } catch (IOException e) {
                throw new UncheckedIOException("cannot create the " + format.id() + " reader", e);
            }
            reader.addIIOReadWarningListener(warningListener);
            readers.put(format, reader);
        }
        return reader;
    }

    /** Drops a reader that failed: the next file gets a fresh one, whatever state the failure left. */
    private void discard(ImageFormat format) {
        ImageReader reader = readers.remove(format);
        if (reader != null) {
            reader.dispose();
        }
    }

    private static void checkSize(int width, int height) throws IIOException {
        if (width < 1 || height < 1) {
            throw new IIOException("it says it is " + width + "x" + height + " pixels");
        }
        if ((long) width * height > MAX_PIXELS) {
            throw new IIOException("it is " + width + "x" + height + " pixels, more than the " + MAX_PIXELS
                    + " decoded; scale it down first");
        }
    }

    /**
     * The default read, except for a JPEG whose RGB samples carry an ICC profile other than sRGB: TwelveMonkeys would
     * convert those to sRGB, so they are asked for in their own colour space (the samples as stored).
     */
    private static ImageReadParam readParam(ImageFormat format, ImageReader reader) throws IOException {
        ImageReadParam param = reader.getDefaultReadParam();
        if (format == ImageFormat.JPEG) {
            ImageTypeSpecifier raw = reader.getRawImageType(0);
            ColorSpace cs = raw == null ? null : raw.getColorModel().getColorSpace();
            if (cs != null && cs.getType() == ColorSpace.TYPE_RGB && !cs.isCS_sRGB()) {
                param.setDestinationType(raw);
            }
        }
        return param;
    }

    /** The first warning that means pixels are missing or made up, or null. */
    private String fatalWarning() {
        for (String warning : warnings) {
            String w = warning.toLowerCase(Locale.ROOT);
            if (w.contains("premature end") || w.contains("truncated") || w.contains("missing eoi")
                    || (w.contains("corrupt") && !w.contains("extraneous bytes"))) {
                return warning;
            }
        }
        return null;
    }

    private static boolean greyPalette(IndexColorModel icm) {
        for (int i = 0; i < icm.getMapSize(); i++) {
            int rgb = icm.getRGB(i);
            int r = (rgb >> 16) & 0xFF;
            if (r != ((rgb >> 8) & 0xFF) || r != (rgb & 0xFF)) {
                return false;
            }
        }
        return true;
    }

    /** The messages of {@code e} and its causes, each once (a bare exception by its class name). */
    private static String reason(Throwable e) {
        StringBuilder reason = new StringBuilder();
        for (Throwable t = e; t != null; t = t.getCause()) {
            String message = t.getMessage();
            String text = message == null || message.isBlank() ? t.getClass().getSimpleName() : message;
            if (reason.indexOf(text) < 0) {
                reason.append(reason.length() == 0 ? "" : ": ").append(text);
            }
        }
        return reason.toString();
    }
}
