package io.github.fashionml.faults;

import io.github.fashionml.report.ReportModels;
import io.github.fashionml.report.ReportRenderer;
import io.github.fashionml.testing.ChildJvm;
import io.github.fashionml.testing.RenderInChildJvm;
import io.github.fashionml.testing.TrainedOutputs;
import io.github.fashionml.util.AtomicFiles;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** A report render killed with SIGKILL (as CI kills a build) never leaves a half-written page. */
class KilledReportRenderTest {
    private static final int ATTEMPTS = 8;

    @TempDir
    Path dir;

    @Test
    void everyPageLeftByAKilledRenderIsComplete() throws Exception {
        Path outputs = TrainedOutputs.directory();
        Path reference = dir.resolve("reference");
        new ReportRenderer().render(outputs, ReportModels.find(outputs), reference, "built 2026-01-01T00:00:00Z");

        boolean killedMidWrite = false;
        for (int attempt = 1; attempt <= ATTEMPTS && !killedMidWrite; attempt++) {
            Path site = dir.resolve("site-" + attempt);
            try (ChildJvm render = new ChildJvm(RenderInChildJvm.class, outputs.toString(), site.toString())) {
                render.awaitLine(line -> line.equals("RENDERED 1"), 120);
                awaitTemporaryFile(site, 30);
                render.kill(); // while a page is being written, or just after

            }
            List<Path> files = files(site);
            for (Path file : files) {
                String name = file.getFileName().toString();
                if (name.endsWith(AtomicFiles.TEMP_SUFFIX)) {
                    killedMidWrite = true; // the write in progress was cut; its page was never replaced
                } else {
                    assertArrayEquals(Files.readAllBytes(reference.resolve(site.relativize(file))),
                            Files.readAllBytes(file), "incomplete page after a kill: " + file);
                }
            }
            assertTrue(Files.exists(site.resolve("index.html")), "the pages of the completed renders are there");
        }
        assertTrue(killedMidWrite, "no kill in " + ATTEMPTS + " attempts landed during a write; the test proved nothing");
    }

    /** Polls until a write is in progress in the directory: a temporary file is there. */
    private static void awaitTemporaryFile(Path dir, int seconds) throws Exception {
        long deadline = System.nanoTime() + seconds * 1_000_000_000L;
        while (System.nanoTime() < deadline) {
            try (Stream<Path> list = Files.list(dir)) {
                if (list.anyMatch(p -> p.getFileName().toString().endsWith(AtomicFiles.TEMP_SUFFIX))) {
                    return;
                }
            } catch (java.io.UncheckedIOException | java.nio.file.NoSuchFileException e) {
                // A file vanished while listing: a write just finished.
            }
        }
        throw new AssertionError("no write seen in " + dir + " within " + seconds + " s");
    }

    private static List<Path> files(Path dir) throws Exception {
        try (Stream<Path> walk = Files.walk(dir)) {
            return walk.filter(Files::isRegularFile).sorted().toList();
        }
    }
}
