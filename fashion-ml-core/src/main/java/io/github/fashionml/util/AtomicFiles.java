package io.github.fashionml.util;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;

/**
 * Writes files so that readers see either the previous complete file or the new complete one, never a
 * half-written one: the content goes to a temporary file in the same directory, is flushed to disk,
 * and is then moved over the target in one step.
 */
public final class AtomicFiles {

    /** Writes the content of a file to a stream. */
    @FunctionalInterface
    public interface Writer {
        void write(OutputStream out) throws IOException;
    }

    private AtomicFiles() {
    }

    public static void write(Path target, Writer writer) throws IOException {
        Path dir = target.toAbsolutePath().getParent();
        // Not Files.createTempFile: its files are readable by the owner only, and the outputs (the report above
        // all) must be readable as any file the build writes, by the user's umask.
        Path temp = dir.resolve("." + target.getFileName() + "."
                + Long.toUnsignedString(java.util.concurrent.ThreadLocalRandom.current().nextLong()) + TEMP_SUFFIX);
        OutputStream raw;
        try {
            Files.createDirectories(dir);
            raw = Files.newOutputStream(temp, java.nio.file.StandardOpenOption.CREATE_NEW,
                    java.nio.file.StandardOpenOption.WRITE);
        } catch (IOException e) {
            throw cannotWrite(target, e);
        }
        try {
            try (raw; OutputStream out = new BufferedOutputStream(raw, 1 << 16)) {
                writer.write(out);
                out.flush();
            }
            moveIntoPlace(temp, target);
        } catch (IOException e) {
            // Judged before the temporary file goes: deleting it frees the space that ran out.
            IOException reported = cannotWrite(target, e);
            Files.deleteIfExists(temp);
            throw reported;
        } catch (RuntimeException | Error e) {
            Files.deleteIfExists(temp);
            throw e;
        }
    }

    /** Creates a directory and its parents, with an error that says what is in the way. */
    public static void createDirectories(Path dir) throws IOException {
        try {
            Files.createDirectories(dir);
        } catch (IOException e) {
            throw cannotWrite(dir, e);
        }
    }

    /** The suffix of the temporary files {@link #write} leaves behind only when the JVM is killed mid-write. */
    public static final String TEMP_SUFFIX = ".tmp";

    /** Deletes a directory and everything in it (nothing when it does not exist): for temporary folders. */
    public static void deleteTree(Path root) throws IOException {
        if (!Files.exists(root)) {
            return;
        }
        try (java.util.stream.Stream<Path> walk = Files.walk(root)) {
            for (Path p : walk.sorted(java.util.Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        }
    }

    /** Deletes temporary files a killed writer left in a directory; returns how many. */
    public static int deleteLeftovers(Path dir) throws IOException {
        if (!Files.isDirectory(dir)) {
            return 0;
        }
        int deleted = 0;
        try (java.util.stream.Stream<Path> files = Files.list(dir)) {
            for (Path p : files.toList()) {
                String name = p.getFileName().toString();
                if (name.startsWith(".") && name.endsWith(TEMP_SUFFIX) && Files.isRegularFile(p)) {
                    Files.delete(p);
                    deleted++;
                }
            }
        }
        return deleted;
    }

    /**
     * Why a write failed, in words that name the fix. The disk's state is read from the file store, not from the
     * exception's text: that is the C library's {@code strerror}, which a translated locale changes.
     */
    private static IOException cannotWrite(Path target, IOException e) {
        Path blocker = target.toAbsolutePath().getParent();
        while (blocker != null && !Files.exists(blocker)) {
            blocker = blocker.getParent();
        }
        String reason = blocker != null && !Files.isDirectory(blocker)
                ? blocker + " exists and is not a directory"
                : e instanceof java.nio.file.AccessDeniedException ? "permission denied on " + e.getMessage()
                : blocker != null && isReadOnly(blocker) ? "the file system is read-only"
                : blocker != null && isFull(blocker) ? "the disk is full"
                : String.valueOf(e.getMessage());
        return new IOException("Cannot write " + target + ": " + reason + ". The previous file, if any, is "
                + "unchanged; make the directory writable (or free disk space) and build again.", e);
    }

    private static boolean isReadOnly(Path existing) {
        try {
            return Files.getFileStore(existing).isReadOnly();
        } catch (IOException e) {
            return false;
        }
    }

    /** Under 64 KiB left: none of the files this project writes would fit. */
    private static boolean isFull(Path existing) {
        try {
            return Files.getFileStore(existing).getUsableSpace() < FULL_BELOW_BYTES;
        } catch (IOException e) {
            return false;
        }
    }

    private static final long FULL_BELOW_BYTES = 64 * 1024;

    public static void writeString(Path target, String content) throws IOException {
        write(target, out -> out.write(content.getBytes(java.nio.charset.StandardCharsets.UTF_8)));
    }

    /** Moves a complete file over the target, atomically where the file system allows. */
    public static void moveIntoPlace(Path source, Path target) throws IOException {
        try {
            Files.move(source, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } catch (AtomicMoveNotSupportedException e) {
            Files.move(source, target, StandardCopyOption.REPLACE_EXISTING);
        }
    }
}
