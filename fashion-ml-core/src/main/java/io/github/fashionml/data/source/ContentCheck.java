package io.github.fashionml.data.source;

import io.github.fashionml.data.idx.IdxFormatException;
import io.github.fashionml.data.idx.IdxReader;
import io.github.fashionml.util.Sha256;

import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;
import java.util.zip.ZipException;

/** The size and SHA-256 of a file's decompressed contents, compared with what the dataset expects. */
record ContentCheck(ExpectedContent expected, String sha256, long size) {

    static ContentCheck of(Path path, ExpectedContent expected) throws IOException {
        long[] size = new long[1];
        try (InputStream in = IdxReader.openDecompressed(path)) {
            String sha = Sha256.of(in, size);
            return new ContentCheck(expected, sha, size[0]);
        } catch (ZipException e) {
            throw new IdxFormatException(path.toString(), "is a corrupt gzip file (" + e.getMessage() + ")", e);
        } catch (EOFException e) {
            throw new IdxFormatException(path.toString(), "is a truncated gzip file (" + e.getMessage() + ")", e);
        }
    }

    boolean matches() {
        return expected.sha256().equals(sha256) && expected.size() == size;
    }

    String mismatch() {
        return "checksum mismatch: SHA-256 of the decompressed contents is " + sha256 + " (" + size
                + " bytes), expected " + expected.sha256() + " (" + expected.size() + " bytes)";
    }
}
