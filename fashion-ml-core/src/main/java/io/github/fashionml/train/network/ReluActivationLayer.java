package io.github.fashionml.train.network;

import org.deeplearning4j.nn.conf.NeuralNetConfiguration;
import org.deeplearning4j.nn.gradient.DefaultGradient;
import org.deeplearning4j.nn.gradient.Gradient;
import org.deeplearning4j.nn.layers.ActivationLayer;
import org.deeplearning4j.nn.workspace.ArrayType;
import org.deeplearning4j.nn.workspace.LayerWorkspaceMgr;
import org.nd4j.common.primitives.Pair;
import org.nd4j.linalg.activations.IActivation;
import org.nd4j.linalg.activations.impl.ActivationReLU;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.api.ops.impl.scalar.ScalarAdd;
import org.nd4j.linalg.api.ops.impl.scalar.Step;
import org.nd4j.linalg.api.ops.impl.transforms.pairwise.arithmetic.MulOp;
import org.nd4j.linalg.factory.Nd4j;

import java.util.Arrays;

/**
 * DL4J's activation layer for a plain ReLU (the convolutional networks' ReLU after each pooling), with its backprop
 * as three vectorised passes: libnd4j's {@code relu_bp} calls a function object per element, 2.4 ms for a
 * [128, 14, 14, 32] array where these take a fraction of that. The result is relu_bp's, bit for bit: a step of the
 * input times the gradient, plus +0 so that a zeroed negative gradient is +0 as relu_bp writes it, not -0.
 */
final class ReluActivationLayer extends ActivationLayer {
    private static final ActivationReLU RELU = new ActivationReLU();

    ReluActivationLayer(NeuralNetConfiguration conf, DataType dataType) {
        super(conf, dataType);
    }

    /** A plain ReLU layer without dropout on it. */
    static boolean handles(org.deeplearning4j.nn.conf.layers.ActivationLayer layer) {
        return isPlainRelu(layer.getActivationFn()) && layer.getIDropout() == null;
    }

    /** A ReLU with no threshold, maximum or negative slope: the one whose derivative is a step at 0. */
    static boolean isPlainRelu(IActivation activation) {
        return RELU.equals(activation);
    }

    @Override
    public Pair<Gradient, INDArray> backpropGradient(INDArray epsilon, LayerWorkspaceMgr workspaceMgr) {
        assertInputSet(true);
        if (input.dataType() != epsilon.dataType() || !Arrays.equals(input.shape(), epsilon.shape())) {
            return super.backpropGradient(epsilon, workspaceMgr);
        }
        INDArray delta = workspaceMgr.createUninitialized(ArrayType.ACTIVATION_GRAD, input.dataType(), input.shape(),
                input.ordering());
        Nd4j.getExecutioner().exec(new Step(input, delta, 0.0));
        Nd4j.getExecutioner().exec(new MulOp(delta, epsilon, delta));
        Nd4j.getExecutioner().exec(new ScalarAdd(delta, 0.0));
        return new Pair<>(new DefaultGradient(), delta);
    }
}
