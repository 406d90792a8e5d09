package io.github.fashionml.onnx;

import ai.onnxruntime.OnnxTensor;
import ai.onnxruntime.OrtEnvironment;
import ai.onnxruntime.OrtException;
import ai.onnxruntime.OrtSession;
import io.github.fashionml.data.ImageDataset;
import io.github.fashionml.data.ImageShape;
import io.github.fashionml.data.idx.IdxImages;
import io.github.fashionml.data.preprocess.Layout;
import io.github.fashionml.data.preprocess.PreparedSet;
import io.github.fashionml.data.preprocess.Preprocessor;
import io.github.fashionml.data.preprocess.Standardization;
import io.github.fashionml.data.source.DatasetResolver;
import io.github.fashionml.data.source.ExpectedContent;
import io.github.fashionml.data.source.FetchOptions;
import io.github.fashionml.model.ModelSpec;
import io.github.fashionml.model.NetworkFactory;
import io.github.fashionml.testing.TestData;
import io.github.fashionml.util.ProgressLog;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.dataset.DataSet;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.indexing.NDArrayIndex;

import java.nio.FloatBuffer;
import java.time.Duration;
import java.util.List;

/** Data, brief training and inference on both sides, shared by the ONNX tests. */
final class OnnxTesting {
    /** DL4J inference batch, as {@code Scores} uses: oneDNN slows down on larger ones. */
    static final int DL4J_BATCH = 256;
    static final int ORT_BATCH = 1_000;

    private static ImageDataset data;

    private OnnxTesting() {
    }

    /** The full Fashion-MNIST from Debian's dataset-fashion-mnist, read once per JVM. */
    static synchronized ImageDataset fullData() throws Exception {
        if (data == null) {
            FetchOptions options = new FetchOptions(null, TestData.scratchDirectory("onnx-cache"),
                    FetchOptions.SYSTEM_PACKAGE_DIRECTORY, List.of(), true, Duration.ofSeconds(1),
                    Duration.ofSeconds(1), ExpectedContent.fashionMnist());
            data = ImageDataset.load(new DatasetResolver(options, ProgressLog.silent()).resolve().paths());
        }
        return data;
    }

    /** A network of the spec, trained one epoch on the first {@code images} training images with plain DL4J. */
    static Trained train(ModelSpec spec, ImageDataset data, int images) {
        IdxImages trainImages = data.trainImages().first(images);
        byte[] labels = java.util.Arrays.copyOf(data.trainLabels(), images);
        Standardization standardization = spec.standardize() ? Standardization.fit(trainImages) : null;
        PreparedSet train = Preprocessor.prepare(trainImages, labels, Layout.DNN, standardization);
        Nd4j.getRandom().setSeed(spec.seed());
        MultiLayerNetwork network = NetworkFactory.create(spec);
        INDArray x = Nd4j.create(train.features(), new long[] {images, 784}, 'c');
        INDArray y = Nd4j.create(train.oneHotLabels(), new long[] {images, 10}, 'c');
        for (int start = 0; start < images; start += spec.batchSize()) {
            int end = Math.min(images, start + spec.batchSize());
            network.fit(new DataSet(shaped(x.get(NDArrayIndex.interval(start, end), NDArrayIndex.all()),
                    spec.layout()), y.get(NDArrayIndex.interval(start, end), NDArrayIndex.all())));
        }
        return new Trained(spec, network, standardization);
    }

    record Trained(ModelSpec spec, MultiLayerNetwork network, Standardization standardization) {
        io.github.fashionml.model.Preprocessing preprocessing() {
            return io.github.fashionml.model.Preprocessing.of(standardization);
        }
    }

    private static INDArray shaped(INDArray flatRows, Layout layout) {
        return layout == Layout.CNN ? flatRows.reshape('c', layout.shape((int) flatRows.size(0))) : flatRows;
    }

    /** DL4J's probabilities for the images, prepared as training prepared them, dropout off: [N * 10]. */
    static float[] dl4jProbabilities(Trained model, IdxImages images) {
        int n = images.count();
        PreparedSet set = Preprocessor.prepare(images, new byte[n], Layout.DNN, model.standardization());
        INDArray features = Nd4j.create(set.features(), new long[] {n, 784}, 'c');
        float[] out = new float[n * 10];
        for (int start = 0; start < n; start += DL4J_BATCH) {
            int end = Math.min(n, start + DL4J_BATCH);
            INDArray batch = shaped(features.get(NDArrayIndex.interval(start, end), NDArrayIndex.all()),
                    model.spec().layout());
            float[] p = model.network().output(batch, false).dup('c').data().asFloat();
            System.arraycopy(p, 0, out, start * 10, (end - start) * 10);
        }
        return out;
    }

    /** The raw grey values 0-255 as floats: what a caller of model.onnx feeds. */
    static float[] rawPixels(IdxImages images) {
        byte[] pixels = images.pixels();
        float[] raw = new float[pixels.length];
        for (int i = 0; i < pixels.length; i++) {
            raw[i] = pixels[i] & 0xFF;
        }
        return raw;
    }

    /**
     * A network of the spec for these images, its initial parameters perturbed by seeded noise of this scale (all
     * biases start at 0 and outputs of an untrained network are close to uniform; the noise makes classes differ).
     */
    static MultiLayerNetwork perturbedNetwork(ModelSpec spec, ImageShape shape, int classes, double noise,
                                              long seed) {
        MultiLayerNetwork network = NetworkFactory.create(spec, shape, classes);
        float[] params = network.params().dup('c').toFloatVector();
        java.util.SplittableRandom random = new java.util.SplittableRandom(seed);
        for (int i = 0; i < params.length; i++) {
            params[i] += (float) (noise * (2 * random.nextDouble() - 1));
        }
        network.setParams(Nd4j.create(params, new long[] {1, params.length}, 'c'));
        return network;
    }

    /** Seeded standardisation statistics, different for every sample (row, column and channel). */
    static Standardization randomStandardization(ImageShape shape, long seed) {
        java.util.SplittableRandom random = new java.util.SplittableRandom(seed);
        float[] mean = new float[shape.samples()];
        float[] std = new float[shape.samples()];
        for (int p = 0; p < mean.length; p++) {
            mean[p] = (float) (0.2 + 0.6 * random.nextDouble());
            std[p] = (float) (0.1 + 0.4 * random.nextDouble());
        }
        return new Standardization(mean, std);
    }

    /**
     * Seeded random images of the shape, stored HWC: each its own colour (a level per channel) plus noise on every
     * sample, so images differ as a whole and not only in noise that the layers average out.
     */
    static byte[] randomPixels(int n, ImageShape shape, long seed) {
        java.util.SplittableRandom random = new java.util.SplittableRandom(seed);
        byte[] pixels = new byte[n * shape.samples()];
        int c = shape.channels();
        int[] level = new int[c];
        for (int i = 0; i < n; i++) {
            for (int k = 0; k < c; k++) {
                level[k] = random.nextInt(256);
            }
            for (int p = 0; p < shape.samples(); p++) {
                int value = level[p % c] + random.nextInt(-64, 65);
                pixels[i * shape.samples() + p] = (byte) Math.max(0, Math.min(255, value));
            }
        }
        return pixels;
    }

    /**
     * DL4J's probabilities for HWC images, prepared by {@code Preprocessor} as training prepares them and shaped as
     * the network's layout takes them: [N * classes].
     */
    static float[] dl4jProbabilities(MultiLayerNetwork network, Layout layout, ImageShape shape, byte[] pixels,
                                     Standardization standardization, int classes) {
        int n = pixels.length / shape.samples();
        float[] values = Preprocessor.features(shape.images(n, pixels), null, 0, n, standardization);
        INDArray features = Nd4j.create(values, layout.shape(n, shape), 'c');
        float[] out = network.output(features, false).dup('c').data().asFloat();
        if (out.length != n * classes) {
            throw new IllegalStateException(out.length + " probabilities for " + n + " images of " + classes);
        }
        return out;
    }

    static OrtSession session(OrtEnvironment environment, byte[] model) throws OrtException {
        try (OrtSession.SessionOptions options = new OrtSession.SessionOptions()) {
            options.setIntraOpNumThreads(2);
            return environment.createSession(model, options);
        }
    }

    /** ONNX Runtime's probabilities for raw pixels ([N * 784]): [N * 10]. */
    static float[] onnxProbabilities(OrtEnvironment environment, OrtSession session, float[] raw)
            throws OrtException {
        int n = raw.length / 784;
        float[] out = new float[n * 10];
        for (int start = 0; start < n; start += ORT_BATCH) {
            int end = Math.min(n, start + ORT_BATCH);
            FloatBuffer batch = FloatBuffer.wrap(raw, start * 784, (end - start) * 784).slice();
            try (OnnxTensor input = OnnxTensor.createTensor(environment, batch, new long[] {end - start, 28, 28});
                 OrtSession.Result result = session.run(java.util.Map.of(OnnxExporter.INPUT, input),
                         java.util.Set.of(OnnxExporter.OUTPUT))) {
                FloatBuffer p = ((OnnxTensor) result.get(OnnxExporter.OUTPUT).orElseThrow()).getFloatBuffer();
                p.get(out, start * 10, (end - start) * 10);
            }
        }
        return out;
    }

    static int argmax(float[] probabilities, int image) {
        return argmax(probabilities, image, 10);
    }

    static int argmax(float[] probabilities, int image, int classes) {
        int best = 0;
        for (int c = 1; c < classes; c++) {
            if (probabilities[image * classes + c] > probabilities[image * classes + best]) {
                best = c;
            }
        }
        return best;
    }

    /** ONNX Runtime's probabilities for one batch of raw samples of this shape ([N, ...]): [N * classes]. */
    static float[] onnxProbabilities(OrtEnvironment environment, OrtSession session, float[] raw, long[] shape,
                                     int classes) throws OrtException {
        try (OnnxTensor input = OnnxTensor.createTensor(environment, FloatBuffer.wrap(raw), shape);
             OrtSession.Result result = session.run(java.util.Map.of(OnnxExporter.INPUT, input),
                     java.util.Set.of(OnnxExporter.OUTPUT))) {
            OnnxTensor output = (OnnxTensor) result.get(OnnxExporter.OUTPUT).orElseThrow();
            float[] out = new float[(int) shape[0] * classes];
            output.getFloatBuffer().get(out);
            return out;
        }
    }
}
