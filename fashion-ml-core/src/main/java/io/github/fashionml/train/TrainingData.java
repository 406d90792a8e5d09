package io.github.fashionml.train;

import io.github.fashionml.data.ImageDataset;
import io.github.fashionml.data.ImageShape;
import io.github.fashionml.data.idx.IdxImages;
import io.github.fashionml.data.preprocess.Layout;
import io.github.fashionml.data.preprocess.PreparedSet;
import io.github.fashionml.data.preprocess.Preprocessor;
import io.github.fashionml.data.preprocess.Standardization;
import io.github.fashionml.data.split.ValidationSplit;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;


/**
 * What training reads, as ND4J arrays: the training rows of a validation split and its held-out rows, never
 * the test set. Features are {@code [N, H*W*C]} (reshaped to {@code [N, H, W, C]} per batch for convolutions,
 * a view, not a copy), labels one-hot over the data set's classes. {@code standardization} is null when images are only scaled to [0,1];
 * otherwise it is fitted on the training rows alone. The validation arrays are empty when nothing is held out.
 */
public record TrainingData(INDArray trainFeatures, INDArray trainLabels, byte[] trainClasses,
                           INDArray validationFeatures, byte[] validationClasses,
                           Standardization standardization, ImageShape shape, int classCount) {

    public static TrainingData of(ImageDataset data, boolean standardize, ValidationSplit split) {
        IdxImages trainImages = data.trainImages().select(split.training());
        byte[] trainLabels = select(data.trainLabels(), split.training());
        Standardization s = standardize ? Standardization.fit(trainImages) : null;
        int classes = data.description().classCount();
        PreparedSet train = Preprocessor.prepare(trainImages, trainLabels, Layout.DNN, s, classes);
        byte[] validationClasses = select(data.trainLabels(), split.validation());
        INDArray validationFeatures = null;
        if (split.validation().length > 0) {
            PreparedSet validation = Preprocessor.prepare(data.trainImages().select(split.validation()),
                    validationClasses, Layout.DNN, s, classes);
            validationFeatures = features(validation);
        }
        return new TrainingData(features(train), labels(train), train.labels(), validationFeatures,
                validationClasses, s, data.description().shape(), classes);
    }

    private static byte[] select(byte[] labels, int[] indices) {
        byte[] out = new byte[indices.length];
        for (int i = 0; i < indices.length; i++) {
            out[i] = labels[indices[i]];
        }
        return out;
    }

    private static INDArray features(PreparedSet set) {
        return Nd4j.create(set.features(), new long[] {set.count(), set.featuresPerImage()}, 'c');
    }

    private static INDArray labels(PreparedSet set) {
        return Nd4j.create(set.oneHotLabels(), new long[] {set.count(), set.classCount()}, 'c');
    }

    public int trainCount() {
        return trainClasses.length;
    }

    public int validationCount() {
        return validationClasses.length;
    }

    /** Features shaped for a network: a view of the flat rows. */
    static INDArray shaped(INDArray flatRows, Layout layout, ImageShape shape) {
        return layout == Layout.CNN ? flatRows.reshape('c', layout.shape((int) flatRows.size(0), shape)) : flatRows;
    }
}
