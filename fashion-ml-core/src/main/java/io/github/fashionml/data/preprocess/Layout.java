package io.github.fashionml.data.preprocess;

import io.github.fashionml.data.FashionMnist;

/** How images are shaped for a network: channels-first images for convolutions, flat vectors for dense layers. */
public enum Layout {
    /** {@code [N, 28, 28, 1]}: channels-last with one grey channel, for convolutional networks. */
    CNN,
    /** {@code [N, 784]}: flattened, for dense networks. */
    DNN;

    public long[] shape(int count) {
        return this == CNN
                ? new long[] {count, FashionMnist.ROWS, FashionMnist.COLUMNS, 1}
                : new long[] {count, FashionMnist.PIXELS};
    }
}
