package io.github.fashionml.train;

import io.github.fashionml.data.idx.IdxImages;
import io.github.fashionml.data.preprocess.Layout;
import io.github.fashionml.data.preprocess.Standardization;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.nd4j.linalg.api.ndarray.INDArray;

/** Accuracy and cross-entropy of a network on a set, predicted in large batches with dropout off. */
record Scores(double accuracy, double loss) {
    /**
     * Images per inference call. With oneDNN pinned to AVX2, its convolutions take a blocked layout, and the
     * reorders into it slowed 5x once a batch passed ~300 images (measured on an AVX-512 EPYC: 6,000 cnn-deep
     * images in 2.9 s at batch 1,000, 0.9 s at batch 200-300).
     */
    private static final int BATCH = 256;
    private static final double MIN_PROBABILITY = 1e-7;

    /** Scores on rows {@code rows} of {@code images}, whose classes are {@code labels[row]}. */
    static Scores of(MultiLayerNetwork network, IdxImages images, byte[] labels, int[] rows,
                     Standardization standardization, Layout layout) {
        int count = rows.length;
        long correct = 0;
        double lossSum = 0;
        for (int start = 0; start < count; start += BATCH) {
            int end = Math.min(count, start + BATCH);
            float[] probabilities;
            try (INDArray batch = TrainingData.features(images, rows, start, end, standardization, layout)) {
                probabilities = network.output(batch, false).data().asFloat();
            }
            int classesPerRow = probabilities.length / (end - start);
            for (int i = start; i < end; i++) {
                int offset = (i - start) * classesPerRow;
                int best = 0;
                for (int c = 1; c < classesPerRow; c++) {
                    if (probabilities[offset + c] > probabilities[offset + best]) {
                        best = c;
                    }
                }
                int actual = labels[rows[i]] & 0xFF;
                if (best == actual) {
                    correct++;
                }
                lossSum -= Math.log(Math.max(MIN_PROBABILITY, probabilities[offset + actual]));
            }
        }
        return new Scores(count == 0 ? 0 : (double) correct / count, count == 0 ? 0 : lossSum / count);
    }
}
