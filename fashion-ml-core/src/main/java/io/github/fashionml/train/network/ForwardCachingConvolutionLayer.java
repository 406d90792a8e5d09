package io.github.fashionml.train.network;

import org.deeplearning4j.nn.conf.CNN2DFormat;
import org.deeplearning4j.nn.conf.ConvolutionMode;
import org.deeplearning4j.nn.conf.NeuralNetConfiguration;
import org.deeplearning4j.nn.gradient.DefaultGradient;
import org.deeplearning4j.nn.gradient.Gradient;
import org.deeplearning4j.nn.layers.convolution.ConvolutionLayer;
import org.deeplearning4j.nn.params.ConvolutionParamInitializer;
import org.deeplearning4j.nn.workspace.ArrayType;
import org.deeplearning4j.nn.workspace.LayerWorkspaceMgr;
import org.deeplearning4j.util.ConvolutionUtils;
import org.nd4j.common.primitives.Pair;
import org.nd4j.linalg.activations.impl.ActivationIdentity;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.convolution.Convolution;
import org.nd4j.linalg.factory.Nd4j;

/**
 * DL4J's convolution layer, with its backprop reusing the forward pass's convolution instead of running
 * it again. (DL4J can cache it too, through a cache mode that would also change the saved configuration.)
 *
 * <p>As a network's first layer, whose input gradient nobody reads, it computes only the weight and bias
 * gradients: one im2col, one matrix product over the whole batch for the weights and one product with a row
 * of ones for the bias. oneDNN's backprop always computes the input gradient too, and for one input channel in
 * channels-last layout it took about a third of a cnn training step. The sums
 * run in another order than oneDNN's, so the gradients agree to float rounding, not bit for bit.
 * Elsewhere the backprop, oneDNN's or DL4J's, is unchanged.
 */
final class ForwardCachingConvolutionLayer extends ConvolutionLayer implements InputGradientOptional {
    private final ForwardCache cache = new ForwardCache();
    private boolean inputGradientNeeded = true;

    ForwardCachingConvolutionLayer(NeuralNetConfiguration conf, DataType dataType) {
        super(conf, dataType);
    }

    @Override
    public void inputGradientNeeded(boolean needed) {
        inputGradientNeeded = needed;
    }

    @Override
    protected Pair<INDArray, INDArray> preOutput(boolean training, boolean forBackprop, LayerWorkspaceMgr workspaceMgr) {
        if (forBackprop) {
            INDArray z = cache.take(input);
            // Without the im2col matrix, DL4J's own backprop path rebuilds it; oneDNN's does not need it.
            return z != null ? new Pair<>(z, null) : super.preOutput(training, true, workspaceMgr);
        }
        Pair<INDArray, INDArray> result = super.preOutput(training, false, workspaceMgr);
        if (training && layerConf().getActivationFn() instanceof ActivationIdentity) {
            // The networks' convolutions are linear (their ReLU comes after the pooling): nothing to copy.
            cache.keepUncopied(result.getFirst(), input);
        } else if (training) {
            cache.keep(result.getFirst(), input, workspaceMgr);
        } else {
            cache.clear();
        }
        return result;
    }

    @Override
    public Pair<Gradient, INDArray> backpropGradient(INDArray epsilon, LayerWorkspaceMgr workspaceMgr) {
        if (inputGradientNeeded || maskArray != null || layerConf().getCnn2dDataFormat() != CNN2DFormat.NHWC) {
            return super.backpropGradient(epsilon, workspaceMgr);
        }
        assertInputSet(true);
        INDArray z = preOutput(true, true, workspaceMgr).getFirst();
        INDArray delta = layerConf().getActivationFn().backprop(z, epsilon.castTo(dataType)).getFirst();

        // Shapes in NCHW terms, as DL4J's weights are [out channels, in channels, kH, kW].
        INDArray in = input.castTo(dataType).permute(0, 3, 1, 2);
        long miniBatch = in.size(0);
        long inDepth = in.size(1);
        long outH = delta.size(1);
        long outW = delta.size(2);
        long outDepth = delta.size(3);
        int[] kernel = layerConf().getKernelSize();
        int[] strides = layerConf().getStride();
        int[] dilation = layerConf().getDilation();
        int[] pad = convolutionMode == ConvolutionMode.Same
                ? ConvolutionUtils.getSameModeTopLeftPadding(new int[] {(int) outH, (int) outW},
                        new int[] {(int) in.size(2), (int) in.size(3)}, kernel, strides, dilation)
                : layerConf().getPadding();

        // Image patches in im2col's own contiguous order, [batch, inDepth * kH * kW, outH * outW]: written
        // through a permuted view instead, the op's strided writes cost more than the whole convolution.
        long patch = inDepth * kernel[0] * kernel[1];
        INDArray columns = workspaceMgr.createUninitialized(ArrayType.BP_WORKING_MEM, dataType,
                new long[] {miniBatch, inDepth, kernel[0], kernel[1], outH, outW}, 'c');
        Convolution.im2col(in, kernel[0], kernel[1], strides[0], strides[1], pad[0], pad[1], dilation[0], dilation[1],
                convolutionMode == ConvolutionMode.Same, columns);
        INDArray columns3d = columns.reshape('c', miniBatch, patch, outH * outW);
        // The output gradient as one row per output pixel of every image: [batch * outH * outW, outDepth].
        INDArray deltaRows = delta.reshape('c', miniBatch * outH * outW, outDepth);

        Gradient gradient = new DefaultGradient();
        if (hasBias()) {
            // A product with a row of ones: a column sum over [batch * outH * outW] rows, far faster than a reduction.
            INDArray ones = workspaceMgr.createUninitialized(ArrayType.BP_WORKING_MEM, dataType,
                    new long[] {1, miniBatch * outH * outW}, 'c').assign(1);
            INDArray biasGrad = gradientViews.get(ConvolutionParamInitializer.BIAS_KEY);
            Nd4j.gemm(ones, deltaRows, biasGrad.reshape('c', 1, outDepth),
                    false, false, 1.0, 0.0);
            gradient.setGradientFor(ConvolutionParamInitializer.BIAS_KEY, biasGrad);
        }
        // One product over the whole batch, [outDepth, rows] x [rows, patch] with rows = batch * outH * outW, on
        // the patches regrouped as [patch, rows]: the regrouping copies runs of outH * outW floats, and one large
        // product ran ~3x faster than a batch of per-image products of 9 rows each summed afterwards.
        INDArray patches = workspaceMgr.createUninitialized(ArrayType.BP_WORKING_MEM, dataType,
                new long[] {patch, miniBatch, outH * outW}, 'c');
        patches.assign(columns3d.permute(1, 0, 2));
        INDArray weightGrad = gradientViews.get(ConvolutionParamInitializer.WEIGHT_KEY);
        Nd4j.gemm(deltaRows, patches.reshape('c', patch, miniBatch * outH * outW),
                weightGrad.reshape('c', outDepth, patch), true, true, 1.0, 0.0);
        gradient.setGradientFor(ConvolutionParamInitializer.WEIGHT_KEY, weightGrad, 'c');

        weightNoiseParams.clear();
        return new Pair<>(gradient, null);
    }

    @Override
    public void clear() {
        super.clear();
        cache.clear();
    }
}
