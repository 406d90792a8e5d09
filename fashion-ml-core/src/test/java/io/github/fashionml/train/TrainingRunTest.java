package io.github.fashionml.train;

import io.github.fashionml.data.FashionMnistFile;
import io.github.fashionml.data.source.DatasetResolver;
import io.github.fashionml.data.source.FetchOptions;
import io.github.fashionml.data.source.ResolvedDataset;
import io.github.fashionml.model.Architectures;
import io.github.fashionml.model.ModelArchive;
import io.github.fashionml.model.ModelSpec;
import io.github.fashionml.nativeblas.NativeBackend;
import io.github.fashionml.provenance.ModelManifest;
import io.github.fashionml.testing.TestData;
import io.github.fashionml.util.Json;
import io.github.fashionml.util.ProgressLog;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.nd4j.linalg.api.ndarray.INDArray;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Trains the real architectures on the shipped 300-image subset: small, but every step is the real one. */
class TrainingRunTest {
    private static NativeBackend backend;
    private static ResolvedDataset dataset;

    @TempDir
    Path dir;

    private final List<String> lines = Collections.synchronizedList(new ArrayList<>());
    private final ProgressLog log = new ProgressLog() {
        @Override
        public void info(String message) {
            lines.add(message);
        }

        @Override
        public void warn(String message) {
            lines.add("WARN " + message);
        }
    };

    @BeforeAll
    static void startBackend() throws Exception {
        backend = NativeBackend.start(NativeBackend.AUTO);
        FetchOptions options = new FetchOptions(TestData.subsetDirectory(), TestData.scratchDirectory("cache"), null,
                List.of(), true, Duration.ofSeconds(1), Duration.ofSeconds(1), TestData.subsetContents());
        dataset = new DatasetResolver(options, ProgressLog.silent()).resolve();
    }

    private static ModelSpec small(String architecture) throws Exception {
        return Architectures.defaults(architecture).withEpochs(2);
    }

    private TrainingRun.Options options(Path out) {
        return new TrainingRun.Options(out, false, 0, 0, null);
    }

    @Test
    void trainsEveryArchitectureAndWritesItsOutputs() throws Exception {
        List<ModelSpec> specs = List.of(small("cnn"), small("dnn"), small("cnn-deep"));
        List<TrainingRun.Outcome> outcomes = new TrainingRun(backend, log).run(specs, dataset, options(dir));
        assertEquals(3, outcomes.size());
        for (TrainingRun.Outcome outcome : outcomes) {
            Path modelDir = dir.resolve(outcome.spec().name());
            assertTrue(Files.isRegularFile(modelDir.resolve("model.zip")));
            TrainingHistory history = Json.read(modelDir.resolve("history.json"), TrainingHistory.class, "");
            assertEquals(2, history.epochs().size());
            EpochRecord last = history.epochs().get(1);
            assertTrue(last.testAccuracy() > 0.3, "learns something even from 300 images: " + last);
            assertTrue(last.imagesPerSecond() > 0);
            ModelManifest manifest = Json.read(modelDir.resolve("manifest.json"), ModelManifest.class, "");
            assertEquals(outcome.spec().name(), manifest.model());
            assertEquals(300, manifest.inputs().trainImages());
            assertEquals(TestData.subsetContents().get(FashionMnistFile.TRAIN_IMAGES).sha256(),
                    manifest.inputs().dataset().get("train-images"));
            assertEquals(backend.classifier(), manifest.inputs().nd4jClassifier());
            assertEquals(ModelArchive.fileSha256(modelDir.resolve("model.zip")), manifest.outputs().modelSha256());
            assertEquals(last.testAccuracy(), manifest.outputs().testAccuracy());
            assertTrue(manifest.outputs().parameterCount() > 0);
            assertEquals(System.getProperty("java.version"), manifest.environment().javaVersion());
        }
        assertEquals(1, outcomes.get(1).manifest().inputs().threads(), "the dense network trains on one thread");
        assertTrue(lines.stream().anyMatch(l -> l.startsWith("cnn: epoch 2/2") && l.contains("img/s")
                && l.contains("ETA")), lines.toString());
    }

    @Test
    void sameSeedGivesBitwiseTheSameParametersAndModelFile() throws Exception {
        List<ModelSpec> specs = List.of(small("cnn-deep"), small("dnn"));
        List<TrainingRun.Outcome> first = new TrainingRun(backend, log).run(specs, dataset, options(dir.resolve("a")));
        List<TrainingRun.Outcome> second = new TrainingRun(backend, log).run(specs, dataset, options(dir.resolve("b")));
        for (int i = 0; i < specs.size(); i++) {
            assertEquals(first.get(i).manifest().outputs().parametersSha256(),
                    second.get(i).manifest().outputs().parametersSha256(), specs.get(i).name());
            assertEquals(first.get(i).manifest().outputs().modelSha256(),
                    second.get(i).manifest().outputs().modelSha256(), "fixed zip entry times: same bytes");
        }
        ModelSpec otherSeed = small("dnn").withSeed(7);
        TrainingRun.Outcome third = new TrainingRun(backend, log)
                .run(List.of(otherSeed), dataset, options(dir.resolve("c"))).get(0);
        assertNotEquals(first.get(1).manifest().outputs().parametersSha256(),
                third.manifest().outputs().parametersSha256());
    }

    @Test
    void secondRunIsUpToDateAndAChangeSaysWhatChanged() throws Exception {
        List<ModelSpec> specs = List.of(small("dnn"));
        TrainingRun.Outcome first = new TrainingRun(backend, log).run(specs, dataset, options(dir)).get(0);
        assertFalse(first.upToDate());
        TrainingRun.Outcome again = new TrainingRun(backend, log).run(specs, dataset, options(dir)).get(0);
        assertTrue(again.upToDate());
        assertTrue(lines.stream().anyMatch(l -> l.startsWith("dnn: up to date")), lines.toString());

        lines.clear();
        TrainingRun.Outcome changed = new TrainingRun(backend, log)
                .run(List.of(small("dnn").withEpochs(3)), dataset, options(dir)).get(0);
        assertFalse(changed.upToDate());
        assertTrue(lines.stream().anyMatch(l -> l.contains("inputs changed") && l.contains("spec.epochs: 2 -> 3")),
                lines.toString());

        lines.clear();
        TrainingRun.Outcome forced = new TrainingRun(backend, log).run(List.of(small("dnn").withEpochs(3)), dataset,
                new TrainingRun.Options(dir, true, 0, 0, null)).get(0);
        assertFalse(forced.upToDate(), "force retrains");
    }

    @Test
    void damagedOrIncompleteOutputsAreNeverUpToDate() throws Exception {
        List<ModelSpec> specs = List.of(small("dnn"));
        new TrainingRun(backend, log).run(specs, dataset, options(dir));
        Path model = dir.resolve("dnn/model.zip");
        byte[] bytes = Files.readAllBytes(model);
        bytes[bytes.length / 2] ^= 1;
        Files.write(model, bytes);
        TrainingRun.Outcome retrained = new TrainingRun(backend, log).run(specs, dataset, options(dir)).get(0);
        assertFalse(retrained.upToDate());
        assertTrue(lines.stream().anyMatch(l -> l.contains("is not the file the manifest records")), lines.toString());

        // A run killed before its manifest was written leaves none: the next run trains.
        Files.delete(dir.resolve("dnn/manifest.json"));
        assertFalse(new TrainingRun(backend, log).run(specs, dataset, options(dir)).get(0).upToDate());
    }

    @Test
    void reloadedModelHasTheRecordedParametersAndPredictsTheSame() throws Exception {
        TrainingRun.Outcome outcome = new TrainingRun(backend, log)
                .run(List.of(small("cnn")), dataset, options(dir)).get(0);
        MultiLayerNetwork reloaded = ModelArchive.load(outcome.modelFile());
        assertEquals(outcome.manifest().outputs().parametersSha256(), ModelArchive.parametersSha256(reloaded));
        TrainingData data = TrainingData.of(io.github.fashionml.data.FashionMnistData.load(dataset.paths()), false);
        INDArray batch = TrainingData.shaped(data.testFeatures(), io.github.fashionml.data.preprocess.Layout.CNN);
        MultiLayerNetwork original = ModelArchive.load(outcome.modelFile());
        assertArrayEquals(original.output(batch, false).data().asFloat(), reloaded.output(batch, false).data().asFloat());
    }
}
