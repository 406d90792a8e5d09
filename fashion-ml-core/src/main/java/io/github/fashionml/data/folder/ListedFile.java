package io.github.fashionml.data.folder;

import java.nio.file.Path;

/**
 * An image file as the listing saw it, before its content is read.
 *
 * @param relativePath the path below the indexed folder, {@code /}-separated, every segment in NFC
 * @param path         where to read it
 * @param size         bytes, from the file's attributes
 * @param mtimeNanos   last modification, nanoseconds since the epoch (as fine as the file system keeps it)
 */
record ListedFile(String relativePath, Path path, long size, long mtimeNanos) {
}
