package io.github.fashionml.train.network;

import org.deeplearning4j.nn.conf.NeuralNetConfiguration;
import org.deeplearning4j.nn.layers.convolution.ConvolutionLayer;
import org.deeplearning4j.nn.workspace.LayerWorkspaceMgr;
import org.nd4j.common.primitives.Pair;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * DL4J's convolution layer, with its backprop reusing the forward pass's convolution instead of running
 * it again. (DL4J can cache it too, through a cache mode that would also change the saved configuration.)
 * The backprop itself, oneDNN's or DL4J's, is unchanged.
 */
final class ForwardCachingConvolutionLayer extends ConvolutionLayer {
    private final ForwardCache cache = new ForwardCache();

    ForwardCachingConvolutionLayer(NeuralNetConfiguration conf, DataType dataType) {
        super(conf, dataType);
    }

    @Override
    protected Pair<INDArray, INDArray> preOutput(boolean training, boolean forBackprop, LayerWorkspaceMgr workspaceMgr) {
        if (forBackprop) {
            INDArray z = cache.take(input);
            // Without the im2col matrix, DL4J's own backprop path rebuilds it; oneDNN's does not need it.
            return z != null ? new Pair<>(z, null) : super.preOutput(training, true, workspaceMgr);
        }
        Pair<INDArray, INDArray> result = super.preOutput(training, false, workspaceMgr);
        if (training) {
            cache.keep(result.getFirst(), input, workspaceMgr);
        } else {
            cache.clear();
        }
        return result;
    }

    @Override
    public void clear() {
        super.clear();
        cache.clear();
    }
}
