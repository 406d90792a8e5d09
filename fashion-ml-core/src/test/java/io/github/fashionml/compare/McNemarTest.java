package io.github.fashionml.compare;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class McNemarTest {
    @Test
    void chiSquaredWithContinuityCorrection() {
        // mlxtend's documented example: b = 25, c = 15 gives chi-squared 2.025, p = 0.154728923485.
        McNemar t = McNemar.test(25, 15);
        assertEquals(2.025, t.statistic(), 1e-12);
        assertEquals(0.154728923485, t.pValue(), 1e-9);
        assertEquals("no significant difference between x and y (p = 0.155)", t.verdict("x", "y", 0.05));
    }

    @Test
    void largeDifferenceIsSignificant() {
        // Wikipedia's example table: b = 121, c = 59; corrected chi-squared = 61^2 / 180.
        McNemar t = McNemar.test(121, 59);
        assertEquals(61.0 * 61 / 180, t.statistic(), 1e-12);
        assertTrue(t.pValue() < 0.001);
        assertEquals("cnn beats dnn (p < 0.001)", t.verdict("cnn", "dnn", 0.05));
        assertEquals("dnn beats cnn (p < 0.001)", McNemar.test(59, 121).verdict("cnn", "dnn", 0.05));
    }

    @Test
    void exactBinomialForFewDiscordantImages() {
        // b = 7, c = 1: p = 2 * P(X <= 1 | n = 8, 1/2) = 2 * 9/256.
        McNemar t = McNemar.test(7, 1);
        assertEquals("exact binomial", t.method());
        assertEquals(18 / 256.0, t.pValue(), 1e-12);
        assertEquals(1.0, McNemar.test(3, 3).pValue(), 1e-12);
        assertEquals(1.0, McNemar.test(0, 0).pValue());
    }

    @Test
    void countsDiscordantPairsFromPerImageResults() {
        boolean[] a = {true, true, true, false, false, true};
        boolean[] b = {true, false, false, true, false, true};
        McNemar t = McNemar.test(a, b);
        assertEquals(2, t.onlyFirstCorrect());
        assertEquals(1, t.onlySecondCorrect());
    }

    @Test
    void tinyPValuesDoNotRoundToZero() {
        // cnn against dnn in an example build: 507 against 241 discordant images. 1 - cdf gave 0.0; the survival
        // function gives the value that C's erfc(sqrt(x / 2)) gives (Python's math.erfc: 3.3462011775817726e-22).
        McNemar t = McNemar.test(507, 241);
        assertEquals(265.0 * 265 / 748, t.statistic(), 1e-12);
        assertEquals(3.3462011775817726e-22, t.pValue(), 3.3462011775817726e-22 * 1e-9);
        assertTrue(t.pValue() > 0);
        // chi-squared(1) survival at 100: erfc(sqrt(50)) = 1.5239706048320995e-23.
        assertEquals(1.5239706048320995e-23, McNemar.chiSquaredSurvival(100), 1.5239706048320995e-23 * 1e-9);
        assertEquals(1.0, McNemar.chiSquaredSurvival(0));
    }

    @Test
    void verdictsCanBeJudgedOnAnAdjustedPValue() {
        McNemar t = McNemar.test(30, 15);
        assertTrue(t.pValue() < 0.05);
        assertEquals("no significant difference between a and b (Holm-adjusted p = 0.108)",
                t.verdict("a", "b", 0.05, 0.108, "Holm-adjusted p"));
        assertEquals("a beats b (Holm-adjusted p = 0.036)", t.verdict("a", "b", 0.05, 0.036, "Holm-adjusted p"));
    }
}
