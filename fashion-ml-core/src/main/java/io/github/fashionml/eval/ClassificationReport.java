package io.github.fashionml.eval;

import java.util.Locale;

/** The plain-text classification report, laid out like scikit-learn's {@code classification_report}. */
public final class ClassificationReport {
    private ClassificationReport() {
    }

    public static String format(Evaluation e) {
        int width = Math.max("weighted avg".length(),
                e.classes().stream().mapToInt(c -> c.name().length()).max().orElse(0));
        StringBuilder sb = new StringBuilder();
        sb.append(String.format(Locale.ROOT, "%" + width + "s  %9s %9s %9s %9s%n%n", "", "precision", "recall",
                "f1-score", "support"));
        for (ClassMetrics c : e.classes()) {
            row(sb, width, c);
        }
        sb.append('\n');
        sb.append(String.format(Locale.ROOT, "%" + width + "s  %9s %9s %9.2f %9d%n", "accuracy", "", "", e.accuracy(),
                e.count()));
        row(sb, width, e.macroAverage());
        row(sb, width, e.weightedAverage());
        return sb.toString();
    }

    private static void row(StringBuilder sb, int width, ClassMetrics c) {
        sb.append(String.format(Locale.ROOT, "%" + width + "s  %9.2f %9.2f %9.2f %9d%n", c.name(), c.precision(),
                c.recall(), c.f1(), c.support()));
    }
}
