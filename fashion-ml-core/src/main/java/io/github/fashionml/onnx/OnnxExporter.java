package io.github.fashionml.onnx;

import ai.onnx.proto.OnnxMl;
import io.github.fashionml.data.ImageShape;
import io.github.fashionml.data.preprocess.Preprocessor;
import io.github.fashionml.model.Preprocessing;
import io.github.fashionml.util.AtomicFiles;
import io.github.fashionml.util.Sha256;
import org.deeplearning4j.nn.conf.CNN2DFormat;
import org.deeplearning4j.nn.conf.ConvolutionMode;
import org.deeplearning4j.nn.conf.InputPreProcessor;
import org.deeplearning4j.nn.conf.MultiLayerConfiguration;
import org.deeplearning4j.nn.conf.layers.ActivationLayer;
import org.deeplearning4j.nn.conf.layers.BaseLayer;
import org.deeplearning4j.nn.conf.layers.ConvolutionLayer;
import org.deeplearning4j.nn.conf.layers.DenseLayer;
import org.deeplearning4j.nn.conf.layers.DropoutLayer;
import org.deeplearning4j.nn.conf.layers.Layer;
import org.deeplearning4j.nn.conf.layers.OutputLayer;
import org.deeplearning4j.nn.conf.layers.PoolingType;
import org.deeplearning4j.nn.conf.layers.SubsamplingLayer;
import org.deeplearning4j.nn.conf.preprocessor.CnnToFeedForwardPreProcessor;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.nd4j.linalg.activations.IActivation;
import org.nd4j.linalg.activations.impl.ActivationIdentity;
import org.nd4j.linalg.activations.impl.ActivationReLU;
import org.nd4j.linalg.activations.impl.ActivationSoftmax;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.tribuo.util.onnx.ONNXContext;
import org.tribuo.util.onnx.ONNXInitializer;
import org.tribuo.util.onnx.ONNXOperators;
import org.tribuo.util.onnx.ONNXPlaceholder;
import org.tribuo.util.onnx.ONNXRef;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Writes a trained network as {@code model.onnx}, so it can be served without a JVM.
 *
 * <p>The contract: one input {@value #INPUT}, float32, the raw sample values 0-255: {@code [N, H, W]} for grey
 * models (the grey values as stored in the IDX files), {@code [N, H, W, 3]} for RGB ones (each pixel's red, green
 * and blue, channels last, as the images are stored); one output {@value #OUTPUT}, float32 {@code [N, classes]};
 * N is dynamic; H, W, the colour mode and the class names are the metadata's. The graph does everything
 * {@code Preprocessor} and DL4J do between the two, in the same float arithmetic: scaling by {@code 1f/255},
 * for standardised models {@code (x - mean) / std} per sample, the change to channels-first for convolutions
 * (or the flattening of each image's HWC samples for dense networks), the layers, and the softmax. Dropout is
 * absent, as at inference. {@link OnnxMetadata} goes into the model's {@code metadata_props}. The same network,
 * preprocessing and metadata always give the same bytes: no time stamps, names from layer positions, attributes
 * and properties in a fixed order.
 *
 * <p>Only what {@code NetworkFactory} builds is exported: convolutions (NHWC, stride 1, Truncate or Same),
 * 2D max-pooling without padding, ReLU or identity activations, dropout, dense layers and a softmax output
 * layer, joined by DL4J's {@code CnnToFeedForwardPreProcessor}. Every layer's configuration is checked;
 * anything else fails with an {@link UnsupportedNetworkException} naming the layer, before any file is written.
 *
 * <p>The graph is built with Tribuo's {@code tribuo-util-onnx}: its generated ONNX protobuf classes
 * ({@code ai.onnx.proto.OnnxMl}), and its {@code ONNXContext}, which names nodes and initializers uniquely and
 * stably and checks each node's inputs and attributes against its operator's declaration. Tribuo's operators
 * cover the arithmetic, Gemm and Softmax; the convolution, pooling, ReLU and reshaping operators are declared
 * here ({@link LayerOperators}) through its operator interface. Two gaps are filled by hand: ONNXContext only
 * declares {@code [batch, features]} inputs, so the input's shape is set to {@code [N, H, W]} or
 * {@code [N, H, W, 3]} after the graph is built, and the model around the graph (opset, IR version, metadata) is
 * assembled from the protobuf classes directly. Attribute maps passed to it are ordered ones: it writes
 * attributes in map order.
 */
public final class OnnxExporter {
    public static final String INPUT = "pixels";
    public static final String OUTPUT = "probabilities";
    public static final int OPSET = LayerOperators.OPSET_VERSION;
    /** The IR version of ONNX 1.8, the release that introduced opset 13: what any runtime reading opset 13 reads. */
    public static final long IR_VERSION = 7;
    public static final String PRODUCER = "fashion-ml";
    /** The name of the dynamic first dimension of the input and output. */
    public static final String BATCH = "batch";

    private OnnxExporter() {
    }

    /**
     * Exports the network and writes it atomically (no file appears, and a previous one stays, when the export
     * fails). Returns the SHA-256 of the bytes written.
     */
    public static String write(MultiLayerNetwork network, Preprocessing preprocessing, OnnxMetadata metadata,
                               Path target) throws UnsupportedNetworkException, IOException {
        byte[] bytes = toBytes(network, preprocessing, metadata);
        AtomicFiles.write(target, out -> out.write(bytes));
        return Sha256.of(bytes);
    }

    /** The serialised ONNX model: the bytes {@link #write} writes. */
    public static byte[] toBytes(MultiLayerNetwork network, Preprocessing preprocessing, OnnxMetadata metadata)
            throws UnsupportedNetworkException {
        return model(network, preprocessing, metadata).toByteArray();
    }

    /** Reads an exported file back, for checks: its metadata, shapes, opset, graph. */
    public static OnnxMl.ModelProto read(Path file) throws IOException {
        if (!Files.isRegularFile(file)) {
            throw new IOException(file + " does not exist or is not a file");
        }
        try {
            return OnnxMl.ModelProto.parseFrom(Files.readAllBytes(file));
        } catch (com.google.protobuf.InvalidProtocolBufferException e) {
            throw new IOException(file + " is not an ONNX model (" + e.getMessage() + ")", e);
        }
    }

    /**
     * The ONNX model of the network, its preprocessing and metadata.
     *
     * @param preprocessing the preprocessing stored with the model ({@code ModelArchive.preprocessing}, or
     *                      {@code Preprocessing.of(trainingData.standardization())}); {@code new Preprocessing(null,
     *                      null)} for models only scaled to [0,1]
     */
    public static OnnxMl.ModelProto model(MultiLayerNetwork network, Preprocessing preprocessing,
                                          OnnxMetadata metadata) throws UnsupportedNetworkException {
        OnnxMl.GraphProto graph = new GraphWriter(network, preprocessing, metadata.imageShape(),
                metadata.classNames().size()).graph(metadata.model());
        OnnxMl.ModelProto.Builder model = OnnxMl.ModelProto.newBuilder()
                .setIrVersion(IR_VERSION)
                .addOpsetImport(OnnxMl.OperatorSetIdProto.newBuilder().setDomain("").setVersion(OPSET))
                .setProducerName(PRODUCER)
                .setProducerVersion(metadata.fashionMlVersion())
                .setDocString("Image classifier '" + metadata.model() + "'. Input '" + INPUT + "': float32 [N, "
                        + metadata.imageShape().height() + ", " + metadata.imageShape().width()
                        + (metadata.imageShape().channels() == 1 ? "], grey values 0-255 as in the IDX files"
                        : ", 3], RGB values 0-255, channels last") + ". Output '" + OUTPUT + "': float32 [N, "
                        + metadata.classNames().size() + "], class probabilities in the order of the '"
                        + OnnxMetadata.CLASS_NAMES + "' metadata.")
                .setGraph(graph);
        metadata.properties().forEach((key, value) -> model.addMetadataProps(
                OnnxMl.StringStringEntryProto.newBuilder().setKey(key).setValue(value)));
        return model.build();
    }

    /** What flows between layers: images (channels-first in the graph) or flat vectors. */
    private record Activations(boolean image, long channels, long height, long width) {
        static Activations image(long channels, long height, long width) {
            return new Activations(true, channels, height, width);
        }

        static Activations flat(long size) {
            return new Activations(false, size, 1, 1);
        }

        long size() {
            return channels * height * width;
        }

        @Override
        public String toString() {
            return image ? "images of " + height + "x" + width + "x" + channels : "vectors of " + channels;
        }
    }

    /** Walks the network's layer configurations once, adding each layer's nodes to one graph. */
    private static final class GraphWriter {
        private final MultiLayerNetwork network;
        private final MultiLayerConfiguration configuration;
        private final Preprocessing preprocessing;
        private final ImageShape image;
        private final int classes;
        private final ONNXContext context = new ONNXContext();
        private ONNXRef<?> current;
        private Activations shape;

        GraphWriter(MultiLayerNetwork network, Preprocessing preprocessing, ImageShape image, int classes) {
            this.network = network;
            this.configuration = network.getLayerWiseConfigurations();
            this.preprocessing = preprocessing;
            this.image = image;
            this.classes = classes;
        }

        OnnxMl.GraphProto graph(String name) throws UnsupportedNetworkException {
            if (configuration.getDataType() != DataType.FLOAT) {
                throw new UnsupportedNetworkException("Cannot export the network to ONNX: its data type is "
                        + configuration.getDataType() + "; only FLOAT networks are exported (the graph is float32). "
                        + "No ONNX file was written.");
            }
            int layers = configuration.getConfs().size();
            context.setName(name);
            ONNXPlaceholder pixels = context.floatInput(INPUT, image.samples());
            ONNXPlaceholder probabilities = context.floatOutput(OUTPUT, classes);
            current = preprocess(pixels);
            for (int i = 0; i < layers; i++) {
                preprocessor(i);
                Layer layer = configuration.getConf(i).getLayer();
                boolean last = i == layers - 1;
                if (layer.getClass() == ConvolutionLayer.class) {
                    convolution(i, (ConvolutionLayer) layer);
                } else if (layer.getClass() == SubsamplingLayer.class) {
                    pooling(i, (SubsamplingLayer) layer);
                } else if (layer.getClass() == ActivationLayer.class) {
                    activation(i, layer, ((ActivationLayer) layer).getActivationFn(), false);
                } else if (layer.getClass() == DropoutLayer.class) {
                    // Dropout only acts in training: at inference it passes its input on unchanged.
                    continue;
                } else if (layer.getClass() == DenseLayer.class) {
                    DenseLayer dense = (DenseLayer) layer;
                    if (dense.hasLayerNorm()) {
                        throw unsupported(i, layer, "layer normalisation is not supported");
                    }
                    dense(i, dense, dense.hasBias());
                    activation(i, layer, dense.getActivationFn(), false);
                } else if (layer.getClass() == OutputLayer.class && last) {
                    OutputLayer output = (OutputLayer) layer;
                    dense(i, output, output.hasBias());
                    activation(i, layer, output.getActivationFn(), true);
                } else if (layer.getClass() == OutputLayer.class) {
                    throw unsupported(i, layer, "an output layer is supported only as the last layer");
                } else {
                    throw unsupported(i, layer, "this layer type is not supported; ONNX export supports "
                            + "ConvolutionLayer, SubsamplingLayer, ActivationLayer, DropoutLayer, DenseLayer and a "
                            + "final OutputLayer");
                }
            }
            Layer last = layers == 0 ? null : configuration.getConf(layers - 1).getLayer();
            if (last == null || last.getClass() != OutputLayer.class) {
                throw new UnsupportedNetworkException("Cannot export the network to ONNX: its last layer is "
                        + (last == null ? "missing" : last.getClass().getSimpleName())
                        + ", not a softmax OutputLayer giving the class probabilities. No ONNX file was written.");
            }
            if (shape.image() || shape.size() != classes) {
                throw new UnsupportedNetworkException("Cannot export the network to ONNX: it outputs " + shape
                        + ", not " + classes + " class probabilities. No ONNX file was written.");
            }
            current.assignTo(probabilities);
            OnnxMl.GraphProto graph = context.buildGraph();
            if (graph.getInputCount() != 1 || !graph.getInput(0).getName().equals(INPUT)) {
                throw new IllegalStateException("the graph's input is not " + INPUT + ": " + graph.getInputList());
            }
            // ONNXContext declares inputs as [batch, features] only; the contract's input is [N, H, W(, 3)].
            return graph.toBuilder().setInput(0, imagesInput(image)).setOutput(0, graph.getOutput(0).toBuilder()
                    .setDocString("Class probabilities (softmax), in the order of the '" + OnnxMetadata.CLASS_NAMES
                            + "' metadata")).build();
        }

        private static OnnxMl.ValueInfoProto imagesInput(ImageShape image) {
            OnnxMl.TensorShapeProto.Builder dims = OnnxMl.TensorShapeProto.newBuilder()
                    .addDim(OnnxMl.TensorShapeProto.Dimension.newBuilder().setDimParam(BATCH))
                    .addDim(OnnxMl.TensorShapeProto.Dimension.newBuilder().setDimValue(image.height()))
                    .addDim(OnnxMl.TensorShapeProto.Dimension.newBuilder().setDimValue(image.width()));
            if (image.channels() != 1) {
                dims.addDim(OnnxMl.TensorShapeProto.Dimension.newBuilder().setDimValue(image.channels()));
            }
            return OnnxMl.ValueInfoProto.newBuilder()
                    .setName(INPUT)
                    .setDocString(image.channels() == 1
                            ? "Grey images, row by row, values 0-255 as stored in IDX files"
                            : "RGB images, row by row, each pixel's red, green and blue values 0-255")
                    .setType(OnnxMl.TypeProto.newBuilder().setTensorType(OnnxMl.TypeProto.Tensor.newBuilder()
                            .setElemType(OnnxMl.TensorProto.DataType.FLOAT.getNumber()).setShape(dims)))
                    .build();
        }

        /**
         * Preprocessor.features' arithmetic, in its order and in float: {@code pixel * (1f/255)}, then for
         * standardised models {@code (x - mean) / std} per HWC sample; then the first layer's shape.
         */
        private ONNXRef<?> preprocess(ONNXPlaceholder pixels) throws UnsupportedNetworkException {
            ONNXRef<?> x = node(ONNXOperators.MUL, "scaled", attributes(), pixels,
                    context.constant("scale", Preprocessor.SCALE));
            if (preprocessing.mean() != null) {
                float[] mean = preprocessing.mean();
                float[] std = preprocessing.std();
                if (mean.length != image.samples() || std == null || std.length != image.samples()) {
                    throw new IllegalArgumentException("standardisation needs " + image.samples()
                            + " means and standard deviations");
                }
                // The statistics are per sample in HWC order: the input's shape without N.
                List<Integer> imageDims = image.channels() == 1 ? List.of(image.height(), image.width())
                        : List.of(image.height(), image.width(), image.channels());
                x = node(ONNXOperators.SUB, "centred", attributes(), x, floats("mean", mean, imageDims));
                x = node(ONNXOperators.DIV, "standardised", attributes(), x, floats("std", std, imageDims));
            }
            if (firstLayerTakesImages()) {
                shape = Activations.image(image.channels(), image.height(), image.width());
                if (image.channels() == 1) {
                    // One grey channel: [N, H, W] is [N, H, W, 1] (DL4J's NHWC) and [N, 1, H, W] (ONNX's NCHW) alike.
                    return reshape(x, new long[] {-1, 1, image.height(), image.width()}, "images");
                }
                // [N, H, W, C] as DL4J's NHWC layers take it, to the [N, C, H, W] ONNX's Conv and MaxPool take.
                return node(LayerOperators.TRANSPOSE, "images", attributes("perm", new int[] {0, 3, 1, 2}), x);
            }
            // Dense networks take each image's samples flattened in their HWC order: the input's row-major order.
            shape = Activations.flat(image.samples());
            return reshape(x, new long[] {-1, image.samples()}, "flat_pixels");
        }

        private boolean firstLayerTakesImages() throws UnsupportedNetworkException {
            for (int i = 0; i < configuration.getConfs().size(); i++) {
                Layer layer = configuration.getConf(i).getLayer();
                if (layer.getClass() == ConvolutionLayer.class || layer.getClass() == SubsamplingLayer.class) {
                    return true;
                }
                if (layer.getClass() == DenseLayer.class || layer.getClass() == OutputLayer.class) {
                    return false;
                }
            }
            throw new UnsupportedNetworkException("Cannot export the network to ONNX: it has no convolution, "
                    + "pooling, dense or output layer to take the images. No ONNX file was written.");
        }

        private ONNXRef<?> reshape(ONNXRef<?> x, long[] dims, String name) {
            return node(LayerOperators.RESHAPE, name, attributes(), x, context.array(name + "_shape", dims));
        }

        /** DL4J's input preprocessor before layer i, if any: only NHWC activations to flat vectors is known. */
        private void preprocessor(int i) throws UnsupportedNetworkException {
            InputPreProcessor pre = configuration.getInputPreProcess(i);
            if (pre == null) {
                return;
            }
            Layer layer = configuration.getConf(i).getLayer();
            if (pre.getClass() != CnnToFeedForwardPreProcessor.class) {
                throw unsupported(i, layer, "its input preprocessor " + pre.getClass().getSimpleName()
                        + " is not supported (only CnnToFeedForwardPreProcessor is)");
            }
            CnnToFeedForwardPreProcessor flatten = (CnnToFeedForwardPreProcessor) pre;
            if (flatten.getFormat() != CNN2DFormat.NHWC) {
                throw unsupported(i, layer, "its input preprocessor flattens " + flatten.getFormat()
                        + " activations; only NHWC is supported");
            }
            if (!shape.image() || flatten.getNumChannels() != shape.channels()
                    || flatten.getInputHeight() != shape.height() || flatten.getInputWidth() != shape.width()) {
                throw unsupported(i, layer, "its input preprocessor expects " + flatten.getInputHeight() + "x"
                        + flatten.getInputWidth() + "x" + flatten.getNumChannels() + " images but the layer "
                        + "before gives " + shape);
            }
            // DL4J flattens NHWC activations in their row-major order (row, column, channel); the graph holds
            // them channels-first, so back to channels-last before flattening.
            ONNXRef<?> channelsLast = node(LayerOperators.TRANSPOSE, "layer" + i + "_nhwc",
                    attributes("perm", new int[] {0, 2, 3, 1}), current);
            current = node(LayerOperators.FLATTEN, "layer" + i + "_flat", attributes("axis", 1), channelsLast);
            shape = Activations.flat(shape.size());
        }

        private void convolution(int i, ConvolutionLayer layer) throws UnsupportedNetworkException {
            requireImages(i, layer);
            if (layer.getCnn2dDataFormat() != CNN2DFormat.NHWC) {
                throw unsupported(i, layer, "data format " + layer.getCnn2dDataFormat() + " is not supported "
                        + "(only NHWC)");
            }
            requirePair(i, layer, "stride", layer.getStride(), 1);
            requirePair(i, layer, "dilation", layer.getDilation(), 1);
            if (layer.getNIn() != shape.channels()) {
                throw unsupported(i, layer, "it takes " + layer.getNIn() + " channels but receives " + shape);
            }
            int kh = layer.getKernelSize()[0];
            int kw = layer.getKernelSize()[1];
            int[] pads;
            long height;
            long width;
            if (layer.getConvolutionMode() == ConvolutionMode.Truncate) {
                requirePair(i, layer, "padding", layer.getPadding(), 0);
                pads = new int[] {0, 0, 0, 0};
                height = shape.height() - kh + 1;
                width = shape.width() - kw + 1;
            } else if (layer.getConvolutionMode() == ConvolutionMode.Same) {
                // Stride 1: DL4J pads k - 1 zeros in all, floor((k - 1) / 2) before and the rest after.
                pads = new int[] {(kh - 1) / 2, (kw - 1) / 2, kh - 1 - (kh - 1) / 2, kw - 1 - (kw - 1) / 2};
                height = shape.height();
                width = shape.width();
            } else {
                throw unsupported(i, layer, "convolution mode " + layer.getConvolutionMode() + " is not supported "
                        + "(only Truncate, Keras' \"valid\", and Same)");
            }
            if (height < 1 || width < 1) {
                throw unsupported(i, layer, "a " + kh + "x" + kw + " kernel does not fit " + shape);
            }
            String name = "layer" + i;
            long out = layer.getNOut();
            ONNXInitializer weights = floats(name + "_W", param(i, "W", out * shape.channels() * kh * kw),
                    List.of((int) out, (int) shape.channels(), kh, kw));
            List<ONNXRef<?>> inputs = new ArrayList<>(List.of(current, weights));
            if (layer.hasBias()) {
                inputs.add(floats(name + "_b", param(i, "b", out), List.of((int) out)));
            }
            current = context.operation(LayerOperators.CONV, inputs, name + "_conv", attributes(
                    "kernel_shape", new int[] {kh, kw}, "strides", new int[] {1, 1}, "pads", pads,
                    "dilations", new int[] {1, 1}));
            shape = Activations.image(out, height, width);
            activation(i, layer, layer.getActivationFn(), false);
        }

        private void pooling(int i, SubsamplingLayer layer) throws UnsupportedNetworkException {
            requireImages(i, layer);
            if (layer.getPoolingType() != PoolingType.MAX) {
                throw unsupported(i, layer, "pooling type " + layer.getPoolingType() + " is not supported (only MAX)");
            }
            if (layer.getCnn2dDataFormat() != CNN2DFormat.NHWC) {
                throw unsupported(i, layer, "data format " + layer.getCnn2dDataFormat() + " is not supported "
                        + "(only NHWC)");
            }
            if (layer.getConvolutionMode() != ConvolutionMode.Truncate) {
                throw unsupported(i, layer, "convolution mode " + layer.getConvolutionMode() + " is not supported "
                        + "for pooling (only Truncate: windows that do not fit are dropped)");
            }
            requirePair(i, layer, "padding", layer.getPadding(), 0);
            requirePair(i, layer, "dilation", layer.getDilation(), 1);
            int kh = layer.getKernelSize()[0];
            int kw = layer.getKernelSize()[1];
            int sh = layer.getStride()[0];
            int sw = layer.getStride()[1];
            if (kh < 1 || kw < 1 || sh < 1 || sw < 1 || kh > shape.height() || kw > shape.width()) {
                throw unsupported(i, layer, "a " + kh + "x" + kw + " window with stride " + sh + "x" + sw
                        + " does not fit " + shape);
            }
            // Truncate: floor((size - k) / s) + 1 windows, as ONNX's MaxPool without padding (ceil_mode 0).
            current = node(LayerOperators.MAX_POOL, "layer" + i + "_pool", attributes("kernel_shape",
                    new int[] {kh, kw}, "strides", new int[] {sh, sw}, "pads", new int[] {0, 0, 0, 0}), current);
            shape = Activations.image(shape.channels(), (shape.height() - kh) / sh + 1, (shape.width() - kw) / sw + 1);
        }

        /** DL4J's dense and output layers: x W + b, with W [nIn, nOut] as DL4J stores it. */
        private void dense(int i, org.deeplearning4j.nn.conf.layers.FeedForwardLayer layer, boolean bias)
                throws UnsupportedNetworkException {
            if (shape.image()) {
                throw unsupported(i, layer, "it receives " + shape + " without a preprocessor flattening them");
            }
            requireNoWeightNoise(i, layer);
            if (layer.getNIn() != shape.size()) {
                throw unsupported(i, layer, "it takes " + layer.getNIn() + " inputs but receives " + shape);
            }
            String name = "layer" + i;
            long in = layer.getNIn();
            long out = layer.getNOut();
            List<ONNXRef<?>> inputs = new ArrayList<>(List.of(current,
                    floats(name + "_W", param(i, "W", in * out), List.of((int) in, (int) out))));
            if (bias) {
                inputs.add(floats(name + "_b", param(i, "b", out), List.of((int) out)));
            }
            current = context.operation(ONNXOperators.GEMM, inputs, name + "_dense", attributes());
            shape = Activations.flat(out);
        }

        private void activation(int i, Layer layer, IActivation activation, boolean output)
                throws UnsupportedNetworkException {
            if (output) {
                if (activation == null || activation.getClass() != ActivationSoftmax.class) {
                    throw unsupported(i, layer, "the output activation is " + activation + "; only softmax "
                            + "gives the class probabilities the export promises");
                }
                current = node(ONNXOperators.SOFTMAX, "layer" + i + "_softmax", attributes("axis", 1), current);
            } else if (activation != null && activation.getClass() == ActivationIdentity.class) {
                return;
            } else if (isPlainRelu(activation)) {
                current = node(LayerOperators.RELU, "layer" + i + "_relu", attributes(), current);
            } else {
                throw unsupported(i, layer, "activation " + describe(activation) + " is not supported (only plain "
                        + "ReLU and identity in hidden layers)");
            }
        }

        /** ReLU without DL4J's variants (a cap, a threshold or a negative slope). */
        private static boolean isPlainRelu(IActivation activation) {
            return activation != null && activation.getClass() == ActivationReLU.class
                    && ((ActivationReLU) activation).getMax() == null
                    && isZeroOrNull(((ActivationReLU) activation).getThreshold())
                    && isZeroOrNull(((ActivationReLU) activation).getNegativeSlope());
        }

        /** ActivationReLU prints as "relu" whatever its variant: name the settings that make it one. */
        private static String describe(IActivation activation) {
            if (activation instanceof ActivationReLU relu) {
                return "ReLU with max " + relu.getMax() + ", threshold " + relu.getThreshold() + " and negative slope "
                        + relu.getNegativeSlope();
            }
            return String.valueOf(activation);
        }

        private static boolean isZeroOrNull(Double value) {
            return value == null || value == 0.0;
        }

        private void requireImages(int i, Layer layer) throws UnsupportedNetworkException {
            if (!shape.image()) {
                throw unsupported(i, layer, "it needs images but receives " + shape);
            }
            requireNoWeightNoise(i, layer);
        }

        /** Weight noise (DropConnect and the like) may act at inference; DL4J's default is none. */
        private static void requireNoWeightNoise(int i, Layer layer) throws UnsupportedNetworkException {
            if (layer instanceof BaseLayer base && base.getWeightNoise() != null) {
                throw unsupported(i, layer, "weight noise " + base.getWeightNoise() + " is not supported");
            }
        }

        private static void requirePair(int i, Layer layer, String what, int[] values, int expected)
                throws UnsupportedNetworkException {
            if (values == null || values.length != 2 || values[0] != expected || values[1] != expected) {
                throw unsupported(i, layer, what + " " + Arrays.toString(values) + " is not supported (only "
                        + expected + "x" + expected + ")");
            }
        }

        /** A parameter's values in row-major order of DL4J's shape ([out, in, kh, kw] for convolutions). */
        private float[] param(int i, String key, long expectedLength) {
            INDArray value = network.getLayer(i).getParam(key);
            if (value == null || value.length() != expectedLength) {
                throw new IllegalStateException("layer " + i + " has no parameter " + key + " of " + expectedLength
                        + " values");
            }
            return org.nd4j.linalg.factory.Nd4j.toFlattened('c', value).toFloatVector();
        }

        /** One node; ONNXContext makes the output's name unique by appending "_0". */
        private ONNXRef<?> node(org.tribuo.util.onnx.ONNXOperator operator, String output,
                                Map<String, Object> attributes, ONNXRef<?>... inputs) {
            return context.operation(operator, Arrays.asList(inputs), output, attributes);
        }

        private ONNXInitializer floats(String name, float[] values, List<Integer> dims) {
            return context.floatTensor(name, dims, buffer -> buffer.put(values));
        }
    }

    /** Ordered, so the attributes are written in the same order every time. */
    private static Map<String, Object> attributes(Object... namesAndValues) {
        Map<String, Object> map = new LinkedHashMap<>();
        for (int i = 0; i < namesAndValues.length; i += 2) {
            map.put((String) namesAndValues[i], namesAndValues[i + 1]);
        }
        return map;
    }

    private static UnsupportedNetworkException unsupported(int index, Layer layer, String why) {
        // DL4J names unnamed layers "layer<index>": only a name someone gave says more than the index.
        String name = layer.getLayerName() == null || layer.getLayerName().equals("layer" + index) ? ""
                : " '" + layer.getLayerName() + "'";
        return new UnsupportedNetworkException("Cannot export the network to ONNX: layer " + index + name + " ("
                + layer.getClass().getSimpleName() + "): " + why + ". No ONNX file was written.");
    }
}
