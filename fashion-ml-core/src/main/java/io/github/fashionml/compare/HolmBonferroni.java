package io.github.fashionml.compare;

import java.util.Arrays;
import java.util.Comparator;

/**
 * Holm's step-down adjustment for testing several hypotheses at once: it keeps the family-wise error rate at
 * alpha, and is never less powerful than Bonferroni's. Sorted ascending, the i-th smallest of m p-values
 * becomes {@code max over j <= i of min(1, (m - j + 1) p(j))}; a hypothesis is rejected when its adjusted value
 * is below alpha. (As statsmodels' {@code multipletests(method="holm")} and R's {@code p.adjust("holm")}.)
 */
public final class HolmBonferroni {
    public static final String NAME = "Holm-Bonferroni";

    private HolmBonferroni() {
    }

    /** The adjusted p-values, in the order given. */
    public static double[] adjust(double[] pValues) {
        int m = pValues.length;
        Integer[] order = new Integer[m];
        for (int i = 0; i < m; i++) {
            order[i] = i;
        }
        Arrays.sort(order, Comparator.comparingDouble(i -> pValues[i]));
        double[] adjusted = new double[m];
        double running = 0;
        for (int rank = 0; rank < m; rank++) {
            int i = order[rank];
            running = Math.max(running, Math.min(1, (m - rank) * pValues[i]));
            adjusted[i] = running;
        }
        return adjusted;
    }
}
