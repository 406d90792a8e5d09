package io.github.fashionml.model;

import io.github.fashionml.data.FashionMnist;
import io.github.fashionml.data.ImageShape;
import org.deeplearning4j.nn.conf.CNN2DFormat;
import org.deeplearning4j.nn.conf.ConvolutionMode;
import org.deeplearning4j.nn.conf.MultiLayerConfiguration;
import org.deeplearning4j.nn.conf.NeuralNetConfiguration;
import org.deeplearning4j.nn.conf.inputs.InputType;
import org.deeplearning4j.nn.conf.layers.ActivationLayer;
import org.deeplearning4j.nn.conf.layers.ConvolutionLayer;
import org.deeplearning4j.nn.conf.layers.DenseLayer;
import org.deeplearning4j.nn.conf.layers.DropoutLayer;
import org.deeplearning4j.nn.conf.layers.OutputLayer;
import org.deeplearning4j.nn.conf.layers.SubsamplingLayer;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.deeplearning4j.nn.weights.WeightInit;
import org.nd4j.linalg.activations.Activation;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.learning.config.Adam;
import org.nd4j.linalg.lossfunctions.LossFunctions;

/**
 * Builds a DL4J network from a {@link ModelSpec}, mirroring the Keras reference: Glorot-uniform weights,
 * zero biases, "valid" or "same" convolutions, 2x2 max-pooling, Adam, softmax with cross-entropy. The input follows
 * the data's {@link ImageShape} (convolutional networks take channels-last {@code [N, H, W, C]}, as Keras does; dense
 * ones {@code [N, H*W*C]}), and the output has one unit per class.
 */
public final class NetworkFactory {
    private NetworkFactory() {
    }

    /** For Fashion-MNIST: 28x28 grey images, ten classes. */
    public static MultiLayerConfiguration configuration(ModelSpec spec) {
        return configuration(spec, ImageShape.FASHION_MNIST, FashionMnist.CLASS_COUNT);
    }

    public static MultiLayerConfiguration configuration(ModelSpec spec, ImageShape input, int classes) {
        NeuralNetConfiguration.ListBuilder layers = new NeuralNetConfiguration.Builder()
                .seed(spec.seed())
                .dataType(DataType.FLOAT)
                .weightInit(WeightInit.XAVIER_UNIFORM)
                .updater(new Adam(spec.learningRate()))
                .list();
        for (int filters : spec.filters()) {
            // Channels-last (NHWC): oneDNN's max-pooling is several times faster there than in NCHW.
            // The ReLU runs after the pooling: relu(max(x)) == max(relu(x)) exactly, and it spares oneDNN's
            // slow path for an activation on a permuted view. Same network as Conv2D(relu) + MaxPool in Keras.
            layers.layer(new ConvolutionLayer.Builder(spec.kernelSize(), spec.kernelSize())
                    .nOut(filters).stride(1, 1).convolutionMode(convolutionMode(spec))
                    .activation(Activation.IDENTITY).dataFormat(CNN2DFormat.NHWC).build());
            layers.layer(new SubsamplingLayer.Builder(SubsamplingLayer.PoolingType.MAX)
                    .kernelSize(2, 2).stride(2, 2).dataFormat(CNN2DFormat.NHWC).build());
            layers.layer(new ActivationLayer.Builder().activation(Activation.RELU).build());
        }
        if (spec.convolutional() && spec.convDropout() > 0) {
            layers.layer(dropout(spec.convDropout()));
        }
        for (int units : spec.dense()) {
            layers.layer(new DenseLayer.Builder().nOut(units).activation(Activation.RELU).build());
            if (spec.denseDropout() > 0) {
                layers.layer(dropout(spec.denseDropout()));
            }
        }
        layers.layer(new OutputLayer.Builder(LossFunctions.LossFunction.MCXENT)
                .nOut(classes).activation(Activation.SOFTMAX).build());
        layers.setInputType(inputType(spec.convolutional(), input, CNN2DFormat.NHWC));
        return layers.build();
    }

    /** A new, initialised network for Fashion-MNIST: its weights are a function of the spec's seed alone. */
    public static MultiLayerNetwork create(ModelSpec spec) {
        return create(spec, ImageShape.FASHION_MNIST, FashionMnist.CLASS_COUNT);
    }

    /** A new, initialised network for images of this shape and this many classes. */
    public static MultiLayerNetwork create(ModelSpec spec, ImageShape input, int classes) {
        MultiLayerNetwork network = new MultiLayerNetwork(configuration(spec, input, classes));
        network.init();
        return network;
    }

    /** What the first layer takes: images for convolutions, flat vectors of every sample for dense layers. */
    static InputType inputType(boolean convolutional, ImageShape input, CNN2DFormat format) {
        return convolutional
                ? InputType.convolutional(input.height(), input.width(), input.channels(), format)
                : InputType.feedForward(input.samples());
    }

    /** Keras' "valid" is DL4J's Truncate (its default); "same" pads with zeros to keep the size. */
    private static ConvolutionMode convolutionMode(ModelSpec spec) {
        return spec.samePadding() ? ConvolutionMode.Same : ConvolutionMode.Truncate;
    }

    /** DL4J's dropout takes the probability of keeping a unit; specs, like Keras, give the rate dropped. */
    private static DropoutLayer dropout(double rate) {
        return new DropoutLayer.Builder(1.0 - rate).build();
    }
}
