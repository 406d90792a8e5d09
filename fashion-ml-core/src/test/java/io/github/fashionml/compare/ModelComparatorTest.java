package io.github.fashionml.compare;

import io.github.fashionml.FashionMlException;
import io.github.fashionml.eval.Evaluation;
import io.github.fashionml.eval.Evaluator;
import io.github.fashionml.eval.Samples;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ModelComparatorTest {
    private static final List<String> CLASSES = List.of("a", "b");

    private static Evaluation eval(String model, Map<String, String> data, int... predicted) {
        int[] actual = new int[predicted.length];
        for (int i = 0; i < actual.length; i++) {
            actual[i] = i % 2;
        }
        return Evaluator.fromPredictions(model, null, data, new Samples(actual, predicted, new float[actual.length]),
                CLASSES, Double.NaN);
    }

    @Test
    void baselineRegressionIsFlaggedWithPerClassDeltas() throws FashionMlException {
        Map<String, String> data = Map.of("train-images", "abc");
        Evaluation before = eval("cnn", data, 0, 1, 0, 1);          // accuracy 1.0
        Evaluation now = eval("cnn", data, 0, 1, 0, 0);             // accuracy 0.75: class b recall 1 -> 0.5
        BaselineCheck check = ModelComparator.againstBaseline(now, before, "old.json", 0.1);
        assertEquals(-0.25, check.accuracyDelta(), 1e-12);
        assertTrue(check.regressed());
        assertEquals(-0.5, check.classDeltas().get(1).recallDelta(), 1e-12);
        assertFalse(ModelComparator.againstBaseline(now, before, "old.json", 0.25).regressed(),
                "a drop equal to the tolerance is tolerated");
    }

    @Test
    void baselineOfOtherDataIsRefused() {
        Evaluation before = eval("cnn", Map.of("train-images", "abc"), 0, 1);
        Evaluation now = eval("cnn", Map.of("train-images", "def"), 0, 1);
        FashionMlException e = assertThrows(FashionMlException.class,
                () -> ModelComparator.againstBaseline(now, before, "old.json", 0.01));
        assertTrue(e.getMessage().contains("was evaluated on other data"), e.getMessage());
    }

    @Test
    void pairsAreTestedOnTheSameImagesOnly() throws FashionMlException {
        Map<String, String> data = Map.of("k", "v");
        List<PairwiseTest> pairs = ModelComparator.pairs(List.of(eval("x", data, 0, 1, 0, 1),
                eval("y", data, 1, 1, 0, 1), eval("z", data, 0, 0, 1, 1)));
        assertEquals(3, pairs.size());
        assertEquals("x", pairs.get(0).first());
        assertEquals(1, pairs.get(0).onlyFirstCorrect());
        assertEquals(0, pairs.get(0).onlySecondCorrect());
        FashionMlException e = assertThrows(FashionMlException.class,
                () -> ModelComparator.pairs(List.of(eval("x", data, 0, 1), eval("y", data, 0, 1, 0))));
        assertTrue(e.getMessage().contains("different test images"), e.getMessage());
    }

    @Test
    void verdictsAreJudgedOnHolmAdjustedPValues() throws FashionMlException {
        Map<String, String> data = Map.of("k", "v");
        // 40 images: y gets the first 8 of x's right answers wrong (exact p = 2 x P(X <= 0 | 8) = 0.0078), z four
        // of them (p = 0.125); three pairs, so the smallest p is multiplied by 3.
        int[] truth = new int[40];
        for (int i = 0; i < 40; i++) {
            truth[i] = i % 2;
        }
        int[] y = truth.clone();
        int[] z = truth.clone();
        for (int i = 0; i < 8; i++) {
            y[i] = 1 - truth[i];
        }
        for (int i = 0; i < 4; i++) {
            z[i] = 1 - truth[i];
        }
        List<PairwiseTest> pairs = ModelComparator.pairs(List.of(eval("x", data, truth), eval("y", data, y),
                eval("z", data, z)));
        PairwiseTest xy = pairs.get(0);
        assertEquals(2.0 / 256, xy.pValue(), 1e-12);
        assertEquals(3 * 2.0 / 256, xy.adjustedPValue(), 1e-12);
        assertEquals("x beats y (Holm-adjusted p = 0.023)", xy.verdict());
        for (PairwiseTest p : pairs) {
            assertTrue(p.adjustedPValue() >= p.pValue(), p.toString());
        }
    }

    @Test
    void theCiSummaryListsModelsGatesVerdictsAndEscapesNames() throws FashionMlException {
        Map<String, String> data = Map.of("k", "v");
        Evaluation good = eval("good|model", data, 0, 1, 0, 1);
        Evaluation bad = eval("bad", data, 0, 0, 0, 0);
        List<Evaluation> evaluations = List.of(good, bad);
        Comparison comparison = new Comparison(ModelComparator.ALPHA, HolmBonferroni.NAME,
                ModelComparator.summaries(evaluations, Map.of()), ModelComparator.pairs(evaluations), null);
        String md = CiSummary.markdown(comparison, evaluations,
                List.of(new io.github.fashionml.eval.QualityGate(null, 0.9, null, null)));
        assertTrue(md.contains("| good\\|model | 1.0000 ("), md);
        assertTrue(md.contains("| bad | minAccuracy | 0.9000 | accuracy 0.5000 | FAIL |"), md);
        assertTrue(md.contains("| good\\|model | minAccuracy | 0.9000 | accuracy 1.0000 | pass |"), md);
        assertTrue(md.contains("Holm-Bonferroni-adjusted"), md);
        assertTrue(md.contains("| good\\|model vs bad | 2 | 0 | 0.500 | 0.500 | no significant difference"), md);
    }

    @Test
    void aGateForAModelThatIsNotConfiguredIsAnError() {
        var gate = new io.github.fashionml.eval.QualityGate("cnnn", 0.9, null, null);
        Exception e = assertThrows(io.github.fashionml.ConfigurationException.class,
                () -> io.github.fashionml.eval.QualityGate.checkModels(List.of(gate), List.of("cnn", "dnn")));
        assertTrue(e.getMessage().contains("names model 'cnnn', which is not configured. Configured models: cnn, dnn"),
                e.getMessage());
    }
}
