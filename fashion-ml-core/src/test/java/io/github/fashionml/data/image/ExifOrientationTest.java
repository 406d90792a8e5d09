package io.github.fashionml.data.image;

import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

/** {@link ExifOrientation}: reading the tag from JPEG segments, and the eight transformations. */
class ExifOrientationTest {
    /** A 2 high, 3 wide image: a b c / d e f. */
    private static final byte[] STORED = {'a', 'b', 'c', 'd', 'e', 'f'};

    private static String apply(int orientation) {
        return new String(ExifOrientation.apply(orientation, STORED, 2, 3, 1), StandardCharsets.US_ASCII);
    }

    @Test
    void transformationsAreWhatViewersShow() {
        assertEquals("abcdef", apply(1));
        assertEquals("cbafed", apply(2)); // mirrored left-right
        assertEquals("fedcba", apply(3)); // turned 180
        assertEquals("defabc", apply(4)); // mirrored top-bottom
        assertEquals("adbecf", apply(5)); // transposed: 3 high, 2 wide: a d / b e / c f
        assertEquals("daebfc", apply(6)); // turned 90 clockwise: d a / e b / f c
        assertEquals("fcebda", apply(7)); // transverse: f c / e b / d a
        assertEquals("cfbead", apply(8)); // turned 90 counter-clockwise: c f / b e / a d
    }

    @Test
    void channelsMoveTogether() {
        byte[] rgb = {1, 2, 3, 4, 5, 6}; // 1 high, 2 wide
        assertArrayEquals(new byte[] {4, 5, 6, 1, 2, 3}, ExifOrientation.apply(2, rgb, 1, 2, 3));
        assertArrayEquals(new byte[] {1, 2, 3, 4, 5, 6}, ExifOrientation.apply(6, rgb, 1, 2, 3)); // now 2 high, 1 wide
    }

    @Test
    void tagIsReadInEitherByteOrder() throws IOException {
        for (ByteOrder order : new ByteOrder[] {ByteOrder.BIG_ENDIAN, ByteOrder.LITTLE_ENDIAN}) {
            for (int orientation = 1; orientation <= 8; orientation++) {
                assertEquals(orientation, read(jpeg(exif(order, 3, orientation))), order + " " + orientation);
            }
            assertEquals(6, read(jpeg(exif(order, 4, 6))), "as a LONG");
            assertEquals(1, read(jpeg(exif(order, 3, 9))), "out of range");
            assertEquals(1, read(jpeg(exif(order, 3, 0))), "out of range");
        }
    }

    @Test
    void otherSegmentsAreSkipped() throws IOException {
        byte[] xmp = segment(0xE1, "http://ns.adobe.com/xap/1.0/\0<x/>".getBytes(StandardCharsets.US_ASCII));
        byte[] jfif = segment(0xE0, "JFIF\0\1\1\0\0\1\0\1\0\0".getBytes(StandardCharsets.US_ASCII));
        byte[] exif = exif(ByteOrder.BIG_ENDIAN, 3, 8);
        assertEquals(8, read(concat(new byte[] {(byte) 0xFF, (byte) 0xD8}, jfif, xmp, exif, sos())));
        // after the image data starts, nothing counts
        assertEquals(1, read(concat(new byte[] {(byte) 0xFF, (byte) 0xD8}, sos(), exif)));
        assertEquals(1, read(new byte[] {(byte) 0xFF, (byte) 0xD8}));
        assertEquals(1, read(new byte[] {'n', 'o'}));
        // a segment running past the end of the file
        byte[] cut = jpeg(exif);
        assertEquals(1, read(java.util.Arrays.copyOf(cut, cut.length - 12)));
    }

    private static int read(byte[] jpeg) throws IOException {
        return ExifOrientation.read(new ByteArrayImageInputStream(jpeg));
    }

    /** An APP1 Exif segment whose IFD0 has a dummy tag and then the orientation, of TIFF type 3 (SHORT) or 4 (LONG). */
    static byte[] exif(ByteOrder order, int type, int orientation) {
        ByteBuffer tiff = ByteBuffer.allocate(8 + 2 + 2 * 12 + 4).order(order);
        tiff.put(order == ByteOrder.BIG_ENDIAN ? (byte) 'M' : (byte) 'I');
        tiff.put(order == ByteOrder.BIG_ENDIAN ? (byte) 'M' : (byte) 'I');
        tiff.putShort((short) 42).putInt(8).putShort((short) 2);
        tiff.putShort((short) 0x010F).putShort((short) 2).putInt(4).put(new byte[] {'a', 'b', 'c', 0});
        tiff.putShort((short) 0x0112).putShort((short) type).putInt(1);
        if (type == 3) {
            tiff.putShort((short) orientation).putShort((short) 0);
        } else {
            tiff.putInt(orientation);
        }
        tiff.putInt(0);
        return segment(0xE1, concat("Exif\0\0".getBytes(StandardCharsets.US_ASCII), tiff.array()));
    }

    private static byte[] jpeg(byte[] segment) {
        return concat(new byte[] {(byte) 0xFF, (byte) 0xD8}, segment, sos());
    }

    private static byte[] sos() {
        return new byte[] {(byte) 0xFF, (byte) 0xDA, 0, 2, 1, 2, 3, (byte) 0xFF, (byte) 0xD9};
    }

    private static byte[] segment(int marker, byte[] payload) {
        return concat(new byte[] {(byte) 0xFF, (byte) marker, (byte) ((payload.length + 2) >> 8),
                (byte) (payload.length + 2)}, payload);
    }

    private static byte[] concat(byte[]... parts) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (byte[] part : parts) {
            out.writeBytes(part);
        }
        return out.toByteArray();
    }
}
