package io.github.fashionml.data.image;

import javax.imageio.stream.ImageInputStreamImpl;
import java.io.IOException;
import java.util.Objects;

/**
 * An {@link javax.imageio.stream.ImageInputStream} over bytes already in memory. The JDK has none:
 * {@code ImageIO.createImageInputStream} on a {@code ByteArrayInputStream} copies through a cache.
 */
final class ByteArrayImageInputStream extends ImageInputStreamImpl {
    private final byte[] data;

    ByteArrayImageInputStream(byte[] data) {
        this.data = Objects.requireNonNull(data);
    }

    @Override
    public int read() throws IOException {
        checkClosed();
        bitOffset = 0;
        return streamPos < data.length ? data[(int) streamPos++] & 0xFF : -1;
    }

    @Override
    public int read(byte[] b, int off, int len) throws IOException {
        checkClosed();
        Objects.checkFromIndexSize(off, len, b.length);
        bitOffset = 0;
        if (len == 0) {
            return 0;
        }
        if (streamPos >= data.length) {
            return -1;
        }
        int n = (int) Math.min(len, data.length - streamPos);
        System.arraycopy(data, (int) streamPos, b, off, n);
        streamPos += n;
        return n;
    }

    @Override
    public long length() {
        return data.length;
    }
}
