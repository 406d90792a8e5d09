package io.github.fashionml.onnx;

import ai.onnxruntime.OnnxTensor;
import ai.onnxruntime.OrtEnvironment;
import ai.onnxruntime.OrtException;
import ai.onnxruntime.OrtSession;
import io.github.fashionml.data.ImageDataset;
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
        int best = 0;
        for (int c = 1; c < 10; c++) {
            if (probabilities[image * 10 + c] > probabilities[image * 10 + best]) {
                best = c;
            }
        }
        return best;
    }
}
