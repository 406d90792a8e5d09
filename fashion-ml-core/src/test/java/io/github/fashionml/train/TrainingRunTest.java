package io.github.fashionml.train;

import io.github.fashionml.data.FashionMnistFile;
import io.github.fashionml.data.source.DatasetResolver;
import io.github.fashionml.data.source.FetchOptions;
import io.github.fashionml.data.source.ResolvedDataset;
import io.github.fashionml.data.split.ValidationSplit;
import io.github.fashionml.model.Architectures;
import io.github.fashionml.model.ModelArchive;
import io.github.fashionml.model.ModelSpec;
import io.github.fashionml.nativeblas.NativeBackend;
import io.github.fashionml.provenance.EpochRecord;
import io.github.fashionml.provenance.ModelManifest;
import io.github.fashionml.provenance.TrainingHistory;
import io.github.fashionml.testing.TestData;
import io.github.fashionml.util.Json;
import io.github.fashionml.util.ProgressLog;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

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
            assertTrue(last.validationAccuracy() > 0.3, "learns something even from 270 images: " + last);
            assertTrue(last.imagesPerSecond() > 0);
            ModelManifest manifest = Json.read(modelDir.resolve("manifest.json"), ModelManifest.class, "");
            assertEquals(outcome.spec().name(), manifest.model());
            assertEquals(300, manifest.inputs().trainImages());
            assertEquals(TestData.subsetContents().get(FashionMnistFile.TRAIN_IMAGES).sha256(),
                    manifest.inputs().dataset().get("train-images"));
            assertEquals(backend.classifier(), manifest.inputs().nd4jClassifier());
            assertEquals(ModelArchive.fileSha256(modelDir.resolve("model.zip")), manifest.outputs().modelSha256());
            assertEquals(last.validationAccuracy(), manifest.outputs().validationAccuracy());
            assertEquals(2, manifest.outputs().bestEpoch());
            assertEquals(2, manifest.outputs().epochsRun());
            assertEquals(new ValidationSplit.Summary(30, DerivedSeeds.of(outcome.spec().seed()).validation(),
                    manifest.inputs().validation().indicesSha256()), manifest.inputs().validation());
            assertEquals(last.parametersSha256(), manifest.outputs().parametersSha256(), "the last epoch is kept");
            assertTrue(manifest.outputs().parameterCount() > 0);
            assertEquals(System.getProperty("java.version"), manifest.environment().javaVersion());
            assertTrue(io.github.fashionml.onnx.OnnxMetadata.describes(modelDir.resolve("model.onnx"), manifest,
                    io.github.fashionml.data.DatasetDescription.fashionMnist(java.util.Map.of())),
                    "model.onnx is the export of this model");
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
    void anUpToDateModelWithoutItsOnnxFileIsExportedAgainToTheSameBytes() throws Exception {
        List<ModelSpec> specs = List.of(small("dnn"));
        new TrainingRun(backend, log).run(specs, dataset, options(dir));
        Path onnx = dir.resolve("dnn/model.onnx");
        byte[] written = Files.readAllBytes(onnx);
        Files.delete(onnx);
        assertFalse(TrainingRun.allUpToDate(specs, dataset, options(dir),
                io.github.fashionml.nativeblas.NativeSettings.plan(NativeBackend.AUTO, null), ProgressLog.silent()),
                "a missing model.onnx needs the native backend");
        TrainingRun.Outcome again = new TrainingRun(backend, log).run(specs, dataset, options(dir)).get(0);
        assertTrue(again.upToDate(), "not trained again");
        assertArrayEquals(written, Files.readAllBytes(onnx));
        assertTrue(lines.stream().anyMatch(l -> l.contains("dnn: model.onnx was missing or not of this model; "
                + "exported from model.zip")), lines.toString());
        assertTrue(TrainingRun.allUpToDate(specs, dataset, options(dir),
                io.github.fashionml.nativeblas.NativeSettings.plan(NativeBackend.AUTO, null), ProgressLog.silent()));
    }

    @Test
    void reloadedModelHasTheRecordedParametersAndPredictsTheSame() throws Exception {
        TrainingRun.Outcome outcome = new TrainingRun(backend, log)
                .run(List.of(small("cnn")), dataset, options(dir)).get(0);
        MultiLayerNetwork reloaded = ModelArchive.load(outcome.modelFile());
        assertEquals(outcome.manifest().outputs().parametersSha256(), ModelArchive.parametersSha256(reloaded));
        var data = io.github.fashionml.data.ImageDataset.load(dataset.paths());
        INDArray batch = Nd4j.create(io.github.fashionml.data.preprocess.Preprocessor.prepare(data.testImages(),
                data.testLabels(), io.github.fashionml.data.preprocess.Layout.CNN, null).features(),
                io.github.fashionml.data.preprocess.Layout.CNN.shape(data.testImages().count()), 'c');
        MultiLayerNetwork original = ModelArchive.load(outcome.modelFile());
        assertArrayEquals(original.output(batch, false).data().asFloat(), reloaded.output(batch, false).data().asFloat());
    }

    @Test
    void historyHoldsValidationFiguresAndNoTestFigures() throws Exception {
        new TrainingRun(backend, log).run(List.of(small("dnn")), dataset, options(dir));
        String json = Files.readString(dir.resolve("dnn/history.json"));
        assertFalse(json.contains("test"), "the history reads no test image: " + json);
        assertTrue(json.contains("\"validationAccuracy\"") && json.contains("\"validationLoss\""), json);
        TrainingHistory history = Json.read(dir.resolve("dnn/history.json"), TrainingHistory.class, "");
        for (EpochRecord epoch : history.epochs()) {
            assertTrue(epoch.trainAccuracy() > 0 && epoch.trainAccuracy() <= 1, epoch.toString());
            assertEquals(64, epoch.parametersSha256().length());
        }
        assertEquals(2, history.keptEpoch());
        assertTrue(lines.stream().anyMatch(l -> l.startsWith("dnn: epoch 1/2") && l.contains("val acc")
                && !l.contains("test")), lines.toString());
        assertTrue(lines.stream().anyMatch(l -> l.contains("dnn: stopped: reached the maximum of 2 epochs")),
                lines.toString());
    }

    @Test
    void earlyStoppingStopsAndSavesTheKeptEpochsParameters() throws Exception {
        // No later epoch can beat the first by a whole accuracy point, so training stops after patience epochs
        // and keeps epoch 1: a higher-is-better monitor, kept at its highest (the first) value.
        ModelSpec spec = Architectures.defaults("dnn").withEpochs(6).withEarlyStopping(
                new io.github.fashionml.model.EarlyStopping("validationAccuracy", 2, 1.0, true));
        TrainingRun.Outcome outcome = new TrainingRun(backend, log).run(List.of(spec), dataset, options(dir)).get(0);
        TrainingHistory history = Json.read(dir.resolve("dnn/history.json"), TrainingHistory.class, "");
        ModelManifest manifest = outcome.manifest();
        assertEquals(3, history.epochs().size(), "epoch 1, then two without improvement");
        assertEquals(3, manifest.outputs().epochsRun());
        assertEquals(1, manifest.outputs().bestEpoch());
        assertEquals(1, history.keptEpoch());
        assertEquals(history.epochs().get(0).parametersSha256(), manifest.outputs().parametersSha256(),
                "model.zip holds epoch 1's parameters");
        assertEquals(history.epochs().get(0).validationAccuracy(), manifest.outputs().validationAccuracy());
        assertNotEquals(history.epochs().get(2).parametersSha256(), manifest.outputs().parametersSha256());
        assertEquals(manifest.outputs().parametersSha256(),
                ModelArchive.parametersSha256(ModelArchive.load(outcome.modelFile())));
        assertTrue(manifest.outputs().stopReason().contains("validationAccuracy did not improve for 2 epochs after "
                + "epoch 1"), manifest.outputs().stopReason());
        assertTrue(lines.stream().anyMatch(l -> l.contains("dnn: stopped: validationAccuracy did not improve")
                && l.contains("keeping epoch 1's parameters")), lines.toString());

        // The same run again gives the same bits, early stopping and all.
        TrainingRun.Outcome again = new TrainingRun(backend, log).run(List.of(spec), dataset,
                options(dir.resolve("again"))).get(0);
        assertEquals(manifest.outputs().parametersSha256(), again.manifest().outputs().parametersSha256());
    }

    @Test
    void everyScheduleSetsTheDocumentedRatesAndRepeatsBitForBit() throws Exception {
        for (String type : io.github.fashionml.model.LearningRateSchedule.TYPES) {
            ModelSpec spec = small("cnn").withEpochs(3).withName("cnn-" + type).withSchedule(
                    io.github.fashionml.model.LearningRateSchedule.of(type, null, 0.1, null, 1, null));
            TrainingRun.Outcome first = new TrainingRun(backend, log).run(List.of(spec), dataset,
                    options(dir.resolve("a"))).get(0);
            TrainingRun.Outcome second = new TrainingRun(backend, log).run(List.of(spec), dataset,
                    options(dir.resolve("b"))).get(0);
            assertEquals(first.manifest().outputs().parametersSha256(), second.manifest().outputs().parametersSha256(),
                    type);
            TrainingHistory history = Json.read(first.directory().resolve("history.json"), TrainingHistory.class, "");
            io.github.fashionml.train.schedule.EpochRates expected =
                    io.github.fashionml.train.schedule.EpochRates.of(spec);
            for (EpochRecord epoch : history.epochs()) {
                assertEquals(expected.rate(epoch.epoch()), epoch.learningRate(), 1e-15, type + " epoch " + epoch.epoch());
                expected.observe(epoch);
            }
            // The rate really reached Adam: a network that ran the schedule holds its last epoch's rate.
            MultiLayerNetwork saved = ModelArchive.load(first.modelFile());
            assertEquals(history.epochs().get(2).learningRate(), saved.getLearningRate(0), 1e-9, type);
        }
    }

    @Test
    void badValidationSettingsFailBeforeTrainingNamingTheParameter() throws Exception {
        ModelSpec stopping = small("dnn").withEarlyStopping(
                new io.github.fashionml.model.EarlyStopping("validationLoss", 2, 0, true));
        var noSplit = new TrainingRun.Options(dir, false, 0, 0, 0, null);
        Exception e = org.junit.jupiter.api.Assertions.assertThrows(io.github.fashionml.ConfigurationException.class,
                () -> new TrainingRun(backend, log).run(List.of(stopping), dataset, noSplit));
        assertTrue(e.getMessage().contains("validationSize is 0") && e.getMessage().contains("<earlyStopping>"),
                e.getMessage());
        var tooLarge = new TrainingRun.Options(dir, false, 0, 0, 300, null);
        e = org.junit.jupiter.api.Assertions.assertThrows(io.github.fashionml.ConfigurationException.class,
                () -> new TrainingRun(backend, log).run(List.of(small("dnn")), dataset, tooLarge));
        assertTrue(e.getMessage().contains("validationSize 300 does not fit 300 training images"), e.getMessage());
        assertFalse(Files.exists(dir.resolve("dnn")), "nothing trained, nothing written");
    }

    @Test
    void withoutAValidationSplitEveryImageTrainsAndTheManifestSaysSo() throws Exception {
        TrainingRun.Outcome outcome = new TrainingRun(backend, log).run(List.of(small("dnn")), dataset,
                new TrainingRun.Options(dir, false, 0, 0, 0, null)).get(0);
        assertEquals(0, outcome.manifest().inputs().validation().size());
        assertEquals(null, outcome.manifest().outputs().validationAccuracy());
        assertTrue(lines.stream().anyMatch(l -> l.contains("on 300 images, validating on 0")), lines.toString());
    }

    @Test
    void anotherValidationSizeIsAnotherFingerprint() throws Exception {
        new TrainingRun(backend, log).run(List.of(small("dnn")), dataset, options(dir));
        lines.clear();
        TrainingRun.Outcome other = new TrainingRun(backend, log).run(List.of(small("dnn")), dataset,
                new TrainingRun.Options(dir, false, 0, 0, 60, null)).get(0);
        assertFalse(other.upToDate());
        assertTrue(lines.stream().anyMatch(l -> l.contains("validation.size: 30 -> 60")), lines.toString());
    }
}
