package io.github.fashionml.train.network;

import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.memory.MemoryWorkspace;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * A row of ones, kept outside DL4J's workspaces and reused while the batch size stays the same: the factor that
 * turns a bias broadcast or a column sum into a matrix product.
 */
final class Ones {
    private INDArray row;

    /** A [1, length] row of ones. */
    INDArray row(long length, DataType dataType) {
        if (row == null || row.length() != length || row.dataType() != dataType) {
            try (MemoryWorkspace ignored = Nd4j.getWorkspaceManager().scopeOutOfWorkspaces()) {
                row = Nd4j.ones(dataType, 1, length);
            }
        }
        return row;
    }
}
