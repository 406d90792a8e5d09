package io.github.fashionml.train;

import io.github.fashionml.data.FashionMnistData;
import io.github.fashionml.data.preprocess.Layout;
import io.github.fashionml.data.preprocess.PreparedSet;
import io.github.fashionml.data.preprocess.Preprocessor;
import io.github.fashionml.data.preprocess.Standardization;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;


/**
 * The data as ND4J arrays, created once and shared by every model of a run: features {@code [N, 784]}
 * (reshaped to {@code [N, 28, 28, 1]} per batch for convolutions, a view, not a copy) and one-hot labels.
 * {@code standardization} is null when images are only scaled to [0,1].
 */
public record TrainingData(INDArray trainFeatures, INDArray trainLabels, byte[] trainClasses,
                           INDArray testFeatures, INDArray testLabels, byte[] testClasses,
                           Standardization standardization) {

    public static TrainingData of(FashionMnistData data, boolean standardize) {
        Standardization s = standardize ? Standardization.fit(data.trainImages()) : null;
        PreparedSet train = Preprocessor.prepare(data.trainImages(), data.trainLabels(), Layout.DNN, s);
        PreparedSet test = Preprocessor.prepare(data.testImages(), data.testLabels(), Layout.DNN, s);
        return new TrainingData(features(train), labels(train), train.labels(),
                features(test), labels(test), test.labels(), s);
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

    public int testCount() {
        return testClasses.length;
    }

    /** Features shaped for a network: a view of the flat rows. */
    static INDArray shaped(INDArray flatRows, Layout layout) {
        return layout == Layout.CNN ? flatRows.reshape('c', layout.shape((int) flatRows.size(0))) : flatRows;
    }
}
