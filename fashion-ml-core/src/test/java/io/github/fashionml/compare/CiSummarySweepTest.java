package io.github.fashionml.compare;

import io.github.fashionml.eval.Evaluation;
import io.github.fashionml.eval.Evaluator;
import io.github.fashionml.eval.Samples;
import io.github.fashionml.output.OutputLayout;
import io.github.fashionml.sweep.Selection;
import io.github.fashionml.util.Json;
import io.github.fashionml.util.ProgressLog;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** summary.md names the trial a swept model is, and how it was selected; other models' lines are unchanged. */
class CiSummarySweepTest {
    @TempDir
    Path dir;

    private static Evaluation eval(String model, int... predicted) {
        int[] actual = new int[predicted.length];
        for (int i = 0; i < actual.length; i++) {
            actual[i] = i % 2;
        }
        return Evaluator.fromPredictions(model, null, Map.of("k", "v"),
                new Samples(actual, predicted, new float[actual.length]), List.of("a", "b"), 0.5);
    }

    private static Selection.TrialResult trial(String rate, String seed, double accuracy) {
        return new Selection.TrialResult("dnn_lr" + rate + "_seed" + seed, Map.of("learningRate", rate, "seed", seed),
                accuracy, 0.3, 2, 2, "00");
    }

    @Test
    void theCompareGoalsSummaryNamesTheSelectedTrial() throws Exception {
        OutputLayout layout = new OutputLayout(dir);
        for (Evaluation e : List.of(eval("cnn", 0, 1, 0, 1), eval("dnn", 0, 1, 0, 0))) {
            Files.createDirectories(layout.modelDirectory(e.model()));
            Json.write(layout.evaluationFile(e.model()), e);
        }
        String before = runAndReadSummary(layout);
        assertFalse(before.contains("Sweeps"), before);

        Selection selection = new Selection("dnn", "validationAccuracy", List.of("learningRate", "seed"),
                Selection.RULE, new Selection.Selected("dnn_lr0.002_seed1", Map.of("learningRate", "0.002",
                "seed", "1"), 0.93, "highest mean"),
                List.of(new Selection.Candidate(1, Map.of("learningRate", "0.002"),
                                List.of("dnn_lr0.002_seed1", "dnn_lr0.002_seed2"), 0.92, Math.sqrt(0.0002)),
                        new Selection.Candidate(2, Map.of("learningRate", "0.001"),
                                List.of("dnn_lr0.001_seed1", "dnn_lr0.001_seed2"), 0.88, Math.sqrt(0.0008))),
                List.of(trial("0.001", "1", 0.90), trial("0.001", "2", 0.86), trial("0.002", "1", 0.93),
                        trial("0.002", "2", 0.91)));
        Json.write(layout.selectionFile("dnn"), selection);
        String md = runAndReadSummary(layout);
        assertTrue(md.contains("\n### Sweeps\n\n- dnn is trial `dnn_lr0.002_seed1`, selected of 4 trials on "
                + "validationAccuracy (mean 0.9200 ± 0.0141 over 2 seeds)\n"), md);
        assertTrue(md.contains("only the selected trial is evaluated on the test set"), md);
        assertEquals(1, md.split("is trial", -1).length - 1, "cnn was not swept");
        // The other lines are as they were without a selection.
        assertEquals(before, md.replaceAll("\n### Sweeps\n\n[^#]*", "\n"), md);
    }

    @Test
    void aSingleSeedGivesTheTrialsFigureAndNamesAreEscaped() throws Exception {
        List<Evaluation> evaluations = List.of(eval("my_dnn", 0, 1));
        Comparison comparison = new Comparison(ModelComparator.ALPHA, HolmBonferroni.NAME,
                ModelComparator.summaries(evaluations, Map.of()), List.of(), null);
        Selection selection = new Selection("my_dnn", "validationLoss", List.of("batchSize"), Selection.RULE,
                new Selection.Selected("my_dnn_bs64", Map.of("batchSize", "64"), 0.3012, "lowest mean"),
                List.of(new Selection.Candidate(1, Map.of("batchSize", "64"), List.of("my_dnn_bs64"), 0.3012, null),
                        new Selection.Candidate(2, Map.of("batchSize", "128"), List.of("my_dnn_bs128"), 0.35, null)),
                List.of(new Selection.TrialResult("my_dnn_bs64", Map.of("batchSize", "64"), 0.9, 0.3012, 2, 2, "0"),
                        new Selection.TrialResult("my_dnn_bs128", Map.of("batchSize", "128"), 0.9, 0.35, 2, 2, "1")));
        String md = CiSummary.markdown(comparison, evaluations, List.of(), Map.of("my_dnn", selection));
        assertTrue(md.contains("- my\\_dnn is trial `my_dnn_bs64`, selected of 2 trials on validationLoss (0.3012, one "
                + "seed)\n"), md);
        assertEquals(CiSummary.markdown(comparison, evaluations, List.of()),
                CiSummary.markdown(comparison, evaluations, List.of(), Map.of()), "no selection, no sweep lines");
    }

    private String runAndReadSummary(OutputLayout layout) throws Exception {
        new ComparisonRun(ProgressLog.silent()).run(List.of("cnn", "dnn"), dir, null);
        return Files.readString(layout.summaryFile());
    }
}
