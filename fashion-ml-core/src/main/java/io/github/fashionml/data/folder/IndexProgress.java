package io.github.fashionml.data.folder;

import io.github.fashionml.util.ProgressLog;

import java.util.Locale;
import java.util.function.LongSupplier;

/**
 * Progress lines while a large folder is indexed: at most one every {@link #INTERVAL_NANOS}, so a small folder
 * prints none. Listing shows a count and a rate (the total is not known yet); hashing adds the share done and an
 * ETA, from bytes, since reading is what takes the time.
 */
final class IndexProgress {
    static final long INTERVAL_NANOS = 5_000_000_000L;

    private final String folder;
    private final ProgressLog log;
    private final LongSupplier clock;
    private long phaseStart;
    private long lastLine;
    private int listed;
    private int filesToHash;
    private long bytesToHash;
    private int hashedFiles;
    private long hashedBytes;

    /** {@code clock} gives nanoseconds, as {@link System#nanoTime}. */
    IndexProgress(String folder, ProgressLog log, LongSupplier clock) {
        this.folder = folder;
        this.log = log;
        this.clock = clock;
        this.phaseStart = clock.getAsLong();
        this.lastLine = phaseStart;
    }

    /** One more image found. */
    void listed() {
        listed++;
        long now = clock.getAsLong();
        if (now - lastLine >= INTERVAL_NANOS) {
            lastLine = now;
            log.info(String.format(Locale.ROOT, "Listing %s: %,d images so far, %,.0f/s", folder, listed,
                    listed / seconds(now - phaseStart)));
        }
    }

    /** The listing is done; {@code files} files of {@code bytes} bytes in all will be read. */
    void startHashing(int files, long bytes) {
        filesToHash = files;
        bytesToHash = bytes;
        phaseStart = clock.getAsLong();
        lastLine = phaseStart;
    }

    /** One more file read. */
    void hashed(long bytes) {
        hashedFiles++;
        hashedBytes += bytes;
        long now = clock.getAsLong();
        if (now - lastLine >= INTERVAL_NANOS && hashedFiles < filesToHash) {
            lastLine = now;
            double elapsed = seconds(now - phaseStart);
            double done = bytesToHash > 0 ? (double) hashedBytes / bytesToHash : (double) hashedFiles / filesToHash;
            double eta = done > 0 ? elapsed * (1 - done) / done : 0;
            log.info(String.format(Locale.ROOT, "Hashing %s: %,d of %,d files (%.1f of %.1f MB), %,.0f files/s, "
                            + "%.1f MB/s, ETA %s", folder, hashedFiles, filesToHash, hashedBytes / 1e6,
                    bytesToHash / 1e6, hashedFiles / elapsed, hashedBytes / 1e6 / elapsed, ProgressLog.shortDuration(eta)));
        }
    }


    private static double seconds(long nanos) {
        return Math.max(nanos, 1) / 1e9;
    }
}
