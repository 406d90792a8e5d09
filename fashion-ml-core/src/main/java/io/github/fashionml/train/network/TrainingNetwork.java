package io.github.fashionml.train.network;

import org.deeplearning4j.nn.api.Layer;
import org.deeplearning4j.nn.conf.MultiLayerConfiguration;
import org.deeplearning4j.nn.gradient.Gradient;
import org.deeplearning4j.nn.layers.ActivationLayer;
import org.deeplearning4j.nn.layers.DropoutLayer;
import org.deeplearning4j.nn.layers.OutputLayer;
import org.deeplearning4j.nn.layers.convolution.ConvolutionLayer;
import org.deeplearning4j.nn.layers.feedforward.dense.DenseLayer;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.nd4j.common.primitives.Pair;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * A {@link MultiLayerNetwork} that trains with less arithmetic. DL4J's dense and convolution layers compute
 * their forward product a second time in backprop, and the first layer computes a gradient for the input
 * images that nobody reads. Here those layers run as {@link ForwardCachingDenseLayer} and
 * {@link ForwardCachingConvolutionLayer}, which keep the forward result for backprop, and the first layer is
 * told when its input gradient is unused. The output layer runs as {@link TrainingOutputLayer}, whose forward
 * product is written in place like the dense layers' ({@link DenseProducts}), and dropout layers as
 * {@link JavaMaskDropoutLayer}, which draws its masks in Java, and ReLU activation layers as
 * {@link ReluActivationLayer}, whose backprop is libnd4j's to the bit, only faster.
 *
 * <p>Only the runtime layers differ: the configuration is DL4J's own, so the network saves and loads as
 * a plain {@code MultiLayerNetwork}. The products sum in another order than DL4J's, so gradients agree with a
 * plain network's to float rounding, and the dropout masks are other draws from the same seed (tests check
 * both); training is still bitwise reproducible run to run.
 */
public final class TrainingNetwork extends MultiLayerNetwork {
    public TrainingNetwork(MultiLayerConfiguration configuration) {
        super(configuration);
    }

    @Override
    public void init(INDArray parameters, boolean cloneParametersArray) {
        boolean first = !isInitCalled();
        super.init(parameters, cloneParametersArray);
        if (first) {
            DataType dataType = getLayerWiseConfigurations().getDataType();
            for (int i = 0; i < layers.length; i++) {
                Layer replacement = trainingForm(layers[i], dataType);
                if (replacement != layers[i]) {
                    layerMap.replace(layers[i].conf().getLayer().getLayerName(), replacement);
                    layers[i] = replacement;
                }
            }
        }
    }

    @Override
    protected Pair<Gradient, INDArray> calcBackpropGradients(INDArray epsilon, boolean withOutputLayer, boolean tbptt,
                                                             boolean returnInputActGrad) {
        if (layers[0] instanceof InputGradientOptional first) {
            // fit() discards the first layer's input gradient; an input preprocessor would still want one.
            first.inputGradientNeeded(returnInputActGrad || getLayerWiseConfigurations().getInputPreProcess(0) != null);
        }
        return super.calcBackpropGradients(epsilon, withOutputLayer, tbptt, returnInputActGrad);
    }

    /** The same layer, parameters and configuration, in its faster training form where there is one. */
    private static Layer trainingForm(Layer layer, DataType dataType) {
        Layer replacement;
        if (layer.getClass() == DenseLayer.class) {
            replacement = new ForwardCachingDenseLayer(layer.conf(), dataType);
        } else if (layer.getClass() == ConvolutionLayer.class) {
            replacement = new ForwardCachingConvolutionLayer(layer.conf(), dataType);
        } else if (layer.getClass() == OutputLayer.class) {
            replacement = new TrainingOutputLayer(layer.conf(), dataType);
        } else if (layer.getClass() == ActivationLayer.class
                && ReluActivationLayer.handles((org.deeplearning4j.nn.conf.layers.ActivationLayer) layer.conf().getLayer())) {
            replacement = new ReluActivationLayer(layer.conf(), dataType);
        } else if (layer.getClass() == DropoutLayer.class
                && JavaMaskDropoutLayer.handles(layer.conf().getLayer().getIDropout())) {
            replacement = new JavaMaskDropoutLayer(layer.conf(), dataType);
        } else {
            return layer;
        }
        replacement.setListeners(layer.getListeners());
        replacement.setIndex(layer.getIndex());
        replacement.setParamsViewArray(layer.params());
        replacement.setParamTable(layer.paramTable());
        replacement.setConf(layer.conf());
        return replacement;
    }

    /**
     * The share of training images that their own step's forward pass classified right since the last call
     * (dropout on, before the step's update), or NaN when no step ran.
     */
    public double takeTrainingAccuracy() {
        if (!(getOutputLayer() instanceof TrainingOutputLayer output)) {
            return Double.NaN;
        }
        long[] counts = output.takeTrainingCounts();
        return counts[1] == 0 ? Double.NaN : (double) counts[0] / counts[1];
    }
}
