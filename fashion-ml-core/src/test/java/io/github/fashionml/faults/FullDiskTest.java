package io.github.fashionml.faults;

import io.github.fashionml.model.Architectures;
import io.github.fashionml.model.ModelArchive;
import io.github.fashionml.model.NetworkFactory;
import io.github.fashionml.model.Preprocessing;
import io.github.fashionml.nativeblas.NativeBackend;
import io.github.fashionml.report.ReportModels;
import io.github.fashionml.report.ReportRenderer;
import io.github.fashionml.testing.TrainedOutputs;
import io.github.fashionml.util.AtomicFiles;
import io.github.fashionml.util.Sha256;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * Writes onto a file system that is really full, or read-only: a 16 MiB tmpfs mounted for the test, filled
 * up or remounted read-only before each write. Mounting needs root, as the CI machines have; elsewhere the test is skipped and says why.
 */
class FullDiskTest {
    private static Path disk;
    private static boolean mounted;

    @BeforeAll
    static void mountSmallDisk() throws Exception {
        disk = Files.createTempDirectory("fashion-ml-full-disk");
        Process mount = new ProcessBuilder("mount", "-t", "tmpfs", "-o", "size=16m", "fashion-ml-test", disk.toString())
                .redirectErrorStream(true).start();
        String output = new String(mount.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        mounted = mount.waitFor(30, TimeUnit.SECONDS) && mount.exitValue() == 0;
        assumeTrue(mounted, "a small tmpfs could not be mounted (needs root): " + output.strip());
    }

    @AfterAll
    static void unmount() throws Exception {
        if (mounted) {
            new ProcessBuilder("umount", disk.toString()).inheritIO().start().waitFor(30, TimeUnit.SECONDS);
        }
        Files.deleteIfExists(disk);
    }

    @AfterEach
    void emptyTheDisk() throws IOException {
        try (Stream<Path> walk = Files.walk(disk)) {
            for (Path p : walk.sorted(java.util.Comparator.reverseOrder()).toList()) {
                if (!p.equals(disk)) {
                    Files.delete(p);
                }
            }
        }
    }

    @Test
    void aModelWrittenToAFullDiskFailsClearlyAndKeepsThePreviousModel() throws Exception {
        NativeBackend.start(NativeBackend.AUTO);
        Path model = disk.resolve("cnn/model.zip");
        ModelArchive.write(NetworkFactory.create(Architectures.defaults("dnn").withEpochs(1)),
                new Preprocessing(null, null), disk.resolve("small.zip")); // proves the disk takes writes at all
        Files.delete(disk.resolve("small.zip"));
        Files.createDirectories(model.getParent());
        byte[] previous = "the previous, complete model".getBytes(StandardCharsets.UTF_8);
        Files.write(model, previous);
        fill();

        IOException e = assertThrows(IOException.class, () -> ModelArchive.write(
                NetworkFactory.create(Architectures.defaults("cnn")), new Preprocessing(null, null), model));

        assertTrue(e.getMessage().startsWith("Cannot write " + model + ": the disk is full."), e.getMessage());
        assertTrue(e.getMessage().contains("free disk space"), e.getMessage());
        assertEquals(new String(previous, StandardCharsets.UTF_8), Files.readString(model));
        assertEquals(List.of("model.zip"), names(model.getParent()), "a temporary file was left behind");
    }

    @Test
    void aReportRenderedToAFullDiskFailsClearlyAndKeepsThePreviousPages() throws Exception {
        Path outputs = TrainedOutputs.directory();
        List<String> models = ReportModels.find(outputs);
        Path site = disk.resolve("site");
        new ReportRenderer().render(outputs, models, site, "built 2026-01-01T00:00:00Z");
        Map<String, String> before = contents(site);
        fill();

        IOException e = assertThrows(IOException.class,
                () -> new ReportRenderer().render(outputs, models, site, "built 2026-02-02T00:00:00Z"));

        assertTrue(e.getMessage().contains("the disk is full"), e.getMessage());
        assertEquals(before, contents(site), "a page changed or a temporary file was left behind");
    }

    /** A translated C library (LANG=de_DE, say) words the error in its own language: the disk is still named full. */
    @Test
    void aFullDiskIsNamedWhateverLanguageTheErrorIsIn() throws Exception {
        Path report = disk.resolve("site/index.html");
        AtomicFiles.writeString(report, "<p>previous</p>");
        fill();

        IOException e = assertThrows(IOException.class, () -> AtomicFiles.write(report, out -> {
            throw new IOException("Auf dem Gerät ist kein Speicherplatz mehr verfügbar");
        }));

        assertTrue(e.getMessage().startsWith("Cannot write " + report + ": the disk is full."), e.getMessage());
        assertEquals("<p>previous</p>", Files.readString(report));
    }

    @Test
    void outputsOnAReadOnlyDiskFailClearlyAndStayAsTheyWere() throws Exception {
        NativeBackend.start(NativeBackend.AUTO);
        Path model = disk.resolve("dnn/model.zip");
        ModelArchive.write(NetworkFactory.create(Architectures.defaults("dnn")), new Preprocessing(null, null), model);
        byte[] previous = Files.readAllBytes(model);
        remount("ro");
        try {
            IOException e = assertThrows(IOException.class, () -> ModelArchive.write(
                    NetworkFactory.create(Architectures.defaults("dnn").withSeed(7)), new Preprocessing(null, null), model));
            assertTrue(e.getMessage().startsWith("Cannot write " + model + ": the file system is read-only."),
                    e.getMessage());
            assertTrue(e.getMessage().contains("make the directory writable"), e.getMessage());
            assertArrayEquals(previous, Files.readAllBytes(model));
        } finally {
            remount("rw");
        }
        assertEquals(List.of("model.zip"), names(model.getParent()));
    }

    private static void remount(String mode) throws Exception {
        Process p = new ProcessBuilder("mount", "-o", "remount," + mode, disk.toString()).inheritIO().start();
        assertTrue(p.waitFor(30, TimeUnit.SECONDS) && p.exitValue() == 0, "remount " + mode);
    }

    /** Writes a file until the disk refuses more. */
    private static void fill() throws IOException {
        byte[] block = new byte[64 * 1024];
        try (OutputStream out = Files.newOutputStream(disk.resolve("filler"))) {
            while (true) {
                out.write(block);
                out.flush();
            }
        } catch (IOException full) {
            // Full: whatever words the C library's locale gives the error.
            assertTrue(Files.getFileStore(disk).getUsableSpace() < 64 * 1024, full.toString());
        }
    }

    private static List<String> names(Path dir) throws IOException {
        try (Stream<Path> files = Files.list(dir)) {
            return files.map(p -> p.getFileName().toString()).sorted().toList();
        }
    }

    private static Map<String, String> contents(Path dir) throws IOException {
        Map<String, String> all = new TreeMap<>();
        try (Stream<Path> files = Files.walk(dir)) {
            for (Path p : files.filter(Files::isRegularFile).toList()) {
                all.put(dir.relativize(p).toString(), Sha256.of(Files.readAllBytes(p)));
            }
        }
        return all;
    }
}
