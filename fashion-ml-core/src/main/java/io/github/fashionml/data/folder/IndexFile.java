package io.github.fashionml.data.folder;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.core.JacksonException;
import io.github.fashionml.util.Json;
import io.github.fashionml.util.ProgressLog;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.TreeMap;

/**
 * The index file: each image's size, mtime and SHA-256 by relative path, for the folder it was made of. It is a
 * cache, never an input: a missing, corrupt or foreign one means hashing everything again, never a failure.
 *
 * @param format    {@link #FORMAT}; another value is read as no index
 * @param directory the absolute folder the entries describe: paths, sizes and mtimes of another folder (a copy
 *                  made with {@code rsync -a} keeps them) say nothing about this one's content
 * @param files     entries by relative path
 */
record IndexFile(@JsonProperty("format") int format, @JsonProperty("directory") String directory,
                 @JsonProperty("files") Map<String, IndexEntry> files) {
    static final int FORMAT = 1;

    /** The usable entries of {@code indexFile} for {@code directory}; empty, with a note why, when there are none. */
    static Map<String, IndexEntry> load(Path indexFile, Path directory, ProgressLog log) {
        if (indexFile == null || !Files.exists(indexFile)) {
            return Map.of();
        }
        IndexFile read;
        try {
            read = Json.MAPPER.readValue(indexFile.toFile(), IndexFile.class);
        } catch (JacksonException e) {
            log.warn("Ignoring the image index " + indexFile + " (not valid JSON: " + e.getOriginalMessage()
                    + "); hashing every image again.");
            return Map.of();
        } catch (IOException e) {
            log.warn("Ignoring the image index " + indexFile + " (" + e.getMessage() + "); hashing every image again.");
            return Map.of();
        }
        String problem = read == null ? "it is empty"
                : read.format != FORMAT ? "it has format " + read.format + ", this version writes " + FORMAT
                : read.files == null ? "it has no files"
                : !directory.toString().equals(read.directory) ? "it describes " + read.directory
                : read.files.entrySet().stream().anyMatch(e -> e.getKey() == null || e.getValue() == null
                || !e.getValue().isWellFormed()) ? "it has malformed entries" : null;
        if (problem != null) {
            log.warn("Ignoring the image index " + indexFile + " (" + problem + "); hashing every image again.");
            return Map.of();
        }
        return read.files;
    }

    /** Writes the index atomically; a failure is only a warning, since the next run can hash again. */
    static void save(Path indexFile, Path directory, Map<String, IndexEntry> files, ProgressLog log) {
        try {
            Json.write(indexFile, new IndexFile(FORMAT, directory.toString(), new TreeMap<>(files)));
        } catch (IOException e) {
            log.warn("Could not save the image index (" + e.getMessage() + "); the next run hashes every image again.");
        }
    }
}
