package io.github.fashionml.data.folder;

import io.github.fashionml.util.ProgressLog;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class IndexProgressTest {
    private long now;

    @Test
    void aQuickIndexPrintsNothing() {
        List<String> lines = new ArrayList<>();
        IndexProgress progress = new IndexProgress("/data", ProgressLog.into(lines), () -> now);
        for (int i = 0; i < 1000; i++) {
            now += 1_000_000; // 1 ms per file
            progress.listed();
        }
        progress.startHashing(1000, 1_000_000);
        for (int i = 0; i < 1000; i++) {
            now += 1_000_000;
            progress.hashed(1000);
        }
        assertEquals(List.of(), lines);
    }

    @Test
    void aSlowIndexPrintsCountRateAndEtaAtTheInterval() {
        List<String> lines = new ArrayList<>();
        IndexProgress progress = new IndexProgress("/data", ProgressLog.into(lines), () -> now);
        for (int i = 0; i < 12; i++) {
            now += 1_000_000_000L; // 1 s per file
            progress.listed();
        }
        assertEquals(List.of("Listing /data: 5 images so far, 1/s", "Listing /data: 10 images so far, 1/s"), lines);
        lines.clear();
        progress.startHashing(20, 20_000_000);
        for (int i = 0; i < 20; i++) {
            now += 2_000_000_000L; // 2 s per MB
            progress.hashed(1_000_000);
        }
        assertEquals(6, lines.size(), String.join("\n", lines));
        assertEquals("Hashing /data: 3 of 20 files (3.0 of 20.0 MB), 1 files/s, 0.5 MB/s, ETA 34s", lines.get(0));
        assertTrue(lines.get(5).contains("18 of 20 files"), lines.get(5));
        assertTrue(lines.get(5).endsWith("ETA 4s"), lines.get(5));
    }

    @Test
    void durationsAreShort() {
        assertEquals("45s", io.github.fashionml.util.ProgressLog.shortDuration(45.2));
        assertEquals("3m07s", io.github.fashionml.util.ProgressLog.shortDuration(187));
        assertEquals("1h02m", io.github.fashionml.util.ProgressLog.shortDuration(3725));
    }
}
