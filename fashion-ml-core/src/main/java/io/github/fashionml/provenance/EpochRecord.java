package io.github.fashionml.provenance;

import com.fasterxml.jackson.annotation.JsonPropertyOrder;

/**
 * One epoch of training, as written to {@code history.json}. No field reads the test set: it is left to the
 * {@code evaluate} goal.
 *
 * @param learningRate       Adam's learning rate during the epoch
 * @param trainLoss          mean cross-entropy of the epoch's training batches, as they were trained (dropout on)
 * @param trainAccuracy      share of the epoch's training images that their own batch's forward pass classified
 *                           right (dropout on; what Keras prints as {@code accuracy}), not an extra pass
 * @param validationLoss     mean cross-entropy on the held-out validation images after the epoch (null without
 *                           a validation split)
 * @param validationAccuracy accuracy on the validation images after the epoch (null without a split)
 * @param parametersSha256   SHA-256 of the parameters after the epoch
 * @param seconds            wall time of the epoch's training steps
 * @param imagesPerSecond    training images per second in those steps
 * @param evaluationSeconds  wall time of the after-epoch validation
 */
@JsonPropertyOrder({"epoch", "learningRate", "trainLoss", "trainAccuracy", "validationLoss", "validationAccuracy",
        "parametersSha256", "seconds", "imagesPerSecond", "evaluationSeconds"})
public record EpochRecord(int epoch, double learningRate, double trainLoss, double trainAccuracy,
                          Double validationLoss, Double validationAccuracy, String parametersSha256,
                          double seconds, double imagesPerSecond, double evaluationSeconds) {
}
