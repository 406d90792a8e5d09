package io.github.fashionml.data.folder;

import java.util.ArrayList;
import java.util.List;

/**
 * Identical images (same SHA-256) where they do harm: in both train and test, which inflates test accuracy, and
 * under two classes, which teaches contradictory labels. Reported, not refused: the user decides.
 *
 * @param acrossSplits          how many distinct contents appear in both train and test
 * @param acrossSplitsExamples  the first few of them (in natural order of their first path), each as its paths
 * @param acrossClasses         how many distinct contents appear under two or more classes
 * @param acrossClassesExamples the first few of them, each as its paths
 */
public record DuplicateReport(int acrossSplits, List<List<String>> acrossSplitsExamples, int acrossClasses,
                              List<List<String>> acrossClassesExamples) {
    /** How many examples of each kind are kept, and how many paths of each example. */
    public static final int EXAMPLES = 5;

    public DuplicateReport {
        acrossSplitsExamples = acrossSplitsExamples.stream().map(List::copyOf).toList();
        acrossClassesExamples = acrossClassesExamples.stream().map(List::copyOf).toList();
    }

    public boolean isEmpty() {
        return acrossSplits == 0 && acrossClasses == 0;
    }

    /** Warning lines for the log, one per kind found; none when there are no such duplicates. */
    public List<String> describe() {
        List<String> lines = new ArrayList<>();
        if (acrossSplits > 0) {
            lines.add(acrossSplits + " image" + (acrossSplits == 1 ? "" : "s") + " in both train and test (identical "
                    + "files inflate test accuracy; remove one copy): " + examples(acrossSplitsExamples, acrossSplits));
        }
        if (acrossClasses > 0) {
            lines.add(acrossClasses + " image" + (acrossClasses == 1 ? "" : "s") + " under two or more classes "
                    + "(identical files with different labels): " + examples(acrossClassesExamples, acrossClasses));
        }
        return lines;
    }

    private static String examples(List<List<String>> examples, int count) {
        List<String> groups = examples.stream().map(g -> String.join(" = ", g)).toList();
        return String.join("; ", groups) + (count > examples.size() ? "; ..." : "");
    }
}
