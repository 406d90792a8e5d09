package io.github.fashionml.util;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class AtomicFilesTest {
    @TempDir
    Path dir;

    @Test
    void aFailingWriterLeavesThePreviousFileAndNoTemporaryOne() throws IOException {
        Path target = dir.resolve("model.zip");
        AtomicFiles.writeString(target, "good");
        IOException e = assertThrows(IOException.class, () -> AtomicFiles.write(target, out -> {
            out.write("half".getBytes());
            throw new IOException("the writer's own failure");
        }));
        // The disk here has room and is writable: the writer's own words are the reason (FullDiskTest writes to a
        // really full and a read-only disk).
        assertTrue(e.getMessage().contains("Cannot write " + target + ": the writer's own failure"), e.getMessage());
        assertTrue(e.getMessage().contains("The previous file, if any, is unchanged"), e.getMessage());
        assertEquals("good", Files.readString(target));
        try (Stream<Path> files = Files.list(dir)) {
            assertEquals(1, files.count(), "no temporary file may remain");
        }
    }

    @Test
    void writtenFilesAreReadableAsAnyFileTheBuildWrites() throws IOException {
        Path plain = Files.writeString(dir.resolve("plain.txt"), "x");
        Path atomic = dir.resolve("index.html");
        AtomicFiles.writeString(atomic, "<p>report</p>");
        // The same permissions as a file written directly (the umask's), not createTempFile's owner-only ones: a
        // report copied to a web server must be readable there.
        assertEquals(Files.getPosixFilePermissions(plain), Files.getPosixFilePermissions(atomic));
    }

    @Test
    void aFileWhereTheDirectoryShouldBeIsNamed() throws IOException {
        Path blocker = Files.writeString(dir.resolve("fashion-ml"), "not a directory");
        IOException e = assertThrows(IOException.class,
                () -> AtomicFiles.writeString(blocker.resolve("cnn/manifest.json"), "{}"));
        assertTrue(e.getMessage().contains("exists and is not a directory"), e.getMessage());
        assertTrue(e.getMessage().contains(blocker.toString()), e.getMessage());
    }

    @Test
    void leftoversOfAKilledWriterAreRecognised() throws IOException {
        Files.writeString(dir.resolve(".model.zip.123.tmp"), "partial");
        Files.writeString(dir.resolve("model.zip"), "kept");
        Files.writeString(dir.resolve("notes.tmp"), "not ours: no leading dot");
        assertEquals(1, AtomicFiles.deleteLeftovers(dir));
        assertTrue(Files.exists(dir.resolve("model.zip")));
        assertTrue(Files.exists(dir.resolve("notes.tmp")));
    }
}
