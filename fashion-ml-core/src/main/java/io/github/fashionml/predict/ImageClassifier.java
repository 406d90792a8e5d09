package io.github.fashionml.predict;

import io.github.fashionml.data.DatasetDescription;
import io.github.fashionml.data.ImageShape;
import io.github.fashionml.data.image.DecodeSettings;
import io.github.fashionml.data.image.ImageDecoder;
import io.github.fashionml.data.idx.IdxImages;
import io.github.fashionml.data.idx.IdxReader;
import io.github.fashionml.data.preprocess.Layout;
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

/**
 * A trained {@code model.zip}, ready to classify images of the data set it was trained on (its image shape and
 * class names): PNG files, or every image of an IDX file.
 */
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
    private final DatasetDescription dataset;
    /** How the data set's image files were decoded and resized; null when its images came as IDX files. */
    private final DecodeSettings decoding;

    private ImageClassifier(MultiLayerNetwork network, Preprocessing preprocessing, DatasetDescription dataset,
                            DecodeSettings decoding) {
        this.network = network;
        this.preprocessing = preprocessing;
        this.dataset = dataset;
        this.decoding = decoding;
        var first = network.getLayerWiseConfigurations().getConf(0).getLayer();
        this.layout = first instanceof ConvolutionLayer ? Layout.CNN : Layout.DNN;
        this.channelsFirst = first instanceof ConvolutionLayer c
                && c.getCnn2dDataFormat() == org.deeplearning4j.nn.conf.CNN2DFormat.NCHW;
    }

    /**
     * Loads a model the train goal wrote on the data set described, on the started native backend (the parameter
     * proves it started).
     */
    public static ImageClassifier load(Path modelFile, io.github.fashionml.nativeblas.NativeBackend backend,
                                       DatasetDescription dataset) throws IOException {
        return load(modelFile, backend, dataset, null);
    }

    /**
     * @param decoding how the data set's image files were decoded (its {@code dataset.json} says), so image files
     *                 given to classify are decoded and resized the same way; null to take only images of the data
     *                 set's size, as its IDX files hold them
     */
    public static ImageClassifier load(Path modelFile, io.github.fashionml.nativeblas.NativeBackend backend,
                                       DatasetDescription dataset, DecodeSettings decoding) throws IOException {
        java.util.Objects.requireNonNull(backend, "start the native backend first: NativeBackend.start");
        MultiLayerNetwork network = ModelArchive.load(modelFile, dataset);
        return new ImageClassifier(network, ModelArchive.preprocessing(modelFile), dataset, decoding);
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
        ImageShape shape = dataset.shape();
        int size = shape.samples();
        byte[] pixels = new byte[files.size() * size];
        List<String> names = new ArrayList<>();
        // Grey IDX data sets (Fashion-MNIST) take exactly their size, as before; colour IDX sets the decoder's rules.
        try (ImageDecoder decoder = decoding == null && shape.channels() == 1 ? null : new ImageDecoder()) {
            for (int i = 0; i < files.size(); i++) {
                byte[] image = decoder == null ? GreyImages.read(files.get(i), shape) : decode(decoder, files.get(i),
                        decodingFor(shape));
                System.arraycopy(image, 0, pixels, i * size, size);
                names.add(files.get(i).getFileName().toString());
            }
        }
        return classify(shape.images(files.size(), pixels), names);
    }

    /** As the data set's files were decoded; for an IDX set of colour images, stretched to its size. */
    private DecodeSettings decodingFor(ImageShape shape) {
        return decoding != null ? decoding : new DecodeSettings(shape.height(), shape.width(),
                io.github.fashionml.data.image.ColorMode.RGB, io.github.fashionml.data.image.ResizeMode.STRETCH);
    }

    /** An image file decoded and resized as the data set's files were. */
    private byte[] decode(ImageDecoder decoder, Path file, DecodeSettings settings) throws ImageFormatException {
        try {
            return decoder.decode(file, settings);
        } catch (io.github.fashionml.data.image.ImageDecodeException e) {
            throw new ImageFormatException(e.getMessage());
        }
    }

    /** Classifies every image of an IDX images file (gzipped or not). */
    public List<Prediction> classifyIdx(Path file) throws IOException, ImageFormatException {
        IdxImages images = IdxReader.readImages(file);
        ImageShape shape = dataset.shape();
        if (!ImageShape.of(images).equals(shape)) {
            throw new ImageFormatException(file + " holds " + ImageShape.of(images) + " images; the model takes "
                    + shape + " images, like the data set it was trained on");
        }
        List<String> names = new ArrayList<>();
        for (int i = 0; i < images.count(); i++) {
            names.add(file.getFileName() + "#" + i);
        }
        return classify(images, names);
    }

    /** The class probabilities of each image, {@code [count, classes]}, prepared as the model was trained. */
    public float[] probabilities(IdxImages images) {
        int classes = dataset.classCount();
        ImageShape shape = ImageShape.of(images);
        float[] out = new float[images.count() * classes];
        for (int start = 0; start < images.count(); start += BATCH) {
            int end = Math.min(images.count(), start + BATCH);
            float[] slice = Preprocessor.features(images, null, start, end, preprocessing.standardization());
            long[] dims = layout.shape(end - start, shape);
            if (channelsFirst) {
                dims = new long[] {end - start, 1, shape.height(), shape.width()};
            }
            INDArray input = Nd4j.create(slice, dims, 'c');
            float[] p = network.output(input, false).data().asFloat();
            if (p.length != (end - start) * classes) {
                throw new IllegalStateException("the model gives " + p.length / (end - start) + " probabilities per "
                        + "image, the data set has " + classes + " classes: it was trained on another data set");
            }
            System.arraycopy(p, 0, out, start * classes, p.length);
        }
        return out;
    }

    private List<Prediction> classify(IdxImages images, List<String> names) {
        float[] p = probabilities(images);
        List<Prediction> predictions = new ArrayList<>(images.count());
        int k = dataset.classCount();
        for (int i = 0; i < images.count(); i++) {
            int best = 0;
            List<Double> row = new ArrayList<>(k);
            for (int c = 0; c < k; c++) {
                row.add((double) p[i * k + c]);
                if (p[i * k + c] > p[i * k + best]) {
                    best = c;
                }
            }
            predictions.add(new Prediction(names.get(i), best, dataset.classNames().get(best), p[i * k + best],
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
