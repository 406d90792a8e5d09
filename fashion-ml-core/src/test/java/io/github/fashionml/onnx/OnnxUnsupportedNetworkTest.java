package io.github.fashionml.onnx;

import io.github.fashionml.model.Preprocessing;
import io.github.fashionml.nativeblas.NativeBackend;
import org.deeplearning4j.nn.conf.CNN2DFormat;
import org.deeplearning4j.nn.conf.ConvolutionMode;
import org.deeplearning4j.nn.conf.NeuralNetConfiguration;
import org.deeplearning4j.nn.conf.inputs.InputType;
import org.deeplearning4j.nn.conf.layers.ActivationLayer;
import org.deeplearning4j.nn.conf.layers.BatchNormalization;
import org.deeplearning4j.nn.conf.layers.ConvolutionLayer;
import org.deeplearning4j.nn.conf.layers.DenseLayer;
import org.deeplearning4j.nn.conf.layers.DepthwiseConvolution2D;
import org.deeplearning4j.nn.conf.layers.Layer;
import org.deeplearning4j.nn.conf.layers.OutputLayer;
import org.deeplearning4j.nn.conf.layers.SubsamplingLayer;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.nd4j.linalg.activations.Activation;
import org.nd4j.linalg.activations.impl.ActivationReLU;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.lossfunctions.LossFunctions;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.function.Supplier;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Networks with something the exporter was not written for are refused with a message naming the layer and
 * what is unsupported, and no file appears (an existing one is left as it was).
 */
class OnnxUnsupportedNetworkTest {
    private static final OnnxMetadata METADATA = OnnxMetadata.of("unsupported", "f".repeat(64), "p".repeat(64), 1);
    private static final InputType IMAGES = InputType.convolutional(28, 28, 1, CNN2DFormat.NHWC);
    private static final InputType PIXELS = InputType.feedForward(784);

    @TempDir
    Path dir;

    @BeforeAll
    static void backend() throws Exception {
        NativeBackend.start(NativeBackend.AUTO);
    }

    static Stream<Arguments> networks() {
        return Stream.of(
                refused("average pooling", () -> network(IMAGES, conv().build(),
                        pool(SubsamplingLayer.PoolingType.AVG).build(), output()),
                        "layer 1", "SubsamplingLayer", "pooling type AVG"),
                refused("tanh in a dense layer", () -> network(PIXELS,
                        new DenseLayer.Builder().nOut(16).activation(Activation.TANH).build(), output()),
                        "layer 0", "DenseLayer", "activation tanh"),
                refused("a capped ReLU", () -> network(IMAGES, conv().build(), pool(SubsamplingLayer.PoolingType.MAX)
                        .build(), new ActivationLayer.Builder().activation(new ActivationReLU(6.0, 0.0, 0.0))
                        .build(), output()), "layer 2", "ActivationLayer", "ReLU with max 6.0"),
                refused("batch normalisation", () -> network(PIXELS, new DenseLayer.Builder().nOut(16)
                        .activation(Activation.RELU).build(), new BatchNormalization.Builder().build(), output()),
                        "layer 1", "BatchNormalization", "layer type is not supported"),
                refused("channels-first convolution", () -> network(
                        InputType.convolutional(28, 28, 1, CNN2DFormat.NCHW),
                        conv().dataFormat(CNN2DFormat.NCHW).build(), output()),
                        "layer 0", "ConvolutionLayer", "data format NCHW"),
                refused("a strided convolution", () -> network(IMAGES, conv().stride(2, 2).build(), output()),
                        "layer 0", "ConvolutionLayer", "stride [2, 2]"),
                refused("a dilated convolution", () -> network(IMAGES, conv().dilation(2, 2).build(), output()),
                        "layer 0", "ConvolutionLayer", "dilation [2, 2]"),
                refused("a depthwise convolution (a ConvolutionLayer subclass)", () -> network(IMAGES,
                        new DepthwiseConvolution2D.Builder(3, 3).depthMultiplier(2).nOut(2)
                                .dataFormat(CNN2DFormat.NHWC).build(), output()),
                        "layer 0", "DepthwiseConvolution2D", "layer type is not supported"),
                refused("same-mode pooling", () -> network(IMAGES, conv().build(),
                        pool(SubsamplingLayer.PoolingType.MAX).convolutionMode(ConvolutionMode.Same).build(),
                        output()), "layer 1", "SubsamplingLayer", "convolution mode Same"),
                refused("an output layer without softmax", () -> network(PIXELS,
                        new OutputLayer.Builder(LossFunctions.LossFunction.MSE).nOut(10)
                                .activation(Activation.IDENTITY).build()), "layer 0", "OutputLayer", "softmax"),
                refused("a double-precision network", () -> network(PIXELS, DataType.DOUBLE, output()),
                        "data type is DOUBLE"),
                refused("a dense network for other images", () -> network(InputType.feedForward(100), output()),
                        "layer 0", "OutputLayer", "takes 100 inputs"),
                refused("an RGB network with grey metadata", () -> network(
                        InputType.convolutional(28, 28, 3, CNN2DFormat.NHWC), conv().build(), output()),
                        "layer 0", "ConvolutionLayer", "takes 3 channels but receives images of 28x28x1"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("networks")
    void isRefusedWithAMessageAndNoFile(String what, Supplier<MultiLayerNetwork> network, List<String> fragments)
            throws Exception {
        Path target = dir.resolve("out/model.onnx");
        UnsupportedNetworkException e = assertThrows(UnsupportedNetworkException.class,
                () -> OnnxExporter.write(network.get(), new Preprocessing(null, null), METADATA, target));
        for (String fragment : fragments) {
            assertTrue(e.getMessage().contains(fragment),
                    what + ": '" + fragment + "' missing from: " + e.getMessage());
        }
        assertFalse(Files.exists(target), "no file is written");
        assertFalse(Files.exists(target.getParent()) && Files.list(target.getParent()).findAny().isPresent(),
                "nothing is left in the directory");
    }

    @Test
    void aRefusedExportLeavesThePreviousFileAsItWas() throws Exception {
        Path target = dir.resolve("model.onnx");
        Files.writeString(target, "the previous export");
        MultiLayerNetwork averagePooling = network(IMAGES, conv().build(),
                pool(SubsamplingLayer.PoolingType.AVG).build(), output());
        assertThrows(UnsupportedNetworkException.class,
                () -> OnnxExporter.write(averagePooling, new Preprocessing(null, null), METADATA, target));
        assertEquals("the previous export", Files.readString(target));
        assertEquals(1, Files.list(dir).count(), "no temporary file is left");
    }

    private static Arguments refused(String what, Supplier<MultiLayerNetwork> network, String... fragments) {
        return Arguments.of(what, network, List.of(fragments));
    }

    private static ConvolutionLayer.Builder conv() {
        return new ConvolutionLayer.Builder(3, 3).nOut(4).stride(1, 1).convolutionMode(ConvolutionMode.Truncate)
                .activation(Activation.IDENTITY).dataFormat(CNN2DFormat.NHWC);
    }

    private static SubsamplingLayer.Builder pool(SubsamplingLayer.PoolingType type) {
        return new SubsamplingLayer.Builder(type).kernelSize(2, 2).stride(2, 2).dataFormat(CNN2DFormat.NHWC);
    }

    private static Layer output() {
        return new OutputLayer.Builder(LossFunctions.LossFunction.MCXENT).nOut(10).activation(Activation.SOFTMAX)
                .build();
    }

    private static MultiLayerNetwork network(InputType input, Layer... layers) {
        return network(input, DataType.FLOAT, layers);
    }

    private static MultiLayerNetwork network(InputType input, DataType type, Layer... layers) {
        NeuralNetConfiguration.ListBuilder list = new NeuralNetConfiguration.Builder().seed(1).dataType(type).list();
        for (Layer layer : layers) {
            list.layer(layer);
        }
        list.setInputType(input);
        MultiLayerNetwork network = new MultiLayerNetwork(list.build());
        network.init();
        return network;
    }
}
