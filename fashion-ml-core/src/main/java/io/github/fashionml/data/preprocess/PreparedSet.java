package io.github.fashionml.data.preprocess;

/**
 * Images ready for a network, held as one array each so batches can be views, not copies.
 *
 * @param features     pixel values, image after image, in the order the {@code shape} describes
 * @param shape        the features' shape, e.g. {@code [N, 28, 28, 1]}
 * @param oneHotLabels {@code N x classCount}, row-major
 * @param labels       the class index of each image
 */
public record PreparedSet(float[] features, long[] shape, float[] oneHotLabels, byte[] labels, int classCount) {

    public int count() {
        return labels.length;
    }

    public int featuresPerImage() {
        return features.length / Math.max(1, labels.length);
    }

}
