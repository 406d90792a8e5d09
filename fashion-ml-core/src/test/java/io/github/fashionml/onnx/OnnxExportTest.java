package io.github.fashionml.onnx;

import ai.onnxruntime.OrtEnvironment;
import ai.onnxruntime.OrtSession;
import io.github.fashionml.data.FashionMnist;
import io.github.fashionml.data.ImageDataset;
import io.github.fashionml.data.ImageShape;
import io.github.fashionml.data.preprocess.Standardization;
import io.github.fashionml.model.Architectures;
import io.github.fashionml.model.ModelSpec;
import io.github.fashionml.model.Preprocessing;
import io.github.fashionml.nativeblas.NativeBackend;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import java.nio.file.Files;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The acceptance test of the export: each kind of network fashion-ml builds, trained briefly, exported and run by
 * ONNX Runtime on raw 0-255 pixels, gives DL4J's class for every one of the 10,000 test images and DL4J's
 * probabilities within 1e-4. RGB models are held to the same on random images.
 */
class OnnxExportTest {
    /** Training images per model: enough for weights far from their initial values, few enough to be quick. */
    private static final int TRAIN_IMAGES = 2_048;
    private static final double TOLERANCE = 1e-4;
    /** Not square, so swapped rows and columns show; three channels, so a wrong channel order shows. */
    private static final ImageShape RGB = new ImageShape(20, 24, 3);
    private static final int RGB_CLASSES = 5;
    private static final int RGB_IMAGES = 200;
    /**
     * Noise added to the initial parameters: untrained, the networks give near-uniform probabilities (top-two
     * margins down to 1e-5); with it, confident and varied classes (margins above 1e-3).
     */
    private static final double RGB_NOISE = 0.2;

    private static ImageDataset data;

    @BeforeAll
    static void backendAndData() throws Exception {
        assertTrue(Files.isRegularFile(io.github.fashionml.data.source.FetchOptions.SYSTEM_PACKAGE_DIRECTORY
                .resolve("t10k-images-idx3-ubyte.gz")), "needs Debian's Fashion-MNIST: apt-get install "
                + "dataset-fashion-mnist");
        NativeBackend.start(NativeBackend.AUTO).setThreads(2);
        data = OnnxTesting.fullData();
    }

    static List<ModelSpec> networks() throws Exception {
        long seed = Architectures.DEFAULT_SEED;
        return List.of(
                // The three architectures as the defaults define them (cnn: valid padding; cnn-deep: same).
                brief(Architectures.defaults(Architectures.CNN)),
                brief(Architectures.defaults(Architectures.CNN_DEEP)),
                brief(Architectures.defaults(Architectures.DNN)),
                // cnn-deep with valid padding: 28 -> 26 -> 13 -> 11 -> 5, so the second pooling drops a row.
                brief(Architectures.defaults(Architectures.CNN_DEEP).withPadding(ModelSpec.VALID)
                        .withName("cnn-deep-valid")),
                // Three same-padded blocks (28 -> 14 -> 7 -> 3: odd pooling), two dense layers, dropout after the
                // convolutions only.
                new ModelSpec("three-blocks", Architectures.CNN, List.of(8, 16, 16), 3, ModelSpec.SAME, 0.1,
                        List.of(64, 32), 0, 1, 64, 2e-3, seed, 0, false, null, null),
                // A 5x5 kernel on standardised images.
                new ModelSpec("kernel5-standardised", Architectures.CNN, List.of(16), 5, ModelSpec.VALID, 0,
                        List.of(32), 0, 1, 64, 2e-3, seed, 0, true, null, null),
                // An even kernel with same padding: the padding is uneven (1 before, 2 after).
                new ModelSpec("kernel4-same", Architectures.CNN, List.of(8, 8), 4, ModelSpec.SAME, 0, List.of(32),
                        0, 1, 64, 2e-3, seed, 0, false, null, null),
                // A dense network on standardised images, dropout after each dense layer.
                new ModelSpec("dnn-standardised", Architectures.DNN, List.of(), 3, ModelSpec.VALID, 0,
                        List.of(128, 64), 0.2, 1, 64, 2e-3, seed, 0, true, null, null));
    }

    static Stream<Arguments> rgbNetworks() {
        return Stream.of(Architectures.CNN, Architectures.CNN_DEEP, Architectures.DNN).flatMap(architecture ->
                Stream.of(Arguments.of(architecture, false), Arguments.of(architecture, true)));
    }

    /**
     * RGB models need no data set: each architecture's network for 20x24 RGB images and five classes, with
     * perturbed parameters, on random images, raw [N, H, W, 3] in ONNX Runtime against DL4J's own input.
     */
    @ParameterizedTest(name = "rgb {0}, standardised {1}")
    @MethodSource("rgbNetworks")
    void onnxRuntimeAgreesWithDl4jOnRgbModels(String architecture, boolean standardised) throws Exception {
        ModelSpec spec = Architectures.defaults(architecture);
        MultiLayerNetwork network = OnnxTesting.perturbedNetwork(spec, RGB, RGB_CLASSES, RGB_NOISE, spec.seed());
        Standardization standardization = standardised ? OnnxTesting.randomStandardization(RGB, 11) : null;
        byte[] onnx = OnnxExporter.toBytes(network, Preprocessing.of(standardization), new OnnxMetadata(
                "rgb-" + architecture, List.of("a", "b", "c", "d", "e"), RGB, "f".repeat(64), "p".repeat(64),
                "0.0.0", spec.seed()));

        byte[] pixels = OnnxTesting.randomPixels(RGB_IMAGES, RGB, 12);
        float[] expected = OnnxTesting.dl4jProbabilities(network, spec.layout(), RGB, pixels, standardization,
                RGB_CLASSES);
        float[] raw = new float[pixels.length];
        for (int i = 0; i < pixels.length; i++) {
            raw[i] = pixels[i] & 0xFF;
        }
        OrtEnvironment environment = OrtEnvironment.getEnvironment();
        float[] actual;
        try (OrtSession session = OnnxTesting.session(environment, onnx)) {
            actual = OnnxTesting.onnxProbabilities(environment, session, raw,
                    new long[] {RGB_IMAGES, RGB.height(), RGB.width(), RGB.channels()}, RGB_CLASSES);
        }

        double maxDifference = 0;
        int worst = 0;
        java.util.Set<Integer> classes = new java.util.TreeSet<>();
        for (int i = 0; i < RGB_IMAGES; i++) {
            int dl4j = OnnxTesting.argmax(expected, i, RGB_CLASSES);
            classes.add(dl4j);
            assertEquals(dl4j, OnnxTesting.argmax(actual, i, RGB_CLASSES), "ONNX Runtime's class of image " + i);
            for (int c = 0; c < RGB_CLASSES; c++) {
                double difference = Math.abs(actual[i * RGB_CLASSES + c] - expected[i * RGB_CLASSES + c]);
                if (difference > maxDifference || Double.isNaN(difference)) {
                    maxDifference = difference;
                    worst = i;
                }
            }
        }
        System.out.printf(Locale.ROOT, "onnx rgb %-8s standardised %-5s max |p(onnx) - p(dl4j)| = %.3g (image %d); "
                + "classes %s%n", architecture, standardised, maxDifference, worst, classes);
        // One class for every image would make the comparison of classes say little.
        assertTrue(classes.size() > 1, "DL4J gives every image class " + classes);
        assertTrue(maxDifference <= TOLERANCE, "probabilities differ by up to " + maxDifference + " (image "
                + worst + "), more than " + TOLERANCE);
    }

    /** Small batches: more steps, so the weights move further in one short epoch. */
    private static ModelSpec brief(ModelSpec spec) {
        return spec.withEpochs(1).withBatchSize(64).withSchedule(null);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("networks")
    void onnxRuntimeGivesDl4jsPredictionsOnAllTestImages(ModelSpec spec) throws Exception {
        long started = System.nanoTime();
        OnnxTesting.Trained model = OnnxTesting.train(spec, data, TRAIN_IMAGES);
        long trained = System.nanoTime();
        byte[] onnx = OnnxExporter.toBytes(model.network(), model.preprocessing(),
                OnnxMetadata.of(spec.name(), "f".repeat(64), "p".repeat(64), spec.seed()));

        float[] expected = OnnxTesting.dl4jProbabilities(model, data.testImages());
        long dl4j = System.nanoTime();
        OrtEnvironment environment = OrtEnvironment.getEnvironment();
        float[] actual;
        try (OrtSession session = OnnxTesting.session(environment, onnx)) {
            actual = OnnxTesting.onnxProbabilities(environment, session, OnnxTesting.rawPixels(data.testImages()));
        }
        long ort = System.nanoTime();

        int images = FashionMnist.TEST_COUNT;
        assertEquals(images * 10, actual.length);
        int correct = 0;
        for (int i = 0; i < images; i++) {
            correct += OnnxTesting.argmax(expected, i) == (data.testLabels()[i] & 0xFF) ? 1 : 0;
        }
        double accuracy = correct / (double) images;
        double maxDifference = 0;
        int worst = 0;
        int differentClasses = 0;
        int firstDifferent = -1;
        for (int i = 0; i < images; i++) {
            if (OnnxTesting.argmax(actual, i) != OnnxTesting.argmax(expected, i)) {
                differentClasses++;
                firstDifferent = firstDifferent < 0 ? i : firstDifferent;
            }
            for (int c = 0; c < 10; c++) {
                double difference = Math.abs(actual[i * 10 + c] - expected[i * 10 + c]);
                if (difference > maxDifference || Double.isNaN(difference)) {
                    maxDifference = difference;
                    worst = i;
                }
            }
        }
        System.out.printf(Locale.ROOT, "onnx %-22s max |p(onnx) - p(dl4j)| = %.3g (image %d); accuracy %.3f; "
                        + "%d bytes; train %.1f s, dl4j %.1f s, onnx runtime %.1f s%n", spec.name(), maxDifference,
                worst, accuracy, onnx.length, (trained - started) / 1e9, (dl4j - trained) / 1e9, (ort - dl4j) / 1e9);
        // A network that learnt nothing could hide a wrong graph (a constant answer survives any pixel order).
        assertTrue(accuracy > 0.4, spec.name() + " learnt too little to tell a wrong graph: accuracy " + accuracy);
        assertEquals(0, differentClasses, spec.name() + ": ONNX Runtime's class differs from DL4J's on "
                + differentClasses + " test images, the first being image " + firstDifferent);
        assertTrue(maxDifference <= TOLERANCE, spec.name() + ": probabilities differ by up to " + maxDifference
                + " (image " + worst + "), more than " + TOLERANCE);
    }
}
