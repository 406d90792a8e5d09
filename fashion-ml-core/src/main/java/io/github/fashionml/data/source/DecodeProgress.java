package io.github.fashionml.data.source;

import io.github.fashionml.util.ProgressLog;

import java.util.Locale;
import java.util.function.LongSupplier;

/**
 * Progress lines while a folder's images are probed or decoded: at most one every {@link #INTERVAL_NANOS}, so a small folder
 * prints none; each with the count done, the rate and an ETA (from the count: images of one folder cost alike).
 */
final class DecodeProgress {
    static final long INTERVAL_NANOS = 5_000_000_000L;

    private final String verb;
    private final String what;
    private final int total;
    private final ProgressLog log;
    private final LongSupplier clock;
    private final long start;
    private long lastLine;
    private int done;

    /** {@code verb}: "Decoding", "Probing"; {@code clock} gives nanoseconds, as {@link System#nanoTime}. */
    DecodeProgress(String verb, String what, int total, ProgressLog log, LongSupplier clock) {
        this.verb = verb;
        this.what = what;
        this.total = total;
        this.log = log;
        this.clock = clock;
        this.start = clock.getAsLong();
        this.lastLine = start;
    }

    /** One more image done (or skipped). */
    void step() {
        done++;
        long now = clock.getAsLong();
        if (now - lastLine >= INTERVAL_NANOS && done < total) {
            lastLine = now;
            double elapsed = Math.max(now - start, 1) / 1e9;
            double rate = done / elapsed;
            log.info(String.format(Locale.ROOT, "%s %s: %,d of %,d images, %,.0f/s, ETA %s", verb, what, done, total,
                    rate, ProgressLog.shortDuration((total - done) / rate)));
        }
    }
}
