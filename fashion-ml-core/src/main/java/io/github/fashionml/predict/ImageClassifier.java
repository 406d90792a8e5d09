package io.github.fashionml.predict;

import io.github.fashionml.data.FashionMnist;
import io.github.fashionml.data.idx.IdxImages;
import io.github.fashionml.data.idx.IdxReader;
import io.github.fashionml.data.preprocess.Layout;
import io.github.fashionml.data.preprocess.PreparedSet;
import io.github.fashionml.data.preprocess.Preprocessor;
import io.github.fashionml.model.ModelArchive;
import io.github.fashionml.model.Preprocessing;
import org.deeplearning4j.nn.conf.layers.ConvolutionLayer;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;

/** A trained {@code model.zip}, ready to classify images: PNG files, or every image of an IDX file. */
public final class ImageClassifier {
    /**
     * Images per inference call. With oneDNN pinned to AVX2, its convolutions take a blocked layout, and the
     * reorders into it slowed 5x once a batch passed ~300 images (measured on an AVX-512 EPYC: 6,000 cnn-deep
     * images in 2.9 s at batch 1,000, 0.9 s at batch 200-300).
     */
    private static final int BATCH = 256;

    private final MultiLayerNetwork network;
    private final Layout layout;
    /** Models trained before fashion-ml switched to channels-last take {@code [N, 1, 28, 28]}. */
    private final boolean channelsFirst;
    private final Preprocessing preprocessing;

    private ImageClassifier(MultiLayerNetwork network, Preprocessing preprocessing) {
        this.network = network;
        this.preprocessing = preprocessing;
        var first = network.getLayerWiseConfigurations().getConf(0).getLayer();
        this.layout = first instanceof ConvolutionLayer ? Layout.CNN : Layout.DNN;
        this.channelsFirst = first instanceof ConvolutionLayer c
                && c.getCnn2dDataFormat() == org.deeplearning4j.nn.conf.CNN2DFormat.NCHW;
    }

    /** Loads a model the train goal wrote, on the started native backend (the parameter proves it started). */
    public static ImageClassifier load(Path modelFile, io.github.fashionml.nativeblas.NativeBackend backend)
            throws IOException {
        java.util.Objects.requireNonNull(backend, "start the native backend first: NativeBackend.start");
        MultiLayerNetwork network = ModelArchive.load(modelFile);
        return new ImageClassifier(network, ModelArchive.preprocessing(modelFile));
    }

    /** Classifies the PNG (or other) image files of a directory, in name order; other files are ignored. */
    public List<Prediction> classifyDirectory(Path directory) throws IOException, ImageFormatException {
        List<Path> files;
        try (Stream<Path> list = Files.list(directory)) {
            files = list.filter(p -> Files.isRegularFile(p) && isImageName(p)).sorted().toList();
        }
        if (files.isEmpty()) {
            throw new ImageFormatException(directory + " holds no .png, .jpg, .gif or .bmp files to classify");
        }
        return classifyFiles(files);
    }

    public List<Prediction> classifyFiles(List<Path> files) throws IOException, ImageFormatException {
        byte[] pixels = new byte[files.size() * FashionMnist.PIXELS];
        List<String> names = new ArrayList<>();
        for (int i = 0; i < files.size(); i++) {
            System.arraycopy(GreyImages.read(files.get(i)), 0, pixels, i * FashionMnist.PIXELS, FashionMnist.PIXELS);
            names.add(files.get(i).getFileName().toString());
        }
        return classify(new IdxImages(files.size(), FashionMnist.ROWS, FashionMnist.COLUMNS, pixels), names);
    }

    /** Classifies every image of an IDX images file (gzipped or not). */
    public List<Prediction> classifyIdx(Path file) throws IOException, ImageFormatException {
        IdxImages images = IdxReader.readImages(file);
        if (images.rows() != FashionMnist.ROWS || images.columns() != FashionMnist.COLUMNS) {
            throw new ImageFormatException(file + " holds " + images.rows() + "x" + images.columns()
                    + " images; the models take 28x28");
        }
        List<String> names = new ArrayList<>();
        for (int i = 0; i < images.count(); i++) {
            names.add(file.getFileName() + "#" + i);
        }
        return classify(images, names);
    }

    /** The class probabilities of each image, {@code [count, 10]}, prepared as the model was trained. */
    public float[] probabilities(IdxImages images) {
        PreparedSet set = Preprocessor.prepare(images, new byte[images.count()], layout,
                preprocessing.standardization());
        float[] out = new float[images.count() * FashionMnist.CLASS_COUNT];
        int width = set.featuresPerImage();
        for (int start = 0; start < images.count(); start += BATCH) {
            int end = Math.min(images.count(), start + BATCH);
            float[] slice = java.util.Arrays.copyOfRange(set.features(), start * width, end * width);
            long[] shape = layout.shape(end - start);
            if (channelsFirst) {
                shape = new long[] {end - start, 1, FashionMnist.ROWS, FashionMnist.COLUMNS};
            }
            INDArray input = Nd4j.create(slice, shape, 'c');
            float[] p = network.output(input, false).data().asFloat();
            System.arraycopy(p, 0, out, start * FashionMnist.CLASS_COUNT, p.length);
        }
        return out;
    }

    private List<Prediction> classify(IdxImages images, List<String> names) {
        float[] p = probabilities(images);
        List<Prediction> predictions = new ArrayList<>(images.count());
        int k = FashionMnist.CLASS_COUNT;
        for (int i = 0; i < images.count(); i++) {
            int best = 0;
            List<Double> row = new ArrayList<>(k);
            for (int c = 0; c < k; c++) {
                row.add((double) p[i * k + c]);
                if (p[i * k + c] > p[i * k + best]) {
                    best = c;
                }
            }
            predictions.add(new Prediction(names.get(i), best, FashionMnist.CLASS_NAMES.get(best), p[i * k + best],
                    row));
        }
        return predictions;
    }

    private static boolean isImageName(Path p) {
        String name = p.getFileName().toString().toLowerCase(Locale.ROOT);
        return name.endsWith(".png") || name.endsWith(".jpg") || name.endsWith(".jpeg") || name.endsWith(".gif")
                || name.endsWith(".bmp");
    }
}
