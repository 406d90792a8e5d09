package io.github.fashionml.train.network;

import io.github.fashionml.data.ImageDataset;
import io.github.fashionml.data.preprocess.Layout;
import io.github.fashionml.data.preprocess.PreparedSet;
import io.github.fashionml.data.preprocess.Preprocessor;
import io.github.fashionml.model.Architectures;
import io.github.fashionml.model.ModelSpec;
import io.github.fashionml.model.NetworkFactory;
import io.github.fashionml.nativeblas.NativeBackend;
import io.github.fashionml.testing.TestData;
import org.deeplearning4j.nn.api.Layer;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.deeplearning4j.nn.workspace.LayerWorkspaceMgr;
import org.deeplearning4j.util.ModelSerializer;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.nd4j.linalg.api.buffer.DataType;
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
 * The faster training network must be the same network: it computes DL4J's gradients to float rounding, its
 * dropout keeps units with the configured probability, and it saves as a plain DL4J file.
 */
class TrainingNetworkTest {
    private static final int BATCH = 50;
    private static final int BATCHES = 6;
    private static NativeBackend backend;
    private static PreparedSet train;

    @BeforeAll
    static void load() throws Exception {
        backend = NativeBackend.start(NativeBackend.AUTO);
        ImageDataset data = ImageDataset.load(TestData.subsetDirectory());
        train = Preprocessor.prepare(data.trainImages(), data.trainLabels(), Layout.DNN, null);
    }

    /**
     * Each architecture, with the convolutions' padding given after a colon, without dropout: the dropout layers
     * draw their masks another way than DL4J (tested below), and everything else must compute what DL4J does.
     */
    @ParameterizedTest
    @ValueSource(strings = {"cnn:valid", "cnn:same", "dnn:valid", "cnn-deep:valid", "cnn-deep:same"})
    void computesTheSameGradientsAsPlainDl4j(String variant) throws Exception {
        String architecture = variant.substring(0, variant.indexOf(':'));
        ModelSpec spec = withoutDropout(
                Architectures.defaults(architecture).withPadding(variant.substring(variant.indexOf(':') + 1)));
        backend.setThreads(2);
        MultiLayerNetwork plain = withFirstGradient(spec, new MultiLayerNetwork(NetworkFactory.configuration(spec)));
        MultiLayerNetwork fast = withFirstGradient(spec, new TrainingNetwork(NetworkFactory.configuration(spec)));
        float[] expected = plain.gradient().gradient().toFloatVector();
        float[] actual = fast.gradient().gradient().toFloatVector();

        // The products run in another order than DL4J's (the dense forward product as its transpose, the first
        // convolution as one product): the loss and gradients agree to float rounding.
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
        assertSame(TrainingOutputLayer.class, fast.getOutputLayer().getClass(), "the output layer is replaced");
        // The faster paths ran: if they did not, all would be the same bits.
        assertTrue(differing > 0, "no gradient element differs: the training network's own layers did not run");
    }

    /** ReLU's faster backprop must give libnd4j's relu_bp bits exactly, +0 where the input is not positive. */
    @Test
    void reluBackpropIsLibnd4jsBitForBit() throws Exception {
        ModelSpec spec = Architectures.defaults(Architectures.CNN_DEEP);
        MultiLayerNetwork plain = new MultiLayerNetwork(NetworkFactory.configuration(spec));
        plain.init();
        TrainingNetwork fast = new TrainingNetwork(NetworkFactory.configuration(spec));
        fast.init();
        int relus = 0;
        for (int i = 0; i < plain.getnLayers(); i++) {
            if (plain.getLayer(i).getClass() != org.deeplearning4j.nn.layers.ActivationLayer.class) {
                continue;
            }
            relus++;
            assertSame(ReluActivationLayer.class, fast.getLayer(i).getClass(), "layer " + i + " is replaced");
            // The shapes after cnn-deep's two poolings, channels last.
            long[] shape = relus == 1 ? new long[] {BATCH, 14, 14, 32} : new long[] {BATCH, 7, 7, 64};
            Nd4j.getRandom().setSeed(i);
            INDArray input = Nd4j.randn(DataType.FLOAT, shape);
            input.get(NDArrayIndex.point(0)).assign(0); // exact zeros: relu_bp passes no gradient there either
            INDArray epsilon = Nd4j.randn(DataType.FLOAT, shape);
            float[] in = flat(input);
            float[] eps = flat(epsilon);
            int zeroedNegative = 0;
            for (int k = 0; k < in.length; k++) {
                zeroedNegative += in[k] <= 0 && eps[k] < 0 ? 1 : 0;
            }
            // Where a negative gradient is zeroed, a plain product would write -0: the case the +0 is for.
            assertTrue(zeroedNegative > 1000, "the test data has zeroed negative gradients");

            int[] expected = bits(backprop(plain.getLayer(i), input, epsilon));
            int[] actual = bits(backprop(fast.getLayer(i), input, epsilon));
            assertArrayEquals(expected, actual, "layer " + i + ": the input gradient's bits");
        }
        assertEquals(2, relus, "cnn-deep has a ReLU layer after each pooling");
    }

    private static INDArray backprop(Layer layer, INDArray input, INDArray epsilon) {
        layer.setInput(input.dup(), LayerWorkspaceMgr.noWorkspaces());
        return layer.backpropGradient(epsilon.dup(), LayerWorkspaceMgr.noWorkspaces()).getSecond();
    }

    private static int[] bits(INDArray array) {
        float[] values = flat(array);
        int[] bits = new int[values.length];
        for (int k = 0; k < values.length; k++) {
            bits[k] = Float.floatToRawIntBits(values[k]);
        }
        return bits;
    }

    @Test
    void dropoutKeepsTheConfiguredShareOfUnitsScaledUpAndBackpropsThroughTheSameMask() throws Exception {
        ModelSpec spec = Architectures.defaults(Architectures.DNN);
        double keep = 1.0 - spec.denseDropout();
        TrainingNetwork network = new TrainingNetwork(NetworkFactory.configuration(spec));
        Nd4j.getRandom().setSeed(spec.seed());
        network.init();
        Layer dropout = network.getLayer(1);
        assertSame(JavaMaskDropoutLayer.class, dropout.getClass(), "the dense network's dropout layer is replaced");

        INDArray input = Nd4j.rand(DataType.FLOAT, 512, 512).addi(0.5);
        float[] in = flat(input);
        float[] out = activate(dropout, input, true);
        float[] back = flat(dropout.backpropGradient(Nd4j.ones(DataType.FLOAT, 512, 512), LayerWorkspaceMgr.noWorkspaces())
                .getSecond());
        int kept = 0;
        for (int i = 0; i < in.length; i++) {
            boolean isKept = out[i] != 0;
            kept += isKept ? 1 : 0;
            assertEquals(isKept ? in[i] / keep : 0, out[i], 1e-6 * in[i], "activation " + i);
            assertEquals(isKept ? 1 / keep : 0, back[i], 1e-6, "gradient " + i + ": the forward pass's mask");
        }
        // 262,144 units: the kept share is within five standard deviations (0.004) of the keep probability.
        assertEquals(keep, kept / (double) in.length, 5 * Math.sqrt(keep * (1 - keep) / in.length), "kept share");
        assertArrayEquals(in, activate(dropout, input, false), "inference passes the input through");

        Nd4j.getRandom().setSeed(99);
        float[] first = activate(dropout, input, true);
        float[] next = activate(dropout, input, true);
        Nd4j.getRandom().setSeed(99);
        assertArrayEquals(first, activate(dropout, input, true), "the same seed draws the same mask");
        assertFalse(Arrays.equals(first, next), "each batch draws a new mask");
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

    /** The network with the gradient of the first batch for freshly initialised weights. */
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

    private static float[] activate(Layer layer, INDArray input, boolean training) {
        layer.setInput(input.dup(), LayerWorkspaceMgr.noWorkspaces());
        return flat(layer.activate(training, LayerWorkspaceMgr.noWorkspaces()));
    }

    private static float[] flat(INDArray array) {
        return Nd4j.toFlattened('c', array).toFloatVector();
    }

    /**
     * The epoch's training accuracy comes from each step's own forward pass: for a network without dropout that
     * is what the network predicted for the batch just before the step updated it.
     */
    @ParameterizedTest
    @ValueSource(strings = {"cnn", "dnn"})
    void countsTheTrainingImagesEachStepClassifiedRight(String architecture) throws Exception {
        ModelSpec spec = withoutDropout(Architectures.defaults(architecture));
        backend.setThreads(1);
        Nd4j.getRandom().setSeed(spec.seed());
        TrainingNetwork network = new TrainingNetwork(NetworkFactory.configuration(spec));
        network.init();
        INDArray features = Nd4j.create(train.features(), new long[] {train.count(), 784}, 'c');
        INDArray labels = Nd4j.create(train.oneHotLabels(), new long[] {train.count(), 10}, 'c');
        long expectedCorrect = 0;
        for (int b = 0; b < BATCHES; b++) {
            INDArray x = features.get(NDArrayIndex.interval(b * BATCH, (b + 1) * BATCH), NDArrayIndex.all());
            if (spec.convolutional()) {
                x = x.reshape('c', Layout.CNN.shape(BATCH));
            }
            INDArray y = labels.get(NDArrayIndex.interval(b * BATCH, (b + 1) * BATCH), NDArrayIndex.all());
            INDArray predicted = network.output(x, false).argMax(1);
            expectedCorrect += predicted.eq(y.argMax(1)).castTo(DataType.INT).sumNumber().longValue();
            network.fit(new DataSet(x, y));
        }
        double expected = (double) expectedCorrect / (BATCH * BATCHES);
        assertTrue(expected > 0.05 && expected < 0.95, "a mix of right and wrong: " + expected);
        assertEquals(expected, network.takeTrainingAccuracy(), 1e-12, architecture);
        assertTrue(Double.isNaN(network.takeTrainingAccuracy()), "counts reset after each call");
    }

    private static ModelSpec withoutDropout(ModelSpec s) {
        return new ModelSpec(s.name(), s.architecture(), s.filters(), s.kernelSize(), s.padding(), 0.0, s.dense(), 0.0,
                s.epochs(), s.batchSize(), s.learningRate(), s.seed(), s.threads(), s.standardize(), s.schedule(),
                s.earlyStopping());
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
