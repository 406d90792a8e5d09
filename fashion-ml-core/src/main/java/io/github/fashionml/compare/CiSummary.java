package io.github.fashionml.compare;

import io.github.fashionml.eval.Evaluation;
import io.github.fashionml.eval.QualityGate;
import io.github.fashionml.sweep.Selection;

import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * {@code summary.md}: the build's models, gates, pairwise verdicts and baseline change as GitHub-flavoured
 * Markdown, ready to append to a CI job summary ({@code cat target/fashion-ml/summary.md >> $GITHUB_STEP_SUMMARY})
 * or to post as a pull-request comment. Every cell is escaped, so a name cannot break the table. A swept model
 * also gets a line naming the trial it is and how that trial was selected.
 */
public final class CiSummary {
    private CiSummary() {
    }

    public static String markdown(Comparison comparison, List<Evaluation> evaluations, List<QualityGate> gates) {
        return markdown(comparison, evaluations, gates, Map.of());
    }

    /** @param selections each swept model's {@code selection.json}, by model */
    public static String markdown(Comparison comparison, List<Evaluation> evaluations, List<QualityGate> gates,
                                  Map<String, Selection> selections) {
        StringBuilder md = new StringBuilder("## fashion-ml: model comparison\n\n");
        md.append("| model | test accuracy (95% CI) | macro F1 | training s | kept epoch |\n");
        md.append("| --- | --- | --- | --- | --- |\n");
        for (ModelSummary m : comparison.models()) {
            md.append(row(m.model(), String.format(Locale.ROOT, "%.4f (%.4f-%.4f)", m.accuracy(),
                    m.accuracyInterval().lower(), m.accuracyInterval().upper()),
                    String.format(Locale.ROOT, "%.4f", m.macroF1()),
                    String.format(Locale.ROOT, "%.1f", m.trainingSeconds()),
                    m.keptEpoch() == null ? "-" : m.keptEpoch() + " of " + m.epochsRun()));
        }
        List<String> swept = comparison.models().stream().map(ModelSummary::model)
                .filter(selections::containsKey).toList();
        if (!swept.isEmpty()) {
            md.append("\n### Sweeps\n\n");
            for (String model : swept) {
                md.append("- ").append(sweepLine(model, selections.get(model))).append('\n');
            }
            md.append("\nTrials are selected on validation figures; only the selected trial is evaluated on the "
                    + "test set.\n");
        }
        if (!gates.isEmpty()) {
            md.append("\n### Quality gates\n\n| model | gate | minimum | measured | result |\n")
                    .append("| --- | --- | --- | --- | --- |\n");
            for (Evaluation e : evaluations) {
                for (QualityGate gate : gates) {
                    if (!gate.appliesTo(e.model())) {
                        continue;
                    }
                    for (QualityGate.Check check : lowestPerThreshold(gate.checks(e))) {
                        md.append(row(e.model(), check.threshold(), String.format(Locale.ROOT, "%.4f",
                                check.minimum()), String.format(Locale.ROOT, "%s %.4f", check.figure(), check.value()),
                                check.passed() ? "pass" : "FAIL"));
                    }
                }
            }
        }
        if (!comparison.pairs().isEmpty()) {
            md.append("\n### Pairwise (McNemar's test, ").append(comparison.multipleComparisons())
                    .append("-adjusted, alpha ").append(comparison.alpha()).append(")\n\n")
                    .append("| models | only the first right | only the second right | p | adjusted p | verdict |\n")
                    .append("| --- | --- | --- | --- | --- | --- |\n");
            for (PairwiseTest p : comparison.pairs()) {
                md.append(row(p.first() + " vs " + p.second(), Integer.toString(p.onlyFirstCorrect()),
                        Integer.toString(p.onlySecondCorrect()), p(p.pValue()), p(p.adjustedPValue()), p.verdict()));
            }
        }
        BaselineCheck b = comparison.baseline();
        if (b != null) {
            md.append("\n### Against the baseline\n\n").append(String.format(Locale.ROOT,
                    "%s: accuracy %.4f against %.4f in %s (%+.4f, tolerance %.4f): %s%n", escape(b.model()),
                    b.accuracy(), b.baselineAccuracy(), escape(b.baselineFile()), b.accuracyDelta(), b.tolerance(),
                    b.regressed() ? "**regressed**" : "ok"));
        }
        return md.toString();
    }

    /**
     * "dnn is trial `dnn_lr0.002_seed1`, selected of 4 trials on validationAccuracy (mean 0.9123 ± 0.0040 over 2
     * seeds)".
     */
    private static String sweepLine(String model, Selection s) {
        String trial = s.selected().trial();
        int trials = s.trials() == null ? 0 : s.trials().size();
        Selection.Candidate best = s.candidates() == null ? null : s.candidates().stream()
                .filter(c -> c.trials() != null && c.trials().contains(trial)).findFirst().orElse(null);
        String figure;
        if (best != null && best.trials().size() > 1) {
            figure = String.format(Locale.ROOT, "mean %.4f%s over %d seeds", best.mean(),
                    best.standardDeviation() == null ? "" : String.format(Locale.ROOT, " ± %.4f",
                            best.standardDeviation()), best.trials().size());
        } else {
            figure = String.format(Locale.ROOT, "%.4f, one seed", s.selected().figure());
        }
        return escape(model) + " is trial " + code(trial) + ", selected of " + trials + " trials on "
                + escape(s.selectBy()) + " (" + figure + ")";
    }

    /** minClassRecall has one check per class: the summary shows the lowest. */
    private static List<QualityGate.Check> lowestPerThreshold(List<QualityGate.Check> checks) {
        List<QualityGate.Check> others = checks.stream().filter(c -> !c.threshold().equals("minClassRecall")).toList();
        return java.util.stream.Stream.concat(others.stream(), checks.stream()
                        .filter(c -> c.threshold().equals("minClassRecall"))
                        .min(java.util.Comparator.comparingDouble(QualityGate.Check::value)).stream())
                .toList();
    }

    private static String p(double value) {
        return value < 0.001 ? String.format(Locale.ROOT, "%.1e", value) : String.format(Locale.ROOT, "%.3f", value);
    }

    private static String row(String... cells) {
        StringBuilder sb = new StringBuilder("|");
        for (String cell : cells) {
            sb.append(' ').append(escape(cell)).append(" |");
        }
        return sb.append('\n').toString();
    }

    /** A code span for a file-safe name (backslash escapes do not work inside one); other text escaped. */
    private static String code(String text) {
        return text.matches("[A-Za-z0-9._-]+") ? "`" + text + "`" : escape(text);
    }

    /** Table-safe Markdown: pipes, markup characters and line breaks cannot escape their cell. */
    static String escape(String text) {
        StringBuilder sb = new StringBuilder();
        for (char ch : text.toCharArray()) {
            switch (ch) {
                case '|', '\\', '`', '*', '_', '[', ']', '<', '>', '#' -> sb.append('\\').append(ch);
                case '\n', '\r' -> sb.append(' ');
                default -> sb.append(ch);
            }
        }
        return sb.toString();
    }
}
