package io.github.fashionml.data.folder;

import java.nio.file.Path;

/**
 * One image of the data set.
 *
 * @param relativePath below the indexed folder, {@code /}-separated, in NFC (e.g. {@code cat/001.png} or
 *                     {@code train/cat/001.png}): the image's name in the digest and the index
 * @param classIndex   index into {@link IndexedFolder#classNames()}
 * @param sha256       the content's SHA-256, lower-case hex
 * @param size         bytes
 * @param file         where to read it, spelled as on disk (which may be NFD where {@code relativePath} is NFC)
 */
public record IndexedImage(String relativePath, int classIndex, String sha256, long size, Path file) {
}
