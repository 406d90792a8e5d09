package io.github.fashionml.data.source;

import io.github.fashionml.util.ProgressLog;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;

class DecodeProgressTest {
    @Test
    void aLineEveryIntervalWithTheCountTheRateAndTheEta() {
        List<String> lines = new ArrayList<>();
        long[] now = {0};
        DecodeProgress progress = new DecodeProgress("Decoding", "/data/clothes", 1000, ProgressLog.into(lines),
                () -> now[0]);
        for (int i = 0; i < 1000; i++) {
            now[0] += 20_000_000L; // 50 images a second
            progress.step();
        }
        // 20 s in all: a line at 5, 10 and 15 s; none at the end, which the caller's summary line covers.
        assertEquals(List.of("Decoding /data/clothes: 250 of 1,000 images, 50/s, ETA 15s",
                "Decoding /data/clothes: 500 of 1,000 images, 50/s, ETA 10s",
                "Decoding /data/clothes: 750 of 1,000 images, 50/s, ETA 5s"), lines);
    }

    @Test
    void aSmallFolderPrintsNothing() {
        List<String> lines = new ArrayList<>();
        DecodeProgress progress = new DecodeProgress("Probing", "/d", 10, ProgressLog.into(lines), System::nanoTime);
        for (int i = 0; i < 10; i++) {
            progress.step();
        }
        assertEquals(List.of(), lines);
    }
}
