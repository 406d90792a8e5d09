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

    /** True for a gate without a {@code <model>} (or {@code *}): it applies to every model. */
    public boolean forEveryModel() {
        return model == null || model.isBlank() || model.equals("*");
    }

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

    /**
     * One threshold checked against one model's evaluation.
     *
     * @param threshold {@code minAccuracy}, {@code minMacroF1} or {@code minClassRecall}
     * @param figure    what was measured: {@code accuracy}, {@code macro F1}, or the lowest class recall
     *                  ({@code recall of class 'Shirt'})
     */
    public record Check(String model, String threshold, double minimum, String figure, double value) {
        public boolean passed() {
            return value >= minimum;
        }

        /** "model 'cnn': accuracy 0.9012 is below minAccuracy 0.9100". */
        public String failure() {
            return String.format(Locale.ROOT, "model '%s': %s %.4f is below %s %.4f", model, figure, value, threshold,
                    minimum);
        }
    }

    /** Every threshold of this gate, checked against the evaluation (the lowest class recall for minClassRecall). */
    public List<Check> checks(Evaluation e) {
        List<Check> out = new ArrayList<>();
        if (minAccuracy != null) {
            out.add(new Check(e.model(), "minAccuracy", minAccuracy, "accuracy", e.accuracy()));
        }
        if (minMacroF1 != null) {
            out.add(new Check(e.model(), "minMacroF1", minMacroF1, "macro F1", e.macroAverage().f1()));
        }
        if (minClassRecall != null) {
            for (ClassMetrics c : e.classes()) {
                out.add(new Check(e.model(), "minClassRecall", minClassRecall, "recall of class '" + c.name() + "'",
                        c.recall()));
            }
        }
        return out;
    }

    /** What the evaluation misses, one sentence each naming the model, the figure and the threshold. */
    public List<String> failures(Evaluation e) {
        return checks(e).stream().filter(c -> !c.passed()).map(Check::failure).toList();
    }

    /**
     * Fails when a gate names a model that is not configured: a typo would otherwise turn the gate off silently.
     */
    public static void checkModels(List<QualityGate> gates, List<String> configured) throws ConfigurationException {
        for (QualityGate gate : gates) {
            gate.validate();
            if (!gate.forEveryModel() && !configured.contains(gate.model())) {
                throw new ConfigurationException("A quality gate names model '" + gate.model() + "', which is not "
                        + "configured. Configured models: " + String.join(", ", configured) + ". Fix the <model> of "
                        + "the <gate>, or leave it out to gate every model.");
            }
        }
    }
}
