package io.github.fashionml.eval;

import io.github.fashionml.ConfigurationException;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Minimum figures a model must reach, like jacoco's {@code check} rules. Unset thresholds are not checked.
 *
 * @param model          the model's name; {@code *} or null for every model
 * @param minAccuracy    minimum test accuracy, in [0, 1]
 * @param minMacroF1     minimum macro-averaged F1, in [0, 1]
 * @param minClassRecall minimum recall of every single class, in [0, 1]
 */
public record QualityGate(String model, Double minAccuracy, Double minMacroF1, Double minClassRecall) {

    public boolean appliesTo(String name) {
        return model == null || model.isBlank() || model.equals("*") || model.equals(name);
    }

    public void validate() throws ConfigurationException {
        check("minAccuracy", minAccuracy);
        check("minMacroF1", minMacroF1);
        check("minClassRecall", minClassRecall);
    }

    private void check(String name, Double value) throws ConfigurationException {
        if (value != null && !(value >= 0 && value <= 1)) {
            throw new ConfigurationException("Quality gate" + (model == null ? "" : " for model '" + model + "'")
                    + ": " + name + " must be a fraction between 0 and 1 (got " + value + "); write 0.9 for 90%");
        }
    }

    /** What the evaluation misses, one sentence each naming the model, the figure and the threshold. */
    public List<String> failures(Evaluation e) {
        List<String> out = new ArrayList<>();
        if (minAccuracy != null && e.accuracy() < minAccuracy) {
            out.add(String.format(Locale.ROOT, "model '%s': accuracy %.4f is below minAccuracy %.4f", e.model(),
                    e.accuracy(), minAccuracy));
        }
        if (minMacroF1 != null && e.macroAverage().f1() < minMacroF1) {
            out.add(String.format(Locale.ROOT, "model '%s': macro F1 %.4f is below minMacroF1 %.4f", e.model(),
                    e.macroAverage().f1(), minMacroF1));
        }
        if (minClassRecall != null) {
            for (ClassMetrics c : e.classes()) {
                if (c.recall() < minClassRecall) {
                    out.add(String.format(Locale.ROOT, "model '%s': recall of class '%s' %.4f is below "
                            + "minClassRecall %.4f", e.model(), c.name(), c.recall(), minClassRecall));
                }
            }
        }
        return out;
    }
}
