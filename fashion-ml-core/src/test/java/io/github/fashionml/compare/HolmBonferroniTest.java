package io.github.fashionml.compare;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;

class HolmBonferroniTest {
    @Test
    void adjustsAsTheTextbookExample() {
        // Wikipedia's Holm-Bonferroni example (four hypotheses, p = 0.01, 0.04, 0.03, 0.005): sorted 0.005, 0.01,
        // 0.03, 0.04 become 4 x 0.005, 3 x 0.01, 2 x 0.03 and max(0.06, 1 x 0.04); the same as statsmodels'
        // multipletests(method="holm") and R's p.adjust(method = "holm").
        assertArrayEquals(new double[] {0.03, 0.06, 0.06, 0.02},
                HolmBonferroni.adjust(new double[] {0.01, 0.04, 0.03, 0.005}), 1e-12);
    }

    @Test
    void neverExceedsOneAndLeavesASingleTestAlone() {
        assertArrayEquals(new double[] {1.0, 1.0, 0.3}, HolmBonferroni.adjust(new double[] {0.5, 0.6, 0.1}), 1e-12);
        assertArrayEquals(new double[] {0.042}, HolmBonferroni.adjust(new double[] {0.042}), 1e-12);
        assertArrayEquals(new double[] {}, HolmBonferroni.adjust(new double[] {}), 0);
    }
}
