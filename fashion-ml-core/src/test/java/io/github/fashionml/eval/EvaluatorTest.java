package io.github.fashionml.eval;

import io.github.fashionml.ConfigurationException;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class EvaluatorTest {
    private static final List<String> CLASSES = List.of("a", "b", "c");

    /** Six images: actual 0,0,1,1,2,2 predicted 0,1,1,1,2,0, each with probability 0.8 on the prediction. */
    static Evaluation handExample() {
        int[] actual = {0, 0, 1, 1, 2, 2};
        int[] predicted = {0, 1, 1, 1, 2, 0};
        float[] p = new float[18];
        for (int i = 0; i < 6; i++) {
            for (int c = 0; c < 3; c++) {
                p[i * 3 + c] = c == predicted[i] ? 0.8f : 0.1f;
            }
        }
        return Evaluator.evaluate("m", "sha", Map.of("x", "y"), actual, p, CLASSES);
    }

    @Test
    void metricsMatchTheHandComputedOnes() {
        Evaluation e = handExample();
        assertEquals(6, e.count());
        assertEquals(4 / 6.0, e.accuracy(), 1e-12);
        assertArrayEquals(new int[] {1, 1, 0}, e.confusionMatrix()[0]);
        assertArrayEquals(new int[] {0, 2, 0}, e.confusionMatrix()[1]);
        assertArrayEquals(new int[] {1, 0, 1}, e.confusionMatrix()[2]);
        // precision = TP / predicted as the class; recall = TP / actual members.
        assertEquals(0.5, e.classes().get(0).precision(), 1e-12);
        assertEquals(2 / 3.0, e.classes().get(1).precision(), 1e-12);
        assertEquals(1.0, e.classes().get(2).precision(), 1e-12);
        assertEquals(0.5, e.classes().get(0).recall(), 1e-12);
        assertEquals(1.0, e.classes().get(1).recall(), 1e-12);
        assertEquals(0.5, e.classes().get(2).recall(), 1e-12);
        assertEquals(0.5, e.classes().get(0).f1(), 1e-12);
        assertEquals(0.8, e.classes().get(1).f1(), 1e-12);
        assertEquals(2 / 3.0, e.classes().get(2).f1(), 1e-12);
        assertEquals(2, e.classes().get(0).support());
        assertEquals((0.5 + 0.8 + 2 / 3.0) / 3, e.macroAverage().f1(), 1e-12);
        // Equal supports: the weighted average equals the macro one here.
        assertEquals(e.macroAverage().f1(), e.weightedAverage().f1(), 1e-12);
        assertEquals(-(4 * Math.log(0.8f) + 2 * Math.log(0.1f)) / 6, e.logLoss(), 1e-9);
        assertEquals(2, e.topConfusions().size());
        assertEquals("a", e.topConfusions().get(0).actualName());
        assertEquals("b", e.topConfusions().get(0).predictedName());
        assertArrayEquals(new int[] {0, 1, 1, 1, 2, 0}, e.samples().predicted());
        assertEquals(0.8f, e.samples().probability()[0]);
    }

    @Test
    void weightedAverageWeighsBySupport() {
        int[] actual = {0, 0, 0, 1};
        float[] p = {1, 0, 1, 0, 1, 0, 1, 0};
        Evaluation e = Evaluator.evaluate("m", null, Map.of(), actual, p, List.of("x", "y"));
        // Class x: precision 3/4, recall 1, F1 6/7; class y: never predicted, so 0 (as scikit-learn).
        assertEquals(6 / 7.0, e.classes().get(0).f1(), 1e-12);
        assertEquals(0, e.classes().get(1).precision());
        assertEquals((6 / 7.0) / 2, e.macroAverage().f1(), 1e-12);
        assertEquals((6 / 7.0) * 3 / 4, e.weightedAverage().f1(), 1e-12);
    }

    @Test
    void wilsonIntervalMatchesTheFormula() {
        int n = 10_000;
        int x = 9_100;
        double z = 1.959963984540054;
        double p = (double) x / n;
        double centre = (p + z * z / (2 * n)) / (1 + z * z / n);
        double half = z / (1 + z * z / n) * Math.sqrt(p * (1 - p) / n + z * z / (4.0 * n * n));
        Interval ci = Evaluator.wilson(n, x);
        assertEquals(centre - half, ci.lower(), 1e-9);
        assertEquals(centre + half, ci.upper(), 1e-9);
        assertTrue(ci.lower() > 0.903 && ci.upper() < 0.917, ci.toString());
        assertEquals(1.0, Evaluator.wilson(10, 10).upper(), 1e-12);
    }

    @Test
    void reportIsLaidOutLikeScikitLearns() {
        String report = ClassificationReport.format(handExample());
        String expected = String.join("\n",
                "              precision    recall  f1-score   support",
                "",
                "           a       0.50      0.50      0.50         2",
                "           b       0.67      1.00      0.80         2",
                "           c       1.00      0.50      0.67         2",
                "",
                "    accuracy                           0.67         6",
                "   macro avg       0.72      0.67      0.66         6",
                "weighted avg       0.72      0.67      0.66         6",
                "");
        assertEquals(expected, report);
    }

    @Test
    void gatesNameTheModelTheFigureAndTheThreshold() throws ConfigurationException {
        Evaluation e = handExample();
        QualityGate gate = new QualityGate("m", 0.7, 0.6, 0.6);
        gate.validate();
        List<String> failures = gate.failures(e);
        assertEquals(List.of("model 'm': accuracy 0.6667 is below minAccuracy 0.7000",
                "model 'm': recall of class 'a' 0.5000 is below minClassRecall 0.6000",
                "model 'm': recall of class 'c' 0.5000 is below minClassRecall 0.6000"), failures);
        assertTrue(new QualityGate(null, 0.6, null, null).failures(e).isEmpty());
        assertTrue(new QualityGate("other", 0.99, null, null).appliesTo("other"));
        assertTrue(!new QualityGate("other", 0.99, null, null).appliesTo("m"));
    }

    @Test
    void thresholdsOutsideZeroToOneAreRefused() {
        ConfigurationException e = assertThrows(ConfigurationException.class,
                () -> new QualityGate("cnn", 91.0, null, null).validate());
        assertTrue(e.getMessage().contains("minAccuracy must be a fraction between 0 and 1 (got 91.0)"), e.getMessage());
        assertThrows(ConfigurationException.class, () -> new QualityGate(null, null, -0.1, null).validate());
        assertThrows(ConfigurationException.class, () -> new QualityGate(null, null, null, Double.NaN).validate());
    }
}
