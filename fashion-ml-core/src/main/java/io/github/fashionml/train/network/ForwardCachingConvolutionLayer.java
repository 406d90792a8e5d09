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
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.indexing.NDArrayIndex;

/**
 * DL4J's convolution layer, with its backprop reusing the forward pass's convolution instead of running
 * it again. (DL4J can cache it too, through a cache mode that would also change the saved configuration.)
 *
 * <p>A convolution of single-channel, channels-last images (the networks' first layer) trains as matrix
 * products on the image patches. The forward pass lays the patches out as [patch, batch x pixels] with a row
 * of ones for the bias, and writes the channels-last output with one product: oneDNN's kernel works in a
 * blocked layout and copied its output back twice, three times its own cost. As the first layer, whose input
 * gradient nobody reads, the backprop computes only the weight and bias gradients, with one product of the
 * output gradient and the same patches; oneDNN's backprop always computes the input gradient too, and for
 * one input channel it took about a third of a cnn training step. The sums run in another order than
 * oneDNN's, so outputs and gradients agree to float rounding, not bit for bit. Inference, and every other
 * convolution, runs DL4J's and oneDNN's own path.
 */
final class ForwardCachingConvolutionLayer extends ConvolutionLayer implements InputGradientOptional {
    private final ForwardCache cache = new ForwardCache();
    /** The training forward pass's patch rows, for the weight gradient (the "pre-activation" slot holds them). */
    private final ForwardCache patchCache = new ForwardCache();
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
        Pair<INDArray, INDArray> result;
        if (training && singleChannelsLast()) {
            result = new Pair<>(forwardByProduct(workspaceMgr), null);
        } else {
            patchCache.clear();
            result = super.preOutput(training, false, workspaceMgr);
        }
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

    /** One input channel, channels-last, no mask: the case the product path handles. */
    private boolean singleChannelsLast() {
        return maskArray == null && layerConf().getCnn2dDataFormat() == CNN2DFormat.NHWC && layerConf().getNIn() == 1;
    }

    /** The training forward pass as one product of the weights (and bias) with the patch rows. */
    private INDArray forwardByProduct(LayerWorkspaceMgr workspaceMgr) {
        assertInputSet(false);
        validateInputRank();
        INDArray weights = getParamWithNoise(ConvolutionParamInitializer.WEIGHT_KEY, true, workspaceMgr);
        Geometry g = geometry(input, null);
        INDArray patchRows = patchRows(g, workspaceMgr, ArrayType.FF_WORKING_MEM, ArrayType.ACTIVATIONS);
        patchCache.keepUncopied(patchRows, input);

        // [outDepth, patch (+1)]: the weights, and the bias as the column that meets the row of ones.
        INDArray weightsAndBias = workspaceMgr.createUninitialized(ArrayType.FF_WORKING_MEM, dataType,
                new long[] {g.outDepth, patchRows.size(0)}, 'c');
        weightsAndBias.get(NDArrayIndex.all(), NDArrayIndex.interval(0, g.patch()))
                .assign(weights.reshape('c', g.outDepth, g.patch()));
        if (hasBias()) {
            INDArray bias = getParamWithNoise(ConvolutionParamInitializer.BIAS_KEY, true, workspaceMgr);
            weightsAndBias.get(NDArrayIndex.all(), NDArrayIndex.point(g.patch())).assign(bias.reshape(g.outDepth));
        }
        INDArray z = workspaceMgr.createUninitialized(ArrayType.ACTIVATIONS, dataType,
                new long[] {g.miniBatch, g.outH, g.outW, g.outDepth}, 'c');
        // [rows, outDepth] = [rows, patch (+1)] x [patch (+1), outDepth], rows = batch * outH * outW: channels-last.
        Nd4j.gemm(patchRows, weightsAndBias, z.reshape('c', g.rows(), g.outDepth), true, true, 1.0, 0.0);
        return z;
    }

    @Override
    public Pair<Gradient, INDArray> backpropGradient(INDArray epsilon, LayerWorkspaceMgr workspaceMgr) {
        INDArray patchRows = patchCache.take(input);
        if (inputGradientNeeded || !singleChannelsLast()) {
            return super.backpropGradient(epsilon, workspaceMgr);
        }
        assertInputSet(true);
        INDArray z = preOutput(true, true, workspaceMgr).getFirst();
        INDArray delta = layerConf().getActivationFn().backprop(z, epsilon.castTo(dataType)).getFirst();
        Geometry g = geometry(input, delta);
        if (patchRows == null) {
            patchRows = patchRows(g, workspaceMgr, ArrayType.BP_WORKING_MEM, ArrayType.BP_WORKING_MEM);
        }
        // The output gradient as one row per output pixel of every image: [batch * outH * outW, outDepth].
        INDArray deltaRows = delta.reshape('c', g.rows(), g.outDepth);

        // One product over the whole batch, [outDepth, rows] x [rows, patch (+1)]: the weight gradient, and the
        // bias gradient as the column that meets the row of ones. One large product ran ~3x faster than a
        // batch of per-image products summed afterwards.
        INDArray product = workspaceMgr.createUninitialized(ArrayType.BP_WORKING_MEM, dataType,
                new long[] {g.outDepth, patchRows.size(0)}, 'c');
        Nd4j.gemm(deltaRows, patchRows, product, true, true, 1.0, 0.0);

        Gradient gradient = new DefaultGradient();
        if (hasBias()) {
            INDArray biasGrad = gradientViews.get(ConvolutionParamInitializer.BIAS_KEY);
            biasGrad.assign(product.get(NDArrayIndex.all(), NDArrayIndex.point(g.patch())).reshape(biasGrad.shape()));
            gradient.setGradientFor(ConvolutionParamInitializer.BIAS_KEY, biasGrad);
        }
        INDArray weightGrad = gradientViews.get(ConvolutionParamInitializer.WEIGHT_KEY);
        weightGrad.reshape('c', g.outDepth, g.patch())
                .assign(product.get(NDArrayIndex.all(), NDArrayIndex.interval(0, g.patch())));
        gradient.setGradientFor(ConvolutionParamInitializer.WEIGHT_KEY, weightGrad, 'c');

        weightNoiseParams.clear();
        return new Pair<>(gradient, null);
    }

    /**
     * The image patches as rows, [patch (+1), batch * outH * outW], with a row of ones last when the layer has
     * a bias. With one input channel, the row for kernel position (i, j) is the images' window at offset (i, j)
     * of the zero-padded images, so each row is one strided copy (libnd4j's im2col, and a regrouping of its
     * output, took twice as long).
     */
    private INDArray patchRows(Geometry g, LayerWorkspaceMgr workspaceMgr, ArrayType scratch, ArrayType result) {
        INDArray images = g.inNchw.reshape(g.miniBatch, g.inNchw.size(2), g.inNchw.size(3));
        // The extent the windows read, from the top-left padding on.
        long spanH = (g.outH - 1) * g.strides[0] + (long) (g.kernel[0] - 1) * g.dilation[0] + 1;
        long spanW = (g.outW - 1) * g.strides[1] + (long) (g.kernel[1] - 1) * g.dilation[1] + 1;
        INDArray source = images;
        if (g.pad[0] > 0 || g.pad[1] > 0) {
            source = workspaceMgr.create(scratch, dataType, new long[] {g.miniBatch, spanH, spanW}, 'c');
            long copyH = Math.min(images.size(1), spanH - g.pad[0]);
            long copyW = Math.min(images.size(2), spanW - g.pad[1]);
            source.get(NDArrayIndex.all(), NDArrayIndex.interval(g.pad[0], g.pad[0] + copyH),
                            NDArrayIndex.interval(g.pad[1], g.pad[1] + copyW))
                    .assign(images.get(NDArrayIndex.all(), NDArrayIndex.interval(0, copyH),
                            NDArrayIndex.interval(0, copyW)));
        }
        INDArray rows = workspaceMgr.createUninitialized(result, dataType,
                new long[] {g.patch() + (hasBias() ? 1 : 0), g.miniBatch, g.outH * g.outW}, 'c');
        for (int i = 0; i < g.kernel[0]; i++) {
            for (int j = 0; j < g.kernel[1]; j++) {
                long top = (long) i * g.dilation[0];
                long left = (long) j * g.dilation[1];
                rows.get(NDArrayIndex.point((long) i * g.kernel[1] + j), NDArrayIndex.all(), NDArrayIndex.all())
                        .reshape('c', g.miniBatch, g.outH, g.outW)
                        .assign(source.get(NDArrayIndex.all(),
                                NDArrayIndex.interval(top, g.strides[0], top + (g.outH - 1) * g.strides[0] + 1),
                                NDArrayIndex.interval(left, g.strides[1], left + (g.outW - 1) * g.strides[1] + 1)));
            }
        }
        if (hasBias()) {
            rows.get(NDArrayIndex.point(g.patch()), NDArrayIndex.all(), NDArrayIndex.all()).assign(1);
        }
        return rows.reshape('c', rows.size(0), g.rows());
    }

    /** Sizes in NCHW terms, as DL4J's weights are [out channels, in channels, kH, kW]. */
    private record Geometry(INDArray inNchw, long miniBatch, long inDepth, long outH, long outW, long outDepth,
                            int[] kernel, int[] strides, int[] dilation, int[] pad) {
        long patch() {
            return inDepth * kernel[0] * kernel[1];
        }

        long rows() {
            return miniBatch * outH * outW;
        }
    }

    /** The convolution's geometry for a channels-last input; the output size from {@code delta} if given. */
    private Geometry geometry(INDArray channelsLast, INDArray delta) {
        INDArray in = channelsLast.castTo(dataType).permute(0, 3, 1, 2);
        int[] kernel = layerConf().getKernelSize();
        int[] strides = layerConf().getStride();
        int[] dilation = layerConf().getDilation();
        boolean same = convolutionMode == ConvolutionMode.Same;
        int[] outSize = delta != null ? new int[] {(int) delta.size(1), (int) delta.size(2)}
                : ConvolutionUtils.getOutputSize(in, kernel, strides, same ? null : layerConf().getPadding(),
                        convolutionMode, dilation, CNN2DFormat.NCHW);
        int[] pad = same
                ? ConvolutionUtils.getSameModeTopLeftPadding(outSize, new int[] {(int) in.size(2), (int) in.size(3)},
                        kernel, strides, dilation)
                : layerConf().getPadding();
        return new Geometry(in, in.size(0), in.size(1), outSize[0], outSize[1], layerConf().getNOut(),
                kernel, strides, dilation, pad);
    }

    @Override
    public void clear() {
        super.clear();
        cache.clear();
        patchCache.clear();
    }
}
