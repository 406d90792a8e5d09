package io.github.fashionml.onnx;

import io.github.fashionml.data.DatasetDescription;
import io.github.fashionml.data.ImageShape;

import ai.onnx.proto.OnnxMl;
import ai.onnxruntime.NodeInfo;
import ai.onnxruntime.OnnxTensor;
import ai.onnxruntime.OrtEnvironment;
import ai.onnxruntime.OrtSession;
import ai.onnxruntime.TensorInfo;
import io.github.fashionml.data.FashionMnist;
import io.github.fashionml.data.ImageDataset;
import io.github.fashionml.data.split.ValidationSplit;
import io.github.fashionml.model.Architectures;
import io.github.fashionml.model.ModelArchive;
import io.github.fashionml.model.ModelSpec;
import io.github.fashionml.model.NetworkFactory;
import io.github.fashionml.model.Preprocessing;
import io.github.fashionml.nativeblas.NativeBackend;
import io.github.fashionml.provenance.Versions;
import io.github.fashionml.testing.TestData;
import io.github.fashionml.train.Trainer;
import io.github.fashionml.train.TrainingData;
import io.github.fashionml.util.Sha256;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.FloatBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * What an exported file holds besides the arithmetic: the same bytes for the same model, however it was
 * obtained; the metadata; the input and output contract and the opset, as the file states them and as ONNX
 * Runtime reads them. The models are trained on the small Fashion-MNIST subset in test resources.
 */
class OnnxFileTest {
    private static NativeBackend backend;
    private static ImageDataset data;
    /** A standardised two-block cnn, as the train goal holds it: the Trainer's network and preprocessing. */
    private static MultiLayerNetwork trainedCnn;
    private static Preprocessing cnnPreprocessing;
    private static MultiLayerNetwork trainedDnn;

    @TempDir
    Path dir;

    @BeforeAll
    static void train() throws Exception {
        backend = NativeBackend.start(NativeBackend.AUTO);
        data = ImageDataset.load(TestData.subsetDirectory());
        ValidationSplit split = ValidationSplit.stratified(data.trainLabels(), 30, Architectures.DEFAULT_SEED);
        ModelSpec cnn = new ModelSpec("small-cnn", Architectures.CNN, List.of(4, 8), 3, ModelSpec.SAME, 0.2,
                List.of(16), 0.2, 1, 32, 1e-3, Architectures.DEFAULT_SEED, 1, true, null, null);
        TrainingData standardised = TrainingData.of(data, true, split);
        trainedCnn = new Trainer(backend).train(cnn, 1, standardised, (spec, record, eta) -> { }).network();
        cnnPreprocessing = Preprocessing.of(standardised.standardization());
        ModelSpec dnn = new ModelSpec("small-dnn", Architectures.DNN, List.of(), 3, ModelSpec.VALID, 0,
                List.of(16), 0.2, 1, 32, 1e-3, Architectures.DEFAULT_SEED, 1, false, null, null);
        trainedDnn = new Trainer(backend).train(dnn, 1, TrainingData.of(data, false, split), (s, r, e) -> { })
                .network();
    }

    private static OnnxMetadata metadata(String model) {
        return OnnxMetadata.of(model, "0123456789abcdef".repeat(4), ModelArchive.parametersSha256(trainedCnn),
                Architectures.DEFAULT_SEED);
    }

    @Test
    void theSameModelGivesTheSameBytesAlsoAfterSavingAndLoading() throws Exception {
        OnnxMetadata metadata = metadata("small-cnn");
        Path first = dir.resolve("first/model.onnx");
        Path second = dir.resolve("second/model.onnx");
        String firstSha = OnnxExporter.write(trainedCnn, cnnPreprocessing, metadata, first);
        String secondSha = OnnxExporter.write(trainedCnn, cnnPreprocessing, metadata, second);
        assertEquals(Sha256.of(Files.readAllBytes(first)), firstSha, "write returns the SHA-256 of the file");
        assertEquals(firstSha, secondSha);
        assertArrayEquals(Files.readAllBytes(first), Files.readAllBytes(second));
        assertEquals(List.of("model.onnx"), fileNames(first.getParent()), "no temporary file is left behind");

        // The train goal exports the network it trained; model.zip holds the same parameters: the same bytes.
        Path zip = dir.resolve("model.zip");
        ModelArchive.write(trainedCnn, cnnPreprocessing, zip);
        MultiLayerNetwork loaded = ModelArchive.load(zip);
        assertArrayEquals(Files.readAllBytes(first),
                OnnxExporter.toBytes(loaded, ModelArchive.preprocessing(zip), metadata));

        // Anything that changes the computation changes the bytes.
        assertFalse(Arrays.equals(Files.readAllBytes(first),
                OnnxExporter.toBytes(trainedCnn, new Preprocessing(null, null), metadata)));
    }

    @Test
    void metadataPropertiesNameTheClassesAndTheModel() throws Exception {
        OnnxMetadata metadata = metadata("small-cnn");
        Path file = dir.resolve("model.onnx");
        OnnxExporter.write(trainedCnn, cnnPreprocessing, metadata, file);
        OnnxMl.ModelProto model = OnnxExporter.read(file);

        assertEquals(metadata, OnnxMetadata.from(model));
        assertEquals(List.of("model", "classNames", "imageSize", "colorMode", "fingerprint", "parametersSha256",
                        "fashionMlVersion", "seed"),
                model.getMetadataPropsList().stream().map(OnnxMl.StringStringEntryProto::getKey).toList());
        Map<String, String> properties = model.getMetadataPropsList().stream().collect(Collectors.toMap(
                OnnxMl.StringStringEntryProto::getKey, OnnxMl.StringStringEntryProto::getValue));
        assertEquals("[\"T-shirt/top\",\"Trouser\",\"Pullover\",\"Dress\",\"Coat\",\"Sandal\",\"Shirt\",\"Sneaker\","
                + "\"Bag\",\"Ankle boot\"]", properties.get("classNames"));
        assertEquals(FashionMnist.CLASS_NAMES, metadata.classNames());
        assertEquals(ModelArchive.parametersSha256(trainedCnn), properties.get("parametersSha256"));
        assertEquals(Versions.fashionMl(), properties.get("fashionMlVersion"));
        assertEquals(Long.toString(Architectures.DEFAULT_SEED), properties.get("seed"));
        assertEquals("small-cnn", properties.get("model"));
        assertEquals("28x28", properties.get("imageSize"));
        assertEquals("grayscale", properties.get("colorMode"));
        assertEquals("small-cnn", model.getGraph().getName());
        assertEquals(OnnxExporter.PRODUCER, model.getProducerName());
        assertEquals(Versions.fashionMl(), model.getProducerVersion());

        OrtEnvironment environment = OrtEnvironment.getEnvironment();
        try (OrtSession session = OnnxTesting.session(environment, Files.readAllBytes(file))) {
            assertEquals(properties, session.getMetadata().getCustomMetadata(), "ONNX Runtime reads the same");
            assertEquals("small-cnn", session.getMetadata().getGraphName());
        }

        assertThrows(java.io.IOException.class, () -> OnnxMetadata.from(model.toBuilder().removeMetadataProps(2)
                .build()), "a file without a fingerprint is not a fashion-ml export");
    }

    @Test
    void metadataOfAManifestTakesItsRecordedValues() throws Exception {
        ModelSpec spec = Architectures.defaults(Architectures.CNN).withName("recorded").withSeed(42);
        io.github.fashionml.provenance.TrainingInputs inputs = new io.github.fashionml.provenance.TrainingInputs(
                Map.of("train-images", "a".repeat(64)), 60_000, 10_000, null, spec, 2, 2, null, "linux-x86_64",
                false, "1.0.0-M2.1", "0.0.9");
        io.github.fashionml.provenance.ModelManifest manifest = new io.github.fashionml.provenance.ModelManifest(
                "recorded", inputs.fingerprint(), inputs, new io.github.fashionml.provenance.ModelManifest.Outputs(
                        "b".repeat(64), 1, "model.zip", "c".repeat(64), 1, null, null, 1, 1, "done"),
                null, null, null);
        assertEquals(new OnnxMetadata("recorded", FashionMnist.CLASS_NAMES, ImageShape.FASHION_MNIST,
                inputs.fingerprint(), "b".repeat(64), "0.0.9", 42),
                OnnxMetadata.of(manifest, DatasetDescription.fashionMnist(java.util.Map.of())));
    }

    @Test
    void inputOutputAndOpsetAreTheContract() throws Exception {
        for (MultiLayerNetwork network : List.of(trainedCnn, trainedDnn)) {
            Preprocessing preprocessing = network == trainedCnn ? cnnPreprocessing : new Preprocessing(null, null);
            byte[] bytes = OnnxExporter.toBytes(network, preprocessing, metadata("contract"));
            OnnxMl.ModelProto model = OnnxMl.ModelProto.parseFrom(bytes);
            assertEquals(7, model.getIrVersion());
            assertEquals(1, model.getOpsetImportCount());
            assertEquals("", model.getOpsetImport(0).getDomain(), "the default ONNX domain");
            assertEquals(13, model.getOpsetImport(0).getVersion());

            OnnxMl.GraphProto graph = model.getGraph();
            assertEquals(List.of("pixels"), graph.getInputList().stream().map(OnnxMl.ValueInfoProto::getName).toList());
            assertEquals(List.of("probabilities"),
                    graph.getOutputList().stream().map(OnnxMl.ValueInfoProto::getName).toList());
            assertTensor(graph.getInput(0), 28, 28);
            assertTensor(graph.getOutput(0), 10);
            Set<String> operators = graph.getNodeList().stream().map(OnnxMl.NodeProto::getOpType)
                    .collect(Collectors.toCollection(TreeSet::new));
            assertFalse(operators.contains("Dropout"), "no dropout at inference");
            assertEquals(network == trainedCnn
                    ? Set.of("Conv", "Div", "Flatten", "Gemm", "Identity", "MaxPool", "Mul", "Relu", "Reshape",
                            "Softmax", "Sub", "Transpose")
                    : Set.of("Gemm", "Identity", "Mul", "Relu", "Reshape", "Softmax"), operators);

            OrtEnvironment environment = OrtEnvironment.getEnvironment();
            try (OrtSession session = OnnxTesting.session(environment, bytes)) {
                assertEquals(Set.of("pixels"), session.getInputNames());
                assertEquals(Set.of("probabilities"), session.getOutputNames());
                assertArrayEquals(new long[] {-1, 28, 28}, shape(session.getInputInfo().get("pixels")));
                assertArrayEquals(new long[] {-1, 10}, shape(session.getOutputInfo().get("probabilities")));
                // N is dynamic: one image alone and among others gets the same probabilities.
                float[] raw = OnnxTesting.rawPixels(data.testImages().first(3));
                float[] three = run(environment, session, raw, 3);
                float[] one = run(environment, session, Arrays.copyOfRange(raw, 2 * 784, 3 * 784), 1);
                for (int c = 0; c < 10; c++) {
                    assertEquals(three[20 + c], one[c], 1e-6);
                }
                for (int i = 0; i < 3; i++) {
                    double sum = 0;
                    for (int c = 0; c < 10; c++) {
                        sum += three[i * 10 + c];
                    }
                    assertEquals(1.0, sum, 1e-5, "softmax rows sum to 1");
                }
            }
        }
    }

    @Test
    void rgbModelsTakeTheirImagesChannelsLast() throws Exception {
        ImageShape rgb = new ImageShape(20, 24, 3);
        List<String> classes = List.of("red", "green", "blue", "cyan", "magenta");
        for (String architecture : List.of(Architectures.CNN, Architectures.DNN)) {
            MultiLayerNetwork network = NetworkFactory.create(Architectures.defaults(architecture), rgb,
                    classes.size());
            OnnxMetadata metadata = new OnnxMetadata("rgb-" + architecture, classes, rgb,
                    "0123456789abcdef".repeat(4), ModelArchive.parametersSha256(network), Versions.fashionMl(),
                    Architectures.DEFAULT_SEED);
            Path file = dir.resolve(architecture + "/model.onnx");
            OnnxExporter.write(network, new Preprocessing(null, null), metadata, file);
            OnnxMl.ModelProto model = OnnxExporter.read(file);

            assertEquals(metadata, OnnxMetadata.from(model));
            Map<String, String> properties = model.getMetadataPropsList().stream().collect(Collectors.toMap(
                    OnnxMl.StringStringEntryProto::getKey, OnnxMl.StringStringEntryProto::getValue));
            assertEquals("rgb", properties.get("colorMode"));
            assertEquals("20x24", properties.get("imageSize"));
            assertTensor(model.getGraph().getInput(0), 20, 24, 3);
            assertTensor(model.getGraph().getOutput(0), 5);

            OrtEnvironment environment = OrtEnvironment.getEnvironment();
            try (OrtSession session = OnnxTesting.session(environment, Files.readAllBytes(file))) {
                assertArrayEquals(new long[] {-1, 20, 24, 3}, shape(session.getInputInfo().get("pixels")));
                assertArrayEquals(new long[] {-1, 5}, shape(session.getOutputInfo().get("probabilities")));
                assertEquals("rgb", session.getMetadata().getCustomMetadata().get("colorMode"));
                float[] raw = new float[2 * rgb.samples()];
                Arrays.fill(raw, 128);
                float[] p = OnnxTesting.onnxProbabilities(environment, session, raw, new long[] {2, 20, 24, 3}, 5);
                assertEquals(1.0, p[0] + p[1] + p[2] + p[3] + p[4], 1e-5, "softmax rows sum to 1");
            }
        }
    }

    @Test
    void theJavaExampleOfTheSitePageRuns() throws Exception {
        Path file = dir.resolve("target/fashion-ml/cnn/model.onnx");
        OnnxExporter.write(trainedCnn, cnnPreprocessing, metadata("small-cnn"), file);
        // As onnx.md shows it, but reading the first test image.
        OrtEnvironment env = OrtEnvironment.getEnvironment();
        try (OrtSession session = env.createSession(file.toString(), new OrtSession.SessionOptions())) {
            float[][][] pixels = new float[1][28][28];
            for (int row = 0; row < 28; row++) {
                for (int column = 0; column < 28; column++) {
                    pixels[0][row][column] = data.testImages().pixel(0, row, column);
                }
            }
            try (OnnxTensor input = OnnxTensor.createTensor(env, pixels);
                 OrtSession.Result result = session.run(Map.of("pixels", input))) {
                float[][] probabilities = (float[][]) result.get("probabilities").orElseThrow().getValue();
                String classNames = session.getMetadata().getCustomMetadata().get("classNames");

                assertEquals(FashionMnist.CLASS_NAMES, io.github.fashionml.util.Json.MAPPER.readValue(classNames,
                        List.class));
                float[] expected = run(env, session, OnnxTesting.rawPixels(data.testImages().first(1)), 1);
                assertArrayEquals(expected, probabilities[0]);
            }
        }
    }

    @Test
    void readingSomethingElseSaysSo() throws Exception {
        Path notOnnx = dir.resolve("model.onnx");
        Files.write(notOnnx, new byte[] {(byte) 0xff, 0x00, 0x13});
        java.io.IOException e = assertThrows(java.io.IOException.class, () -> OnnxExporter.read(notOnnx));
        assertTrue(e.getMessage().contains(notOnnx.toString()), e.getMessage());
        assertThrows(java.io.IOException.class, () -> OnnxExporter.read(dir.resolve("missing.onnx")));
    }

    private static float[] run(OrtEnvironment environment, OrtSession session, float[] raw, int n) throws Exception {
        try (OnnxTensor input = OnnxTensor.createTensor(environment, FloatBuffer.wrap(raw), new long[] {n, 28, 28});
             OrtSession.Result result = session.run(Map.of("pixels", input))) {
            OnnxTensor output = (OnnxTensor) result.get("probabilities").orElseThrow();
            assertArrayEquals(new long[] {n, 10}, output.getInfo().getShape());
            float[] values = new float[n * 10];
            output.getFloatBuffer().get(values);
            return values;
        }
    }

    private static long[] shape(NodeInfo info) {
        TensorInfo tensor = (TensorInfo) info.getInfo();
        assertEquals(ai.onnxruntime.OnnxJavaType.FLOAT, tensor.type);
        return tensor.getShape();
    }

    /** A float32 tensor of [batch, dims...], batch being a named, dynamic dimension. */
    private static void assertTensor(OnnxMl.ValueInfoProto value, long... dims) {
        OnnxMl.TypeProto.Tensor tensor = value.getType().getTensorType();
        assertEquals(OnnxMl.TensorProto.DataType.FLOAT.getNumber(), tensor.getElemType());
        List<OnnxMl.TensorShapeProto.Dimension> shape = tensor.getShape().getDimList();
        assertEquals(dims.length + 1, shape.size());
        assertEquals(OnnxExporter.BATCH, shape.get(0).getDimParam());
        assertFalse(shape.get(0).hasDimValue());
        for (int i = 0; i < dims.length; i++) {
            assertEquals(dims[i], shape.get(i + 1).getDimValue());
        }
    }

    private static List<String> fileNames(Path directory) throws java.io.IOException {
        try (var files = Files.list(directory)) {
            return files.map(p -> p.getFileName().toString()).sorted().toList();
        }
    }
}
