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
 * What training reads: the training rows of a validation split and its held-out rows, never the test set. The
 * images stay the data set's bytes (one per sample), shared, not copied, by every model and split; rows are chosen
 * by index and become float features a batch at a time ({@link #features}), so a 100,000-image 64x64 RGB set takes
 * 1.2 GB, not 5. {@code standardization} is null when images are only scaled to [0,1]; otherwise it is fitted on
 * the training rows alone. {@code validationRows} is empty when nothing is held out.
 */
public record TrainingData(IdxImages images, byte[] labels, int[] trainRows, int[] validationRows,
                           Standardization standardization, ImageShape shape, int classCount) {

    public static TrainingData of(ImageDataset data, boolean standardize, ValidationSplit split) {
        Standardization s = standardize ? Standardization.fit(data.trainImages(), split.training()) : null;
        return new TrainingData(data.trainImages(), data.trainLabels(), split.training(), split.validation(), s,
                data.description().shape(), data.description().classCount());
    }

    public int trainCount() {
        return trainRows.length;
    }

    public int validationCount() {
        return validationRows.length;
    }

    /** The rows of the images in a seeded random order: training row {@code permutation[i]} at position i. */
    int[] shuffledTrainRows(long seed) {
        int[] permutation = Preprocessor.permutation(trainRows.length, seed);
        int[] rows = new int[permutation.length];
        for (int i = 0; i < rows.length; i++) {
            rows[i] = trainRows[permutation[i]];
        }
        return rows;
    }

    /**
     * Network input for rows {@code rows[from]} to {@code rows[to - 1]} of a set: {@code [N, H, W, C]} for
     * convolutions, {@code [N, H*W*C]} for dense layers.
     */
    static INDArray features(IdxImages images, int[] rows, int from, int to, Standardization standardization,
                             Layout layout) {
        float[] values = Preprocessor.features(images, rows, from, to, standardization);
        return Nd4j.create(values, layout.shape(to - from, ImageShape.of(images)), 'c');
    }

    /** One-hot labels {@code [N, classes]} for rows {@code rows[from]} to {@code rows[to - 1]}. */
    INDArray labels(int[] rows, int from, int to) {
        return Nd4j.create(Preprocessor.oneHot(labels, rows, from, to, classCount),
                new long[] {to - from, classCount}, 'c');
    }
}
