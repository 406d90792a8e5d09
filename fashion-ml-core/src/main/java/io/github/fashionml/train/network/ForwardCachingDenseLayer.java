package io.github.fashionml.train.network;

import org.deeplearning4j.nn.conf.NeuralNetConfiguration;
import org.deeplearning4j.nn.gradient.DefaultGradient;
import org.deeplearning4j.nn.gradient.Gradient;
import org.deeplearning4j.nn.layers.feedforward.dense.DenseLayer;
import org.deeplearning4j.nn.params.DefaultParamInitializer;
import org.deeplearning4j.nn.workspace.ArrayType;
import org.deeplearning4j.nn.workspace.LayerWorkspaceMgr;
import org.nd4j.common.primitives.Pair;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.api.ops.impl.scalar.Step;
import org.nd4j.linalg.api.ops.impl.transforms.pairwise.arithmetic.MulOp;
import org.nd4j.linalg.factory.Nd4j;

/**
 * DL4J's dense layer, with its backprop reusing the forward pass's pre-activation instead of multiplying
 * the input by the weights again, and skipping the input gradient when the layer is told nobody reads it.
 * For the dense network's first layer (784 x 512) that is two of its four matrix products per batch.
 * The training forward product runs as its transpose (see {@link #preOutputWithPreNorm}), which sums in another
 * order than DL4J's: outputs and gradients agree with DL4J's to float rounding, not bit for bit.
 */
final class ForwardCachingDenseLayer extends DenseLayer implements InputGradientOptional {

    private final ForwardCache cache = new ForwardCache();
    private final DenseProducts products = new DenseProducts();
    private boolean inputGradientNeeded = true;

    ForwardCachingDenseLayer(NeuralNetConfiguration conf, DataType dataType) {
        super(conf, dataType);
    }

    @Override
    public void inputGradientNeeded(boolean needed) {
        inputGradientNeeded = needed;
    }

    @Override
    public INDArray activate(boolean training, LayerWorkspaceMgr workspaceMgr) {
        INDArray z = preOutput(training, workspaceMgr);
        if (training && !hasLayerNorm() && maskArray == null) {
            cache.keep(z, input, workspaceMgr);
        } else {
            cache.clear();
        }
        INDArray activation = layerConf().getActivationFn().getActivation(z, training);
        if (maskArray != null) {
            applyMask(activation);
        }
        return activation;
    }

    /** In training, the product runs as {@link DenseProducts} computes it; inference keeps DL4J's path. */
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
    public Pair<Gradient, INDArray> backpropGradient(INDArray epsilon, LayerWorkspaceMgr workspaceMgr) {
        INDArray z = cache.take(input);
        if (z == null || hasLayerNorm() || maskArray != null) {
            return super.backpropGradient(epsilon, workspaceMgr);
        }
        assertInputSet(true);
        INDArray delta;
        if (ReluActivationLayer.isPlainRelu(layerConf().getActivationFn()) && z.dataType() == epsilon.dataType()) {
            // ReLU's derivative as a step and a product, in place on the cached copy: libnd4j's relu_bp calls a
            // function object per element, ~10x slower. (A zero gradient may come out as -0: the same sums.)
            Nd4j.getExecutioner().exec(new Step(z, z, 0.0));
            Nd4j.getExecutioner().exec(new MulOp(z, epsilon, z));
            delta = z;
        } else {
            delta = layerConf().getActivationFn().backprop(z, epsilon).getFirst();
        }

        Gradient gradient = new DefaultGradient();
        if (hasBias()) {
            INDArray biasGrad = gradientViews.get(DefaultParamInitializer.BIAS_KEY);
            products.columnSums(delta, biasGrad);
            gradient.gradientForVariable().put(DefaultParamInitializer.BIAS_KEY, biasGrad);
        }

        INDArray epsilonNext = null;
        if (inputGradientNeeded) {
            INDArray w = getParamWithNoise(DefaultParamInitializer.WEIGHT_KEY, true, workspaceMgr);
            epsilonNext = workspaceMgr.createUninitialized(ArrayType.ACTIVATION_GRAD, delta.dataType(),
                    new long[] {w.size(0), delta.size(0)}, 'f');
            epsilonNext = w.mmuli(delta.transpose(), epsilonNext).transpose();
        }

        INDArray weightGrad = gradientViews.get(DefaultParamInitializer.WEIGHT_KEY);
        Nd4j.gemm(input.castTo(weightGrad.dataType()), delta, weightGrad, true, false, 1.0, 0.0);
        gradient.gradientForVariable().put(DefaultParamInitializer.WEIGHT_KEY, weightGrad);

        weightNoiseParams.clear();
        if (epsilonNext != null) {
            epsilonNext = backpropDropOutIfPresent(epsilonNext);
        }
        return new Pair<>(gradient, epsilonNext);
    }

    @Override
    public void clear() {
        super.clear();
        cache.clear();
    }
}
