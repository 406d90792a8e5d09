package io.github.fashionml.train.network;

import org.deeplearning4j.nn.workspace.ArrayType;
import org.deeplearning4j.nn.workspace.LayerWorkspaceMgr;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * One layer's pre-activation from the last training forward pass, held for the backprop that follows.
 * It is kept in the activations workspace, which DL4J keeps open from the forward pass through backprop
 * (the layers' inputs live there too), and is handed out only for the input it was computed from.
 */
final class ForwardCache {
    private INDArray preActivation;
    private INDArray input;

    /** Keeps a copy: the activation function and the next layer may overwrite the original in place. */
    void keep(INDArray preActivation, INDArray input, LayerWorkspaceMgr workspaceMgr) {
        this.preActivation = workspaceMgr.dup(ArrayType.ACTIVATIONS, preActivation);
        this.input = input;
    }

    /**
     * Keeps the array itself, for a layer whose activation backprop never reads it (the identity): whatever
     * the next layer does to it in place, the gradient is the same, and the copy is saved.
     */
    void keepUncopied(INDArray preActivation, INDArray input) {
        this.preActivation = preActivation;
        this.input = input;
    }

    /** The kept pre-activation if it was computed from {@code input}, else null; either way the cache empties. */
    INDArray take(INDArray input) {
        INDArray kept = this.input == input ? preActivation : null;
        clear();
        return kept;
    }

    void clear() {
        preActivation = null;
        input = null;
    }
}
