package io.github.fashionml.train;

import io.github.fashionml.data.ImageDataset;
import io.github.fashionml.data.ImageShape;
import io.github.fashionml.data.idx.IdxImages;
import io.github.fashionml.data.preprocess.Layout;
import io.github.fashionml.data.preprocess.Preprocessor;
import io.github.fashionml.data.preprocess.Standardization;
import io.github.fashionml.data.split.ValidationSplit;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;


/**
 * What training reads: the training rows of a validation split and its held-out rows, never the test set. Images
 * stay bytes (one per sample) and become float features a batch at a time ({@link #features}), so a 100,000-image
 * 64x64 RGB set takes 1.2 GB, not 5. {@code standardization} is null when images are only scaled to [0,1];
 * otherwise it is fitted on the training rows alone. The validation set is empty when nothing is held out.
 */
public record TrainingData(IdxImages trainImages, byte[] trainClasses, IdxImages validationImages,
                           byte[] validationClasses, Standardization standardization, ImageShape shape,
                           int classCount) {

    public static TrainingData of(ImageDataset data, boolean standardize, ValidationSplit split) {
        IdxImages trainImages = data.trainImages().select(split.training());
        Standardization s = standardize ? Standardization.fit(trainImages) : null;
        return new TrainingData(trainImages, select(data.trainLabels(), split.training()),
                data.trainImages().select(split.validation()), select(data.trainLabels(), split.validation()), s,
                data.description().shape(), data.description().classCount());
    }

    private static byte[] select(byte[] labels, int[] indices) {
        byte[] out = new byte[indices.length];
        for (int i = 0; i < indices.length; i++) {
            out[i] = labels[indices[i]];
        }
        return out;
    }

    public int trainCount() {
        return trainClasses.length;
    }

    public int validationCount() {
        return validationClasses.length;
    }

    /**
     * Network input for images {@code from} to {@code to} of a set, in {@code order} if not null: {@code [N, H, W, C]}
     * for convolutions, {@code [N, H*W*C]} for dense layers.
     */
    static INDArray features(IdxImages images, int[] order, int from, int to, Standardization standardization,
                             Layout layout) {
        float[] values = Preprocessor.features(images, order, from, to, standardization);
        return Nd4j.create(values, layout.shape(to - from, images.shape()), 'c');
    }

    /** One-hot labels {@code [N, classes]} for labels {@code from} to {@code to}, in {@code order} if not null. */
    INDArray labels(int[] order, int from, int to) {
        return Nd4j.create(Preprocessor.oneHot(trainClasses, order, from, to, classCount),
                new long[] {to - from, classCount}, 'c');
    }
}
