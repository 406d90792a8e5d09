package io.github.fashionml.data.source;

import io.github.fashionml.data.FashionMnistFile;

import java.nio.file.Path;

/**
 * A dataset file whose decompressed contents were verified against the expected SHA-256.
 *
 * @param source a readable description of where it came from, e.g. {@code Debian package directory /usr/share/...}
 * @param origin the original location: the directory file or the download URL
 */
public record ResolvedFile(FashionMnistFile file, Path path, String source, String origin, String sha256, long size) {
}
