package io.github.fashionml.maven;

import io.github.fashionml.eval.QualityGate;

/** A quality gate as configured in a POM: {@code <gate><model>cnn</model><minAccuracy>0.91</minAccuracy></gate>}. */
public class Gate {
    /** The model it applies to; leave out (or {@code *}) for every model. */
    public String model;
    /** Minimum test accuracy, a fraction in [0, 1]. */
    public Double minAccuracy;
    /** Minimum macro-averaged F1, in [0, 1]. */
    public Double minMacroF1;
    /** Minimum recall of every class, in [0, 1]. */
    public Double minClassRecall;

    QualityGate toQualityGate() {
        return new QualityGate(model, minAccuracy, minMacroF1, minClassRecall);
    }
}
