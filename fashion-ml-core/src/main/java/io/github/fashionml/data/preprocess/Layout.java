package io.github.fashionml.data.preprocess;

import io.github.fashionml.data.ImageShape;

/** How images are shaped for a network: channels-first images for convolutions, flat vectors for dense layers. */
public enum Layout {
    /** {@code [N, H, W, C]}: channels-last, for convolutional networks. */
    CNN,
    /** {@code [N, H*W*C]}: flattened, for dense networks. */
    DNN;

    /** For Fashion-MNIST's 28x28 grey images. */
    public long[] shape(int count) {
        return shape(count, ImageShape.FASHION_MNIST);
    }

    /** {@code [N, H, W, C]} for convolutions, {@code [N, H*W*C]} for dense layers. */
    public long[] shape(int count, ImageShape image) {
        return this == CNN
                ? new long[] {count, image.height(), image.width(), image.channels()}
                : new long[] {count, image.samples()};
    }
}
