package io.github.fashionml.predict;

import io.github.fashionml.data.ImageDataset;
import io.github.fashionml.data.split.ValidationSplit;
import io.github.fashionml.train.DerivedSeeds;
import io.github.fashionml.data.idx.IdxImages;
import io.github.fashionml.data.source.DatasetResolver;
import io.github.fashionml.data.source.FetchOptions;
import io.github.fashionml.data.source.ResolvedDataset;
import io.github.fashionml.model.Architectures;
import io.github.fashionml.model.ModelSpec;
import io.github.fashionml.nativeblas.NativeBackend;
import io.github.fashionml.testing.TestData;
import io.github.fashionml.train.TrainingRun;
import io.github.fashionml.util.ProgressLog;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ImageClassifierTest {
    @TempDir
    Path dir;

    @Test
    void classifiesPngFilesAndIdxAlikeAndAsAccuratelyAsTrainingMeasured() throws Exception {
        NativeBackend backend = NativeBackend.start(NativeBackend.AUTO);
        FetchOptions options = new FetchOptions(TestData.subsetDirectory(), dir.resolve("cache"), null, List.of(),
                true, Duration.ofSeconds(1), Duration.ofSeconds(1), TestData.subsetContents());
        ResolvedDataset dataset = new DatasetResolver(options, ProgressLog.silent()).resolve();
        // Standardised, so the stored preprocessing is exercised too.
        ModelSpec spec = new ModelSpec("std-dnn", "dnn", List.of(), 3, ModelSpec.VALID, 0, List.of(64), 0, 3, 32, 1e-3,
                Architectures.DEFAULT_SEED, 1, true, null, null);
        TrainingRun.Outcome outcome = new TrainingRun(backend, ProgressLog.silent())
                .run(List.of(spec), dataset, new TrainingRun.Options(dir.resolve("out"), false, 0, 0, null)).get(0);

        ImageClassifier classifier = ImageClassifier.load(outcome.modelFile(), backend,
                io.github.fashionml.data.DatasetDescription.fashionMnist(java.util.Map.of()));
        Path testImages = TestData.subsetFile(io.github.fashionml.data.FashionMnistFile.TEST_IMAGES);
        List<Prediction> fromIdx = classifier.classifyIdx(testImages);
        assertEquals(TestData.TEST_COUNT, fromIdx.size());

        ImageDataset data = ImageDataset.load(TestData.subsetDirectory());
        // The validation images training held out (a tenth, drawn from the seed): the classifier, loading the
        // model file with its stored standardisation, gets the validation accuracy training recorded.
        ValidationSplit split = ValidationSplit.stratified(data.trainLabels(), TestData.TRAIN_COUNT / 10,
                DerivedSeeds.of(spec.seed()).validation());
        assertEquals(split.summary(), outcome.manifest().inputs().validation());
        float[] probabilities = classifier.probabilities(data.trainImages().select(split.validation()));
        long correct = 0;
        for (int i = 0; i < split.size(); i++) {
            int best = 0;
            for (int c = 1; c < 10; c++) {
                best = probabilities[i * 10 + c] > probabilities[i * 10 + best] ? c : best;
            }
            if (best == (data.trainLabels()[split.validation()[i]] & 0xFF)) {
                correct++;
            }
        }
        assertEquals(outcome.manifest().outputs().validationAccuracy(), correct / (double) split.size(), 1e-9,
                "predictions reproduce the validation accuracy measured in training");

        Path pngs = Files.createDirectories(dir.resolve("pngs"));
        IdxImages images = data.testImages();
        List<Path> files = new ArrayList<>();
        for (int i = 0; i < 12; i++) {
            Path png = pngs.resolve(String.format("img-%02d.png", i));
            GreyImages.writePng(java.util.Arrays.copyOfRange(images.pixels(), i * 784, (i + 1) * 784), 28, 28, png);
            files.add(png);
        }
        Files.writeString(pngs.resolve("README.txt"), "not an image: ignored");
        List<Prediction> fromPng = classifier.classifyDirectory(pngs);
        assertEquals(12, fromPng.size());
        for (int i = 0; i < 12; i++) {
            Prediction p = fromPng.get(i);
            assertEquals("img-%02d.png".formatted(i), p.image());
            assertEquals(fromIdx.get(i).label(), p.label());
            assertEquals(fromIdx.get(i).probability(), p.probability(), 1e-6);
            assertEquals(io.github.fashionml.data.FashionMnist.CLASS_NAMES.get(p.label()), p.className());
            assertEquals(1.0, p.probabilities().stream().mapToDouble(Double::doubleValue).sum(), 1e-4);
        }

        Path empty = Files.createDirectories(dir.resolve("empty"));
        assertThrows(ImageFormatException.class, () -> classifier.classifyDirectory(empty));

        // A data set decoded from image files: new images go through the same decoding and resizing. At the data
        // set's size they pass untouched (the same probabilities); at another size they are resized, not refused.
        io.github.fashionml.data.image.DecodeSettings decoding = new io.github.fashionml.data.image.DecodeSettings(
                28, 28, io.github.fashionml.data.image.ColorMode.GRAYSCALE,
                io.github.fashionml.data.image.ResizeMode.STRETCH);
        ImageClassifier decodingClassifier = ImageClassifier.load(outcome.modelFile(), backend,
                io.github.fashionml.data.DatasetDescription.fashionMnist(java.util.Map.of()), decoding);
        List<Prediction> decoded = decodingClassifier.classifyDirectory(pngs);
        for (int i = 0; i < 12; i++) {
            assertEquals(fromPng.get(i).probabilities(), decoded.get(i).probabilities());
        }
        Path large = Files.createDirectories(dir.resolve("large"));
        byte[] big = new byte[56 * 56];
        for (int y = 0; y < 56; y++) {
            for (int x = 0; x < 56; x++) {
                big[y * 56 + x] = images.pixels()[(y / 2) * 28 + x / 2];
            }
        }
        GreyImages.writePng(big, 56, 56, large.resolve("twice-as-large.png"));
        assertThrows(ImageFormatException.class, () -> classifier.classifyDirectory(large),
                "without decoding settings, images of another size are refused");
        assertEquals(1, decodingClassifier.classifyDirectory(large).size());
        Files.writeString(large.resolve("broken.png"), "not a PNG at all");
        ImageFormatException broken = assertThrows(ImageFormatException.class,
                () -> decodingClassifier.classifyDirectory(large));
        assertTrue(broken.getMessage().contains("broken.png"), broken.getMessage());
    }
}
