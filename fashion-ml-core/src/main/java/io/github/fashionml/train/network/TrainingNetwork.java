package io.github.fashionml.train.network;

import org.deeplearning4j.nn.api.Layer;
import org.deeplearning4j.nn.conf.MultiLayerConfiguration;
import org.deeplearning4j.nn.gradient.Gradient;
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
 * told when its input gradient is unused.
 *
 * <p>Only the runtime layers differ: the configuration is DL4J's own, so the network saves and loads as
 * a plain {@code MultiLayerNetwork}. A dense network trains to the same parameters, bit for bit, as a plain
 * one; a convolutional one gets the same gradients to float rounding, as its first convolution sums its
 * weight gradient in another order than oneDNN (tests check both).
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
                Layer replacement = forwardCaching(layers[i], dataType);
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

    /** The same layer, parameters and configuration, in its forward-caching form where there is one. */
    private static Layer forwardCaching(Layer layer, DataType dataType) {
        Layer replacement;
        if (layer.getClass() == DenseLayer.class) {
            replacement = new ForwardCachingDenseLayer(layer.conf(), dataType);
        } else if (layer.getClass() == ConvolutionLayer.class) {
            replacement = new ForwardCachingConvolutionLayer(layer.conf(), dataType);
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
}
