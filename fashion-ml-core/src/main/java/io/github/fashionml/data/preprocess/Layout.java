package io.github.fashionml.data.preprocess;

import io.github.fashionml.data.FashionMnist;

/** How images are shaped for a network: channels-first images for convolutions, flat vectors for dense layers. */
public enum Layout {
    /** {@code [N, 1, 28, 28]}: one grey channel, for convolutional networks. */
    CNN,
    /** {@code [N, 784]}: flattened, for dense networks. */
    DNN;

    public long[] shape(int count) {
        return this == CNN
                ? new long[] {count, 1, FashionMnist.ROWS, FashionMnist.COLUMNS}
                : new long[] {count, FashionMnist.PIXELS};
    }
}
