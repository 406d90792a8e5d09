package io.github.fashionml.data.folder;

import io.github.fashionml.util.Sha256;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.function.LongSupplier;

/**
 * The SHA-256 of each listed image, read only when the previous index cannot vouch for it: an unchanged folder
 * costs the listing's stat per file and no read, as {@code git status} does.
 */
final class ContentHasher {
    /** A file modified less than this before it is read may change again within the same stored mtime. */
    static final long RACY_WINDOW_NANOS = TimeUnit.SECONDS.toNanos(3);

    private final IndexProgress progress;
    private final LongSupplier wallClockNanos;

    /** {@code wallClockNanos}: the time now, nanoseconds since the epoch, to compare with mtimes. */
    ContentHasher(IndexProgress progress, LongSupplier wallClockNanos) {
        this.progress = progress;
        this.wallClockNanos = wallClockNanos;
    }

    /** The hashes and the new index entries by relative path, and the changes against {@code previous}. */
    record Result(Map<String, IndexEntry> entries, IndexChanges changes) {
        String sha256(ListedFile file) {
            return entries.get(file.relativePath()).sha256();
        }
    }

    Result hash(List<ListedFile> files, Map<String, IndexEntry> previous, boolean previousIndex) throws IOException {
        long bytesToRead = 0;
        int filesToRead = 0;
        for (ListedFile file : files) {
            IndexEntry known = previous.get(file.relativePath());
            if (known == null || !known.matches(file)) {
                filesToRead++;
                bytesToRead += file.size();
            }
        }
        progress.startHashing(filesToRead, bytesToRead);
        Map<String, IndexEntry> entries = new HashMap<>(files.size() * 2);
        int added = 0;
        int changed = 0;
        int hashed = 0;
        long hashedBytes = 0;
        Set<String> seen = new HashSet<>(files.size() * 2);
        for (ListedFile file : files) {
            seen.add(file.relativePath());
            IndexEntry known = previous.get(file.relativePath());
            IndexEntry entry;
            if (known != null && known.matches(file)) {
                entry = known;
            } else {
                entry = read(file);
                hashed++;
                hashedBytes += file.size();
                progress.hashed(file.size());
                if (known == null) {
                    added++;
                } else if (!known.sha256().equals(entry.sha256())) {
                    changed++;
                }
            }
            entries.put(file.relativePath(), entry);
        }
        int removed = (int) previous.keySet().stream().filter(p -> !seen.contains(p)).count();
        return new Result(entries, new IndexChanges(previousIndex, added, removed, changed, hashed, hashedBytes));
    }

    /**
     * Hashes a file. The size and mtime recorded are the listing's, taken before the read: a change during the
     * read leaves a newer mtime, which makes the next run read it again.
     */
    private IndexEntry read(ListedFile file) throws IOException {
        long[] size = new long[1];
        String sha256;
        try (InputStream in = Files.newInputStream(file.path())) {
            sha256 = Sha256.of(in, size);
        } catch (FileSystemException e) {
            throw new IOException("Cannot read the image " + file.path() + " (" + e.getMessage() + "); make it "
                    + "readable or remove it.", e);
        }
        boolean racy = size[0] != file.size()
                || wallClockNanos.getAsLong() - file.mtimeNanos() < RACY_WINDOW_NANOS;
        return new IndexEntry(file.size(), file.mtimeNanos(), sha256, racy);
    }
}
