package io.github.fashionml.data.image;

import com.twelvemonkeys.imageio.plugins.jpeg.JPEGImageReaderSpi;

import javax.imageio.ImageReader;
import javax.imageio.spi.IIORegistry;
import javax.imageio.spi.ImageReaderSpi;
import javax.imageio.spi.ServiceRegistry;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Iterator;
import java.util.List;

/**
 * The formats decoded, told apart by their first bytes (never by the file name), and the reader of each.
 *
 * <p>Readers are not looked up in ImageIO's global registry by format name: what that gives depends on which plugins
 * were registered, by whom and with which context class loader. There is one registry per JVM, filled from the context
 * class loader of whoever used ImageIO first: in a Maven build that may be Maven's or another plugin's class realm, so
 * TwelveMonkeys may be missing, or another plugin's JPEG reader present. {@code ImageIO.scanForPlugins()} run in our
 * own realm would add TwelveMonkeys, but for every user of ImageIO in that JVM, and would keep our realm alive.
 * Instead:
 * <ul>
 *   <li>PNG, GIF and BMP use the JDK's own reader, picked out of the default registry by its provider class name
 *       (the JDK registers it there itself), so another plugin registered for the same format cannot take over.</li>
 *   <li>JPEG uses TwelveMonkeys' reader, whose provider is created directly. It decodes through the JDK's JPEG reader
 *       (its "delegate"), which it finds only when it is registered next to it; so both are registered in a private
 *       {@link ServiceRegistry} of our own, and the global registry is left as it was.</li>
 * </ul>
 * (Asking for the default registry creates it if no one has yet, and the JDK then registers whatever plugins the
 * thread's context class loader sees; the readers here do not depend on that.)
 */
enum ImageFormat {
    PNG("png", "com.sun.imageio.plugins.png.PNGImageReaderSpi"),
    JPEG("jpeg", null),
    GIF("gif", "com.sun.imageio.plugins.gif.GIFImageReaderSpi"),
    BMP("bmp", "com.sun.imageio.plugins.bmp.BMPImageReaderSpi");

    /** Bytes enough to tell every format here and those named in {@link #describeOther}. */
    static final int SIGNATURE_BYTES = 16;
    private static final String JDK_JPEG_SPI = "com.sun.imageio.plugins.jpeg.JPEGImageReaderSpi";

    private final String id;
    private final String jdkSpiClass;

    ImageFormat(String id, String jdkSpiClass) {
        this.id = id;
        this.jdkSpiClass = jdkSpiClass;
    }

    String id() {
        return id;
    }

    /** The format whose signature {@code head} (the file's first bytes, maybe fewer than 16) starts with, or null. */
    static ImageFormat of(byte[] head, int length) {
        if (startsWith(head, length, 0x89, 'P', 'N', 'G', 0x0D, 0x0A, 0x1A, 0x0A)) {
            return PNG;
        }
        if (startsWith(head, length, 0xFF, 0xD8, 0xFF)) {
            return JPEG;
        }
        if (startsWith(head, length, 'G', 'I', 'F', '8', '7', 'a') || startsWith(head, length, 'G', 'I', 'F', '8', '9', 'a')) {
            return GIF;
        }
        if (startsWith(head, length, 'B', 'M') && length >= 14) {
            return BMP;
        }
        return null;
    }

    /** Why a file that is none of the four is not decoded: what it looks like, or its first bytes. */
    static String describeOther(byte[] head, int length) {
        String seen;
        if (length == 0) {
            return "the file is empty";
        } else if (startsWith(head, length, 'I', 'I', 42, 0) || startsWith(head, length, 'M', 'M', 0, 42)) {
            seen = "a TIFF image";
        } else if (startsWith(head, length, 'R', 'I', 'F', 'F') && length >= 12
                && new String(head, 8, 4, StandardCharsets.ISO_8859_1).equals("WEBP")) {
            seen = "a WebP image";
        } else if (length >= 12 && new String(head, 4, 4, StandardCharsets.ISO_8859_1).equals("ftyp")) {
            seen = "an HEIF/AVIF image";
        } else if (startsWith(head, length, '%', 'P', 'D', 'F')) {
            seen = "a PDF document";
        } else {
            StringBuilder hex = new StringBuilder();
            for (int i = 0; i < Math.min(length, 8); i++) {
                hex.append(i == 0 ? "" : " ").append(String.format("%02X", head[i] & 0xFF));
            }
            return "it is not a PNG, JPEG, GIF or BMP image (it starts with bytes " + hex + ")";
        }
        return "it is " + seen + ", not a PNG, JPEG, GIF or BMP image; convert it to PNG";
    }

    private static boolean startsWith(byte[] head, int length, int... signature) {
        if (length < signature.length) {
            return false;
        }
        for (int i = 0; i < signature.length; i++) {
            if ((head[i] & 0xFF) != signature[i]) {
                return false;
            }
        }
        return true;
    }

    /** A new reader of this format; each caller owns (and disposes) its own. */
    ImageReader createReader() throws IOException {
        return (this == JPEG ? Providers.JPEG : Providers.jdk(jdkSpiClass)).createReaderInstance();
    }

    private static final class Providers {
        /** Holds the JPEG provider's registry for good: a registry deregisters its providers when collected. */
        private static final ServiceRegistry JPEG_REGISTRY =
                new ServiceRegistry(List.<Class<?>>of(ImageReaderSpi.class).iterator());
        static final ImageReaderSpi JPEG = twelveMonkeysJpeg(JPEG_REGISTRY);

        /** The JDK's reader provider of that class, as the JDK registered it in the default registry. */
        static ImageReaderSpi jdk(String className) {
            Iterator<ImageReaderSpi> providers =
                    IIORegistry.getDefaultInstance().getServiceProviders(ImageReaderSpi.class, false);
            while (providers.hasNext()) {
                ImageReaderSpi provider = providers.next();
                if (provider.getClass().getName().equals(className)) {
                    return provider;
                }
            }
            throw new IllegalStateException("this Java runtime has no " + className + " image reader");
        }

        /** TwelveMonkeys' JPEG reader provider, given the JDK's as its delegate through a private registry. */
        private static ImageReaderSpi twelveMonkeysJpeg(ServiceRegistry registry) {
            registry.registerServiceProvider(jdk(JDK_JPEG_SPI), ImageReaderSpi.class);
            JPEGImageReaderSpi provider = new JPEGImageReaderSpi();
            // onRegistration looks for the JDK's provider in this registry and keeps it as the delegate.
            registry.registerServiceProvider(provider, ImageReaderSpi.class);
            if (!registry.contains(provider)) {
                throw new IllegalStateException("TwelveMonkeys' JPEG reader did not accept the JDK's as its delegate");
            }
            return provider;
        }
    }
}
