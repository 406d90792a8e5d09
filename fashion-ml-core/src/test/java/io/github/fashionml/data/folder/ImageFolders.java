package io.github.fashionml.data.folder;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Instant;
import java.util.List;

/** Builds folders of "images" for the tests: the index never decodes, so any bytes do. */
final class ImageFolders {
    /** An mtime well in the past, so no test file is "racy" (modified just before it was read). */
    static final Instant OLD = Instant.parse("2021-03-04T05:06:07.123456789Z");

    private ImageFolders() {
    }

    /** Writes {@code content} to {@code root/relative} with an old mtime; returns the file. */
    static Path write(Path root, String relative, String content) throws IOException {
        Path file = root.resolve(relative);
        Files.createDirectories(file.getParent());
        Files.writeString(file, content, StandardCharsets.UTF_8);
        Files.setLastModifiedTime(file, FileTime.from(OLD));
        return file;
    }

    /** Writes each relative path with its own path as content (so every file differs). */
    static void writeAll(Path root, List<String> relatives) throws IOException {
        for (String relative : relatives) {
            write(root, relative, "image " + relative);
        }
    }

    static List<String> paths(List<IndexedImage> images) {
        return images.stream().map(IndexedImage::relativePath).toList();
    }
}
