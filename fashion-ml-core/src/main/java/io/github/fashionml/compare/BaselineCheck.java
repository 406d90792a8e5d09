package io.github.fashionml.compare;

import java.util.List;

/**
 * A model compared with an earlier evaluation of itself (or of another model).
 *
 * @param accuracyDelta    current minus baseline accuracy
 * @param classRecallDelta per class, current minus baseline recall
 * @param regressed        true when accuracy dropped by more than the tolerance
 */
public record BaselineCheck(String model, String baselineFile, String baselineModel, double baselineAccuracy,
                            double accuracy, double accuracyDelta, double tolerance, List<ClassDelta> classDeltas,
                            boolean regressed) {

    /** One class's change from the baseline. */
    public record ClassDelta(String className, double baselineRecall, double recall, double recallDelta,
                             double baselineF1, double f1, double f1Delta) {
    }
}
