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
 *
 * <p>It also counts how many training images the step's own forward pass classified right, so the epoch's
 * training accuracy comes from the batches as trained (as Keras reports it) instead of an extra pass.
 */
final class TrainingOutputLayer extends OutputLayer {
    private final DenseProducts products = new DenseProducts();
    private INDArray trainingOutput;
    private long correct;
    private long seen;

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

    @Override
    protected INDArray preOutput2d(boolean training, LayerWorkspaceMgr workspaceMgr) {
        INDArray z = super.preOutput2d(training, workspaceMgr);
        trainingOutput = training ? z : null;
        return z;
    }

    /** The loss of a training step is computed once per step, after backprop: count that step's hits here. */
    @Override
    public double computeScore(double fullNetRegTerm, boolean training, LayerWorkspaceMgr workspaceMgr) {
        double score = super.computeScore(fullNetRegTerm, training, workspaceMgr);
        if (training && trainingOutput != null && labels != null) {
            // The softmax keeps the order, so the largest pre-activation is the predicted class.
            correct += trainingOutput.argMax(1).eq(labels.argMax(1)).castTo(DataType.INT).sumNumber().longValue();
            seen += trainingOutput.size(0);
        }
        trainingOutput = null;
        return score;
    }

    /** Training images counted since the last call, and how many of them were classified right; resets both. */
    long[] takeTrainingCounts() {
        long[] counts = {correct, seen};
        correct = 0;
        seen = 0;
        return counts;
    }
}
