package io.github.fashionml.train.network;

import org.deeplearning4j.nn.layers.BaseLayer;
import org.deeplearning4j.nn.params.DefaultParamInitializer;
import org.deeplearning4j.nn.workspace.ArrayType;
import org.deeplearning4j.nn.workspace.LayerWorkspaceMgr;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * A dense layer's training arithmetic as BLAS products that write where DL4J reads.
 *
 * <p>DL4J keeps activations row-major, and ND4J's {@code mmuli} into a row-major array runs a column-major
 * product and then a transposing copy; here the product runs as its transpose (W^T x^T, column-major), which
 * is the row-major result in place. The bias broadcast and the bias gradient's column sums are products with
 * a row of ones: libnd4j's broadcast and its reduction along rows are several times slower on one thread.
 * The sums run in another order than DL4J's, so results agree with it to float rounding.
 */
final class DenseProducts {
    private final Ones ones = new Ones();

    /**
     * Whether a layer's training forward pass can run here: a plain 2-d input of the layer's data type that
     * matches its weights, no layer norm, no mask. Anything else takes DL4J's path.
     */
    static boolean handles(BaseLayer<?> layer, boolean training) {
        INDArray input = layer.input();
        INDArray w = layer.getParam(DefaultParamInitializer.WEIGHT_KEY);
        return training && !layer.hasLayerNorm() && layer.getMaskArray() == null && input != null
                && input.rank() == 2 && input.dataType() == w.dataType() && input.columns() == w.rows();
    }

    /** {@code input · w + b} (b may be null) as a new row-major activations array. */
    INDArray forward(INDArray input, INDArray w, INDArray b, LayerWorkspaceMgr workspaceMgr) {
        INDArray z = workspaceMgr.createUninitialized(ArrayType.ACTIVATIONS, w.dataType(),
                new long[] {input.size(0), w.size(1)}, 'c');
        double beta = 0.0;
        if (b != null) {
            Nd4j.gemm(b.reshape(b.length(), 1), ones.row(input.size(0), z.dataType()), z.transpose(), false, false,
                    1.0, 0.0);
            beta = 1.0;
        }
        Nd4j.gemm(w.transpose(), input.transpose(), z.transpose(), false, false, 1.0, beta);
        return z;
    }

    /** Writes the column sums of {@code delta} into the bias gradient vector {@code target}. */
    void columnSums(INDArray delta, INDArray target) {
        // A [1, n] view of the gradient vector: the product writes straight into it.
        Nd4j.gemm(ones.row(delta.size(0), delta.dataType()), delta, target.reshape(1, target.length()), false, false,
                1.0, 0.0);
    }
}
