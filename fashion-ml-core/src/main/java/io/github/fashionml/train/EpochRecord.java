package io.github.fashionml.train;

/**
 * One epoch of training, as written to {@code history.json}.
 *
 * @param trainLoss       mean cross-entropy of the training batches during the epoch (dropout active)
 * @param trainAccuracy   accuracy on (up to) the first 10,000 training images after the epoch, dropout off
 * @param testLoss        mean cross-entropy on the test images after the epoch
 * @param testAccuracy    accuracy on the test images after the epoch
 * @param seconds         wall time of the epoch's training steps
 * @param imagesPerSecond training images per second in those steps
 * @param evaluationSeconds wall time of the after-epoch evaluation
 */
public record EpochRecord(int epoch, double trainLoss, double trainAccuracy, double testLoss, double testAccuracy,
                          double seconds, double imagesPerSecond, double evaluationSeconds) {
}
