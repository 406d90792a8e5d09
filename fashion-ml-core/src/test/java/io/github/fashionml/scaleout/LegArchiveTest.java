package io.github.fashionml.scaleout;

import io.github.fashionml.ConfigurationException;
import io.github.fashionml.FashionMlException;
import io.github.fashionml.data.source.DatasetResolver;
import io.github.fashionml.data.source.FetchOptions;
import io.github.fashionml.data.source.ResolvedDataset;
import io.github.fashionml.model.Architectures;
import io.github.fashionml.model.ModelConfig;
import io.github.fashionml.nativeblas.NativeBackend;
import io.github.fashionml.nativeblas.NativeSettings;
import io.github.fashionml.sweep.SweepPlan;
import io.github.fashionml.testing.TestData;
import io.github.fashionml.train.TrainingRun;
import io.github.fashionml.util.ProgressLog;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import java.util.zip.ZipOutputStream;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** A leg trained on the shipped subset, archived, published to a repository in memory and gathered elsewhere. */
class LegArchiveTest {
    private static ResolvedDataset dataset;
    private static Path trained;
    private static LegPlan plan;

    @BeforeAll
    static void trainTwoLegs() throws Exception {
        NativeBackend backend = NativeBackend.start(NativeBackend.AUTO);
        FetchOptions options = new FetchOptions(TestData.subsetDirectory(), TestData.scratchDirectory("cache"), null,
                List.of(), true, Duration.ofSeconds(1), Duration.ofSeconds(1), TestData.subsetContents());
        dataset = new DatasetResolver(options, ProgressLog.silent()).resolve();
        trained = TestData.scratchDirectory("legs-trained");
        ModelConfig tiny = ModelConfig.of(Architectures.DNN);
        tiny.name = "tiny";
        tiny.dense = List.of(8);
        tiny.epochs = 1;
        ModelConfig other = ModelConfig.of(Architectures.DNN);
        other.name = "other";
        other.dense = List.of(4);
        other.epochs = 1;
        SweepPlan models = SweepPlan.of(List.of(tiny, other), null, null);
        TrainingRun.Options trainingOptions = new TrainingRun.Options(trained, false, 0, 0, null);
        new TrainingRun(backend, ProgressLog.silent()).run(models.specs(), dataset, trainingOptions);
        plan = LegPlan.of(models, dataset, trainingOptions, NativeSettings.plan(NativeBackend.AUTO,
                NativeBackend.PINNED_KERNELS), new LegPlan.Project("com.example", "app", "1.0"));
    }

    /** A repository in memory, as a Maven repository would keep the published files. */
    private static final class MemoryRepository implements LegRepository {
        final Map<String, byte[]> files = new HashMap<>();
        final Path dir;

        MemoryRepository(Path dir) {
            this.dir = dir;
        }

        @Override
        public Optional<Path> fetch(LegCoordinates coordinates) throws java.io.IOException {
            byte[] bytes = files.get(coordinates.toString());
            if (bytes == null) {
                return Optional.empty();
            }
            Path file = dir.resolve(coordinates.artifactId() + ".zip");
            Files.write(file, bytes);
            return Optional.of(file);
        }

        @Override
        public Optional<Path> fetchPublished(LegCoordinates coordinates) throws java.io.IOException {
            return fetch(coordinates);
        }

        @Override
        public void publish(LegCoordinates coordinates, Path file) throws java.io.IOException {
            files.put(coordinates.toString(), Files.readAllBytes(file));
        }

        @Override
        public String describe() {
            return "memory";
        }
    }

    @Test
    void aPlanListsEachLegWithTheFingerprintItsManifestWillHave() throws Exception {
        assertEquals(List.of("tiny", "other"), plan.legs().stream().map(Leg::name).toList());
        assertEquals("com.example:app-leg-tiny:zip:1.0", plan.legs().get(0).coordinates());
        String manifest = Files.readString(trained.resolve("tiny/manifest.json"));
        assertTrue(manifest.contains(plan.legs().get(0).fingerprint()));
        assertEquals("[\"tiny\",\"other\"]", plan.namesJson());
    }

    @Test
    void theSameFolderGivesTheSameArchiveBytes() throws Exception {
        assertArrayEquals(LegArchive.pack(trained, "tiny"), LegArchive.pack(trained, "tiny"));
    }

    @Test
    void publishedLegsGatherIntoAnotherTreeBitForBit(@TempDir Path elsewhere) throws Exception {
        MemoryRepository repository = new MemoryRepository(elsewhere);
        new LegPublisher(repository, ProgressLog.silent()).publish(plan, trained);
        Path gathered = elsewhere.resolve("gathered");
        new LegGatherer(repository, ProgressLog.silent()).gather(plan, gathered, false);
        for (String file : List.of("model.zip", "model.onnx", "manifest.json", "history.json")) {
            assertArrayEquals(Files.readAllBytes(trained.resolve("tiny").resolve(file)),
                    Files.readAllBytes(gathered.resolve("tiny").resolve(file)), file);
        }
        // A second gather finds both legs here and fetches nothing.
        repository.files.clear();
        new LegGatherer(repository, ProgressLog.silent()).gather(plan, gathered, false);
    }

    @Test
    void aReleasedLegIsNeverOverwrittenByAnotherButARerunIsAccepted(@TempDir Path elsewhere) throws Exception {
        MemoryRepository repository = new MemoryRepository(elsewhere);
        new LegPublisher(repository, ProgressLog.silent()).publish(plan, trained);
        byte[] first = repository.files.get("com.example:app-leg-tiny:zip:1.0").clone();
        // The same leg again (same fingerprint and parameters): left as it is.
        new LegPublisher(repository, ProgressLog.silent()).publish(plan, trained);
        assertArrayEquals(first, repository.files.get("com.example:app-leg-tiny:zip:1.0"));
        // Another leg under the same coordinates: refused, naming them.
        repository.files.put("com.example:app-leg-tiny:zip:1.0", LegArchive.pack(trained, "other"));
        FashionMlException e = assertThrows(FashionMlException.class,
                () -> new LegPublisher(repository, ProgressLog.silent()).publish(plan, trained));
        assertTrue(e.getMessage().contains("com.example:app-leg-tiny:zip:1.0 is already in the release repository "
                + "memory with another leg"), e.getMessage());
        // A snapshot is republished.
        LegPlan snapshot = new LegPlan(plan.fashionMlVersion(), List.of(new Leg("tiny", "tiny",
                plan.legs().get(0).fingerprint(), "com.example:app-leg-tiny:zip:1.0-SNAPSHOT")));
        repository.files.put("com.example:app-leg-tiny:zip:1.0-SNAPSHOT", new byte[] {1});
        new LegPublisher(repository, ProgressLog.silent()).publish(snapshot, trained);
        assertArrayEquals(first, repository.files.get("com.example:app-leg-tiny:zip:1.0-SNAPSHOT"));
    }

    @Test
    void aMissingLegFailsNamingItAndItsCoordinates(@TempDir Path elsewhere) throws Exception {
        MemoryRepository repository = new MemoryRepository(elsewhere);
        new LegPublisher(repository, ProgressLog.silent()).publish(plan, trained);
        repository.files.remove("com.example:app-leg-other:zip:1.0");
        FashionMlException e = assertThrows(FashionMlException.class, () -> new LegGatherer(repository,
                ProgressLog.silent()).gather(plan, elsewhere.resolve("out"), false));
        assertTrue(e.getMessage().contains("missing from memory: other (com.example:app-leg-other:zip:1.0)"),
                e.getMessage());
    }

    @Test
    void aFlippedByteFailsNamingTheLegAndUnpacksNothing(@TempDir Path elsewhere) throws Exception {
        byte[] archive = LegArchive.pack(trained, "tiny");
        // Flip a byte inside model.onnx's stored content, where the zip itself stays readable.
        Map<String, byte[]> entries = entries(archive);
        entries.get("model.onnx")[100] ^= 0x01;
        Path file = elsewhere.resolve("tiny.zip");
        Files.write(file, zip(entries));
        Leg leg = plan.legs().get(0);
        FashionMlException e = assertThrows(FashionMlException.class,
                () -> LegArchive.unpack(file, leg, elsewhere.resolve("out")));
        assertTrue(e.getMessage().contains("The artifact of leg 'tiny' (com.example:app-leg-tiny:zip:1.0) is damaged: "
                + "model.onnx has SHA-256"), e.getMessage());
        assertFalse(Files.exists(elsewhere.resolve("out/tiny")));
        // Raw corruption of the zip's bytes is refused too.
        byte[] raw = archive.clone();
        raw[raw.length / 3] ^= 0x40;
        Files.write(file, raw);
        assertThrows(FashionMlException.class, () -> LegArchive.unpack(file, leg, elsewhere.resolve("out")));
        assertFalse(Files.exists(elsewhere.resolve("out/tiny")));
    }

    @Test
    void aLegFromAnotherVersionOrAnotherConfigurationIsRefused(@TempDir Path elsewhere) throws Exception {
        Map<String, byte[]> entries = entries(LegArchive.pack(trained, "tiny"));
        String legJson = new String(entries.get(LegArchive.LEG_FILE), java.nio.charset.StandardCharsets.UTF_8);
        String version = io.github.fashionml.provenance.Versions.fashionMl();
        entries.put(LegArchive.LEG_FILE, legJson.replace("\"" + version + "\"", "\"0.0.1\"")
                .getBytes(java.nio.charset.StandardCharsets.UTF_8));
        Path file = elsewhere.resolve("tiny.zip");
        Files.write(file, zip(entries));
        FashionMlException e = assertThrows(FashionMlException.class,
                () -> LegArchive.unpack(file, plan.legs().get(0), elsewhere.resolve("out")));
        assertTrue(e.getMessage().contains("was published by fashion-ml 0.0.1, and this build is fashion-ml "
                + version), e.getMessage());

        Files.write(file, LegArchive.pack(trained, "tiny"));
        Leg reconfigured = new Leg("tiny", "tiny", "0".repeat(64), plan.legs().get(0).coordinates());
        assertEquals(LegArchive.Outcome.STALE, LegArchive.unpack(file, reconfigured, elsewhere.resolve("out")));
        assertFalse(Files.exists(elsewhere.resolve("out/tiny")));
    }

    @Test
    void aStaleLegFailsTheGatherUnlessItIsToBeRetrainedHere(@TempDir Path elsewhere) throws Exception {
        MemoryRepository repository = new MemoryRepository(elsewhere);
        new LegPublisher(repository, ProgressLog.silent()).publish(plan, trained);
        LegPlan changed = new LegPlan(plan.fashionMlVersion(), List.of(plan.legs().get(0),
                new Leg("other", "other", "f".repeat(64), plan.legs().get(1).coordinates())));
        FashionMlException e = assertThrows(FashionMlException.class, () -> new LegGatherer(repository,
                ProgressLog.silent()).gather(changed, elsewhere.resolve("out"), false));
        assertTrue(e.getMessage().contains("stale (trained from other inputs than this configuration's): other "
                + "(com.example:app-leg-other:zip:1.0)") && !e.getMessage().contains("tiny ("), e.getMessage());
        new LegGatherer(repository, ProgressLog.silent()).gather(changed, elsewhere.resolve("retrain"), true);
        assertTrue(Files.isRegularFile(elsewhere.resolve("retrain/tiny/model.zip")));
        assertFalse(Files.exists(elsewhere.resolve("retrain/other")));
    }

    @Test
    void aPlanWithNoLegsIsRefused() {
        ConfigurationException e = assertThrows(ConfigurationException.class, () -> LegPlan.of(
                new SweepPlan(List.of(), List.of(), Map.of()), dataset, new TrainingRun.Options(trained, false, 0, 0,
                        null), NativeSettings.plan(NativeBackend.AUTO, NativeBackend.PINNED_KERNELS),
                new LegPlan.Project("com.example", "app", "1.0")));
        assertTrue(e.getMessage().contains("The plan has no legs"), e.getMessage());
    }

    private static Map<String, byte[]> entries(byte[] zip) throws Exception {
        Map<String, byte[]> entries = new java.util.TreeMap<>();
        try (ZipInputStream in = new ZipInputStream(new java.io.ByteArrayInputStream(zip))) {
            ZipEntry entry;
            while ((entry = in.getNextEntry()) != null) {
                entries.put(entry.getName(), in.readAllBytes());
            }
        }
        return entries;
    }

    private static byte[] zip(Map<String, byte[]> entries) throws Exception {
        java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
        try (ZipOutputStream zip = new ZipOutputStream(out)) {
            for (Map.Entry<String, byte[]> e : entries.entrySet()) {
                zip.putNextEntry(new ZipEntry(e.getKey()));
                zip.write(e.getValue());
                zip.closeEntry();
            }
        }
        return out.toByteArray();
    }
}
