package io.github.fashionml.train.network;

import io.github.fashionml.data.FashionMnistData;
import io.github.fashionml.data.preprocess.Layout;
import io.github.fashionml.data.preprocess.PreparedSet;
import io.github.fashionml.data.preprocess.Preprocessor;
import io.github.fashionml.model.Architectures;
import io.github.fashionml.model.ModelSpec;
import io.github.fashionml.model.NetworkFactory;
import io.github.fashionml.nativeblas.NativeBackend;
import io.github.fashionml.testing.TestData;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.deeplearning4j.util.ModelSerializer;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.dataset.DataSet;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.indexing.NDArrayIndex;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.util.Arrays;
import java.util.function.Supplier;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The faster training network must be the same network: the dense network trains to the same bits as plain DL4J;
 * the convolutional ones, whose first layer sums its weight gradient in another order than oneDNN, get the same
 * gradients to float rounding; every one saves as a plain DL4J file.
 */
class TrainingNetworkTest {
    private static final int BATCH = 50;
    private static final int BATCHES = 6;
    private static NativeBackend backend;
    private static PreparedSet train;

    @BeforeAll
    static void load() throws Exception {
        backend = NativeBackend.start(NativeBackend.AUTO);
        FashionMnistData data = FashionMnistData.load(TestData.subsetDirectory());
        train = Preprocessor.prepare(data.trainImages(), data.trainLabels(), Layout.DNN, null);
    }

    /** Each architecture, with the convolutions' padding given after a colon. */
    @ParameterizedTest
    @ValueSource(strings = {"cnn:valid", "cnn:same", "dnn:valid", "cnn-deep:valid", "cnn-deep:same"})
    void computesTheSameGradientsAsPlainDl4j(String variant) throws Exception {
        String architecture = variant.substring(0, variant.indexOf(':'));
        ModelSpec spec = Architectures.defaults(architecture).withPadding(variant.substring(variant.indexOf(':') + 1));
        backend.setThreads(2);
        MultiLayerNetwork plain = withFirstGradient(spec, new MultiLayerNetwork(NetworkFactory.configuration(spec)));
        MultiLayerNetwork fast = withFirstGradient(spec, new TrainingNetwork(NetworkFactory.configuration(spec)));
        float[] expected = plain.gradient().gradient().toFloatVector();
        float[] actual = fast.gradient().gradient().toFloatVector();

        if (!spec.convolutional()) {
            assertArrayEquals(expected, actual, variant + " gradients differ from plain DL4J");
            assertEquals(plain.score(), fast.score(), 0.0, variant + " loss");
            return;
        }
        // The first convolution's forward pass runs as a product too: the loss agrees to float rounding.
        assertEquals(plain.score(), fast.score(), 1e-5 * plain.score(), variant + " loss");
        float largest = 0;
        for (float g : expected) {
            largest = Math.max(largest, Math.abs(g));
        }
        assertTrue(largest > 0, "the gradient is all zeros");
        int differing = 0;
        for (int i = 0; i < expected.length; i++) {
            assertEquals(expected[i], actual[i], 1e-4 * largest, variant + " gradient element " + i);
            differing += expected[i] != actual[i] ? 1 : 0;
        }
        // The first layer's weight gradient runs on the faster path: if it did not, all would be the same bits.
        assertTrue(differing > 0, "no gradient element differs: the first layer's own backprop did not run");
    }

    @ParameterizedTest
    @ValueSource(strings = {Architectures.DNN})
    void trainsToTheSameBitsAsPlainDl4j(String architecture) throws Exception {
        ModelSpec spec = Architectures.defaults(architecture);
        backend.setThreads(2);
        MultiLayerNetwork plain = trained(spec, () -> new MultiLayerNetwork(NetworkFactory.configuration(spec)));
        MultiLayerNetwork fast = trained(spec, () -> new TrainingNetwork(NetworkFactory.configuration(spec)));

        float[] expected = plain.params().toFloatVector();
        float[] initial = NetworkFactory.create(spec).params().toFloatVector();
        assertFalse(Arrays.equals(initial, expected), "training left the weights as initialised");
        assertArrayEquals(expected, fast.params().toFloatVector(), architecture + " parameters differ from plain DL4J");
        assertEquals(plain.score(), fast.score(), 0.0, "the last batch's loss");
    }

    @ParameterizedTest
    @ValueSource(strings = {Architectures.CNN, Architectures.DNN})
    void savesAndLoadsAsAPlainDl4jNetwork(String architecture) throws Exception {
        ModelSpec spec = Architectures.defaults(architecture);
        MultiLayerNetwork fast = trained(spec, () -> new TrainingNetwork(NetworkFactory.configuration(spec)));
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        ModelSerializer.writeModel(fast, bytes, false);
        MultiLayerNetwork loaded = ModelSerializer.restoreMultiLayerNetwork(new ByteArrayInputStream(bytes.toByteArray()));

        assertSame(MultiLayerNetwork.class, loaded.getClass());
        assertEquals(fast.getLayerWiseConfigurations().toJson(), loaded.getLayerWiseConfigurations().toJson());
        INDArray images = batch(0, spec.layout());
        assertEquals(fast.output(images), loaded.output(images));
    }

    /** The network with the gradient of the first batch for freshly initialised weights, dropout masks seeded alike. */
    private static MultiLayerNetwork withFirstGradient(ModelSpec spec, MultiLayerNetwork network) {
        Nd4j.getRandom().setSeed(spec.seed());
        network.init();
        Nd4j.getRandom().setSeed(spec.seed() + 1);
        network.setInput(batch(0, spec.layout()));
        network.setLabels(labels(0));
        network.computeGradientAndScore();
        return network;
    }

    private static MultiLayerNetwork trained(ModelSpec spec, Supplier<MultiLayerNetwork> create) {
        Nd4j.getRandom().setSeed(spec.seed());
        MultiLayerNetwork network = create.get();
        network.init();
        Nd4j.getRandom().setSeed(spec.seed() + 1); // dropout masks
        for (int b = 0; b < BATCHES; b++) {
            network.fit(new DataSet(batch(b, spec.layout()), labels(b)));
        }
        return network;
    }

    private static INDArray labels(int b) {
        return Nd4j.create(train.oneHotLabels(), new long[] {train.count(), train.classCount()}, 'c')
                .get(NDArrayIndex.interval(b * BATCH, (b + 1) * BATCH), NDArrayIndex.all());
    }

    private static INDArray batch(int b, Layout layout) {
        INDArray rows = Nd4j.create(train.features(), new long[] {train.count(), train.featuresPerImage()}, 'c')
                .get(NDArrayIndex.interval(b * BATCH, (b + 1) * BATCH), NDArrayIndex.all());
        return layout == Layout.CNN ? rows.reshape('c', layout.shape(BATCH)) : rows;
    }
}
