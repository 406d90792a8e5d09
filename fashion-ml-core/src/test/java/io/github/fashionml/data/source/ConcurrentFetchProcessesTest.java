package io.github.fashionml.data.source;

import io.github.fashionml.testing.ChildJvm;
import io.github.fashionml.testing.FetchInChildJvm;
import io.github.fashionml.testing.LoopbackMirror;
import io.github.fashionml.testing.TestData;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Two builds (two processes) fetching into one empty cache at once: both succeed, each file downloads once. */
class ConcurrentFetchProcessesTest {
    @TempDir
    Path dir;

    @Test
    void twoProcessesShareOneDownload() throws Exception {
        Path cache = dir.resolve("cache");
        try (LoopbackMirror mirror = new LoopbackMirror(TestData.subsetDirectory(), LoopbackMirror.Behaviour.SERVE);
             ChildJvm first = new ChildJvm(FetchInChildJvm.class, cache.toString(), mirror.baseUrl());
             ChildJvm second = new ChildJvm(FetchInChildJvm.class, cache.toString(), mirror.baseUrl())) {
            assertEquals(0, first.waitFor(120), first.lines().toString());
            assertEquals(0, second.waitFor(120), second.lines().toString());
            assertTrue(first.lines().contains("RESOLVED"));
            assertTrue(second.lines().contains("RESOLVED"));
            assertEquals(4, mirror.requests(), "each file downloaded once: " + first.lines() + second.lines());
        }
        try (Stream<Path> files = Files.list(cache.resolve("fashion-mnist"))) {
            assertEquals(4, files.filter(p -> p.getFileName().toString().endsWith(".gz")).count());
        }
    }
}
