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
}
