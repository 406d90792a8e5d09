package io.github.fashionml.sweep;

import org.junit.jupiter.api.Test;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The selection and tie rules on synthetic validation figures. */
class CandidateRankingTest {
    private static Selection.TrialResult trial(String rate, long seed, double accuracy, double loss) {
        Map<String, String> values = new LinkedHashMap<>();
        values.put("learningRate", rate);
        values.put("seed", Long.toString(seed));
        return new Selection.TrialResult("dnn_lr" + rate + "_seed" + seed, values, accuracy, loss, 3, 3, "00");
    }

    private static Selection select(String by, Selection.TrialResult... trials) {
        return CandidateRanking.select("dnn", by, List.of("learningRate", "seed"), List.of(trials));
    }

    @Test
    void theBestMeanOverSeedsWinsNotTheBestSingleTrial() {
        // 0.001 has the single best trial (0.95) but a worse mean (0.90) than 0.002 (0.92).
        Selection s = select("validationAccuracy",
                trial("0.001", 1, 0.95, 0.3), trial("0.001", 2, 0.85, 0.5),
                trial("0.002", 1, 0.93, 0.3), trial("0.002", 2, 0.91, 0.4));
        assertEquals(Map.of("learningRate", "0.002"), s.candidates().get(0).values());
        assertEquals(0.92, s.candidates().get(0).mean(), 1e-12);
        assertEquals(Math.sqrt(0.0002), s.candidates().get(0).standardDeviation(), 1e-12);
        assertEquals(List.of(1, 2), s.candidates().stream().map(Selection.Candidate::rank).toList());
        // Both seeds are 0.01 from the mean: the first in grid order is kept.
        assertEquals("dnn_lr0.002_seed1", s.selected().trial());
        assertTrue(s.selected().reason().startsWith("highest mean validationAccuracy 0.9200 over 2 seeds"),
                s.selected().reason());
        assertTrue(s.selected().reason().contains("ahead of {learningRate=0.001} at 0.9000"), s.selected().reason());
    }

    @Test
    void ofTheSelectedCandidatesSeedsTheOneClosestToTheMeanIsKept() {
        Selection s = select("validationAccuracy",
                trial("0.002", 1, 0.90, 0.3), trial("0.002", 2, 0.94, 0.3), trial("0.002", 3, 0.93, 0.3));
        // Mean 0.9233: seed 3 (0.93) is closest.
        assertEquals("dnn_lr0.002_seed3", s.selected().trial());
        assertEquals(0.93, s.selected().figure(), 1e-12);
    }

    @Test
    void validationLossIsBetterLower() {
        Selection s = select("validationLoss",
                trial("0.001", 1, 0.95, 0.40), trial("0.002", 1, 0.90, 0.30));
        assertEquals("dnn_lr0.002_seed1", s.selected().trial());
        assertTrue(s.selected().reason().startsWith("lowest mean validationLoss 0.3000 over 1 seed"));
        assertNull(s.candidates().get(0).standardDeviation());
    }

    @Test
    void equalMeansGoToTheSmallerStandardDeviationThenToGridOrder() {
        Selection bySd = select("validationAccuracy",
                trial("0.001", 1, 0.80, 0.3), trial("0.001", 2, 1.00, 0.3),
                trial("0.002", 1, 0.89, 0.3), trial("0.002", 2, 0.91, 0.3));
        assertEquals(Map.of("learningRate", "0.002"), bySd.candidates().get(0).values());
        assertTrue(bySd.selected().reason().contains("its smaller standard deviation"), bySd.selected().reason());

        // Summed in another order, 0.1 + 0.2 and 0.2 + 0.1 still tie: grid order decides.
        Selection byOrder = select("validationAccuracy",
                trial("0.003", 1, 0.7, 0.3), trial("0.003", 2, 0.9, 0.3),
                trial("0.001", 1, 0.9, 0.3), trial("0.001", 2, 0.7, 0.3));
        assertEquals(Map.of("learningRate", "0.003"), byOrder.candidates().get(0).values());
        assertTrue(byOrder.selected().reason().contains("grid order"), byOrder.selected().reason());
    }

    @Test
    void aTrialWithoutValidationFiguresCannotBeRanked() {
        Selection.TrialResult blind = new Selection.TrialResult("dnn_lr0.001_seed1", Map.of("learningRate", "0.001"),
                null, null, 1, 1, "00");
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> CandidateRanking.select("dnn", "validationAccuracy", List.of("learningRate"), List.of(blind)));
        assertTrue(e.getMessage().contains("without validation images"), e.getMessage());
    }
}
