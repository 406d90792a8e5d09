package io.github.fashionml.train.network;

import org.bytedeco.javacpp.FloatPointer;
import org.deeplearning4j.nn.conf.NeuralNetConfiguration;
import org.deeplearning4j.nn.conf.dropout.Dropout;
import org.deeplearning4j.nn.conf.dropout.IDropout;
import org.deeplearning4j.nn.gradient.DefaultGradient;
import org.deeplearning4j.nn.gradient.Gradient;
import org.deeplearning4j.nn.layers.DropoutLayer;
import org.deeplearning4j.nn.workspace.ArrayType;
import org.deeplearning4j.nn.workspace.LayerWorkspaceMgr;
import org.nd4j.common.primitives.Pair;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.api.ops.impl.transforms.pairwise.arithmetic.MulOp;
import org.nd4j.linalg.factory.Nd4j;

import java.util.SplittableRandom;

/**
 * DL4J's dropout layer (inverted dropout: keep a unit with probability p and scale it by 1/p), with the mask
 * drawn in Java. libnd4j's random op takes ~7 ns a number on one thread, ~3 ms of a 23 ms dense-network step
 * at batch 512; four 16-bit draws from each 64-bit {@link SplittableRandom} number take ~0.4 ms. Each mask
 * is seeded from ND4J's random generator, which the network's seed pins, so training stays reproducible.
 *
 * <p>A unit is kept when its 16-bit draw is below {@code round(p * 65536)}: the keep probability is p to
 * within 1/131072. Inference, masked (time-series) input and scheduled rates take DL4J's own path.
 */
final class JavaMaskDropoutLayer extends DropoutLayer {
    private static final int DRAW_RANGE = 1 << 16;

    private final int threshold;
    private final float scale;
    private float[] scratch = new float[0];
    private INDArray mask;

    JavaMaskDropoutLayer(NeuralNetConfiguration conf, DataType dataType) {
        super(conf, dataType);
        double keep = ((Dropout) layerConf().getIDropout()).getP();
        threshold = (int) Math.round(keep * DRAW_RANGE);
        scale = (float) (1.0 / keep);
    }

    /** Whether this layer can stand in for DL4J's: plain dropout with a fixed rate. */
    static boolean handles(IDropout dropout) {
        return dropout != null && dropout.getClass() == Dropout.class && ((Dropout) dropout).getPSchedule() == null
                && ((Dropout) dropout).getP() > 0 && ((Dropout) dropout).getP() <= 1;
    }

    @Override
    public INDArray activate(boolean training, LayerWorkspaceMgr workspaceMgr) {
        mask = null;
        if (!training || maskArray != null || input == null || input.dataType() != DataType.FLOAT
                || input.length() > Integer.MAX_VALUE) {
            return super.activate(training, workspaceMgr);
        }
        assertInputSet(false);
        mask = workspaceMgr.createUninitialized(ArrayType.INPUT, DataType.FLOAT, input.shape(), 'c');
        fill(mask, Nd4j.getRandom().nextLong());
        INDArray result = inputModificationAllowed ? input
                : workspaceMgr.createUninitialized(ArrayType.INPUT, input.dataType(), input.shape(), input.ordering());
        Nd4j.getExecutioner().exec(new MulOp(input, mask, result));
        return workspaceMgr.leverageTo(ArrayType.ACTIVATIONS, result);
    }

    @Override
    public Pair<Gradient, INDArray> backpropGradient(INDArray epsilon, LayerWorkspaceMgr workspaceMgr) {
        if (mask == null) {
            return super.backpropGradient(epsilon, workspaceMgr);
        }
        INDArray delta = workspaceMgr.createUninitialized(ArrayType.ACTIVATION_GRAD, epsilon.dataType(),
                epsilon.shape(), epsilon.ordering());
        Nd4j.getExecutioner().exec(new MulOp(epsilon, mask, delta));
        mask = null;
        return new Pair<>(new DefaultGradient(), delta);
    }

    @Override
    public void clear() {
        super.clear();
        mask = null;
    }

    /** Fills the mask with 0 or 1/p: four 16-bit draws per random long, compared without branches. */
    private void fill(INDArray target, long seed) {
        int n = (int) target.length();
        if (scratch.length < n) {
            scratch = new float[n];
        }
        float[] values = scratch;
        SplittableRandom random = new SplittableRandom(seed);
        int i = 0;
        for (; i + 4 <= n; i += 4) {
            long bits = random.nextLong();
            values[i] = keep(bits);
            values[i + 1] = keep(bits >>> 16);
            values[i + 2] = keep(bits >>> 32);
            values[i + 3] = keep(bits >>> 48);
        }
        long bits = random.nextLong();
        for (; i < n; i++, bits >>>= 16) {
            values[i] = keep(bits);
        }
        new FloatPointer(target.data().addressPointer()).put(values, 0, n);
    }

    /** 1/p if the low 16 bits are below the threshold, else 0 (the sign bit of the difference decides). */
    private float keep(long bits) {
        return scale * ((((int) bits & 0xFFFF) - threshold) >>> 31);
    }
}
