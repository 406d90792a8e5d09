package io.github.fashionml.model;

import io.github.fashionml.data.ImageShape;
import org.deeplearning4j.nn.conf.MultiLayerConfiguration;
import org.deeplearning4j.nn.conf.NeuralNetConfiguration;
import org.deeplearning4j.nn.conf.inputs.InputType;
import org.deeplearning4j.nn.conf.layers.ConvolutionLayer;
import org.deeplearning4j.nn.conf.layers.DropoutLayer;
import org.deeplearning4j.nn.conf.layers.FeedForwardLayer;
import org.deeplearning4j.nn.conf.layers.Layer;
import org.deeplearning4j.nn.conf.layers.SubsamplingLayer;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;

/**
 * A network's layers as Keras' {@code model.summary()} lists them: type, what it does, output shape and
 * parameters, read from a model file's stored configuration (no native code is needed to read it).
 */
public record NetworkSummary(List<Layer> layers, long totalParameters) {

    /** One layer of the summary. */
    public record Layer(int index, String type, String detail, String outputShape, long parameters) {
    }

    /** The summary of a {@code model.zip} trained on Fashion-MNIST's images; an empty one when the file is missing. */
    public static NetworkSummary of(Path modelFile) throws IOException {
        return of(modelFile, ImageShape.FASHION_MNIST);
    }

    /**
     * The summary of a {@code model.zip}; an empty one when the file is missing.
     *
     * @param input the images the model was trained on (the data set's shape); null when unknown, in which case a
     *              convolutional network's output shapes are not shown
     */
    public static NetworkSummary of(Path modelFile, ImageShape input) throws IOException {
        if (!Files.isRegularFile(modelFile)) {
            return new NetworkSummary(List.of(), 0);
        }
        String json;
        try (ZipFile zip = new ZipFile(modelFile.toFile())) {
            ZipEntry entry = zip.getEntry("configuration.json");
            if (entry == null) {
                throw new IOException(modelFile + " has no configuration.json; it is not a DL4J model");
            }
            try (InputStream in = zip.getInputStream(entry)) {
                json = new String(in.readAllBytes(), StandardCharsets.UTF_8);
            }
        }
        MultiLayerConfiguration conf = MultiLayerConfiguration.fromJson(json);
        org.deeplearning4j.nn.conf.layers.Layer first = conf.getConf(0).getLayer();
        InputType inputType;
        if (first instanceof ConvolutionLayer c) {
            inputType = input == null ? null : NetworkFactory.inputType(true, input, c.getCnn2dDataFormat());
        } else if (first instanceof org.deeplearning4j.nn.conf.layers.FeedForwardLayer dense) {
            // A dense network's input is its first layer's width, whatever the images were.
            inputType = InputType.feedForward(dense.getNIn());
        } else {
            inputType = null;
        }
        List<InputType> shapes = inputType == null ? null : conf.getLayerActivationTypes(inputType);
        List<Layer> layers = new ArrayList<>();
        long total = 0;
        for (int i = 0; i < conf.getConfs().size(); i++) {
            NeuralNetConfiguration layerConf = conf.getConf(i);
            org.deeplearning4j.nn.conf.layers.Layer layer = layerConf.getLayer();
            long params = layer.initializer().numParams(layerConf);
            total += params;
            layers.add(new Layer(i, layer.getClass().getSimpleName(), describe(layer),
                    shapes == null ? "" : shape(shapes.get(i)), params));
        }
        return new NetworkSummary(List.copyOf(layers), total);
    }

    private static String describe(org.deeplearning4j.nn.conf.layers.Layer layer) {
        if (layer instanceof ConvolutionLayer c) {
            return String.format(Locale.ROOT, "%d filters %dx%d, %s", c.getNOut(), c.getKernelSize()[0],
                    c.getKernelSize()[1], c.getActivationFn());
        }
        if (layer instanceof SubsamplingLayer s) {
            return String.format(Locale.ROOT, "%s pool %dx%d", s.getPoolingType(), s.getKernelSize()[0],
                    s.getKernelSize()[1]).toLowerCase(Locale.ROOT);
        }
        if (layer instanceof org.deeplearning4j.nn.conf.layers.ActivationLayer a) {
            return a.getActivationFn().toString();
        }
        if (layer instanceof DropoutLayer d) {
            return "dropout " + String.format(Locale.ROOT, "%.2f", 1 - retain(d));
        }
        if (layer instanceof FeedForwardLayer f) {
            return f.getNOut() + " units, " + f.getActivationFn();
        }
        return "";
    }

    private static double retain(DropoutLayer d) {
        return d.getIDropout() instanceof org.deeplearning4j.nn.conf.dropout.Dropout dropout ? dropout.getP() : 1;
    }

    private static String shape(InputType type) {
        if (type instanceof InputType.InputTypeConvolutional c) {
            return c.getFormat() == org.deeplearning4j.nn.conf.CNN2DFormat.NHWC
                    ? c.getHeight() + " x " + c.getWidth() + " x " + c.getChannels()
                    : c.getChannels() + " x " + c.getHeight() + " x " + c.getWidth();
        }
        return Long.toString(type.arrayElementsPerExample());
    }
}
