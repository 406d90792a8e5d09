package io.github.fashionml.train.network;

import org.deeplearning4j.nn.conf.NeuralNetConfiguration;
import org.deeplearning4j.nn.layers.OutputLayer;
import org.deeplearning4j.nn.params.DefaultParamInitializer;
import org.deeplearning4j.nn.workspace.LayerWorkspaceMgr;
import org.nd4j.common.primitives.Pair;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * DL4J's output layer, with its training forward product computed by {@link DenseProducts}. DL4J computes it
 * twice per step (for the gradient and again for the loss), each time through a transposing copy.
 * Inference keeps DL4J's path, so evaluation matches a loaded model.
 */
final class TrainingOutputLayer extends OutputLayer {
    private final DenseProducts products = new DenseProducts();

    TrainingOutputLayer(NeuralNetConfiguration conf, DataType dataType) {
        super(conf, dataType);
    }

    @Override
    protected Pair<INDArray, INDArray> preOutputWithPreNorm(boolean training, boolean forBackprop,
            LayerWorkspaceMgr workspaceMgr) {
        if (!DenseProducts.handles(this, training)) {
            return super.preOutputWithPreNorm(training, forBackprop, workspaceMgr);
        }
        assertInputSet(forBackprop);
        applyDropOutIfNecessary(true, workspaceMgr);
        INDArray z = products.forward(input, getParamWithNoise(DefaultParamInitializer.WEIGHT_KEY, true, workspaceMgr),
                hasBias() ? getParamWithNoise(DefaultParamInitializer.BIAS_KEY, true, workspaceMgr) : null,
                workspaceMgr);
        return new Pair<>(z, z);
    }
}
