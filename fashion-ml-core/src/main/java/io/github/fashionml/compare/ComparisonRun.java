package io.github.fashionml.compare;

import io.github.fashionml.ConfigurationException;
import io.github.fashionml.FashionMlException;
import io.github.fashionml.eval.Evaluation;
import io.github.fashionml.eval.EvaluationRun;
import io.github.fashionml.provenance.ModelManifest;
import io.github.fashionml.train.TrainingRun;
import io.github.fashionml.util.Json;
import io.github.fashionml.util.ProgressLog;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Compares the evaluated models of a build: writes {@code comparison.json}, logs the table and the McNemar
 * verdicts, and fails when a model regressed against its baseline.
 */
public final class ComparisonRun {
    public static final String COMPARISON_FILE = "comparison.json";

    /**
     * @param baselineFile  an earlier {@code evaluation.json}, or null for no baseline check
     * @param baselineModel the model of this build to check against it; null means the model of the same name
     * @param tolerance     how much accuracy may drop (absolute, e.g. 0.005) before the build fails
     */
    public record Baseline(Path baselineFile, String baselineModel, double tolerance) {
    }

    private final ProgressLog log;

    public ComparisonRun(ProgressLog log) {
        this.log = log;
    }

    public Comparison run(List<String> models, Path outputDirectory, Baseline baseline)
            throws FashionMlException, IOException {
        List<Evaluation> evaluations = new ArrayList<>();
        Map<String, ModelManifest> manifests = new LinkedHashMap<>();
        for (String model : models) {
            Path dir = outputDirectory.resolve(model);
            Path evaluation = dir.resolve(EvaluationRun.EVALUATION_FILE);
            if (!Files.isRegularFile(evaluation)) {
                throw new FashionMlException("Model '" + model + "' has no evaluation: " + evaluation + " does not "
                        + "exist. Run the evaluate goal first (it binds to the test phase).");
            }
            evaluations.add(EvaluationRun.read(evaluation));
            Path manifest = dir.resolve(TrainingRun.MANIFEST_FILE);
            if (Files.isRegularFile(manifest)) {
                manifests.put(model, Json.read(manifest, ModelManifest.class, "run the train goal again"));
            }
        }
        BaselineCheck check = null;
        if (baseline != null && baseline.baselineFile() != null) {
            if (!(baseline.tolerance() >= 0 && baseline.tolerance() <= 1)) {
                throw new ConfigurationException("tolerance must be between 0 and 1 (got " + baseline.tolerance()
                        + "); write 0.005 for half a percentage point");
            }
            Evaluation earlier = EvaluationRun.read(baseline.baselineFile());
            String name = baseline.baselineModel() != null ? baseline.baselineModel() : earlier.model();
            Evaluation current = evaluations.stream().filter(e -> e.model().equals(name)).findFirst()
                    .orElseThrow(() -> new ConfigurationException("The baseline " + baseline.baselineFile()
                            + " is of model '" + earlier.model() + "', and this build evaluates no model '" + name
                            + "'. Set <baselineModel> to one of " + models));
            check = ModelComparator.againstBaseline(current, earlier, baseline.baselineFile().toString(),
                    baseline.tolerance());
        }
        Comparison comparison = new Comparison(ModelComparator.ALPHA,
                ModelComparator.summaries(evaluations, manifests), ModelComparator.pairs(evaluations), check);
        Path out = outputDirectory.resolve(COMPARISON_FILE);
        Json.write(out, comparison);
        log.info("Comparison (written to " + out + "):\n" + ModelComparator.table(comparison));
        if (check != null && check.regressed()) {
            throw new RegressionException(String.format(Locale.ROOT, "Model '%s' regressed: accuracy %.4f is %.4f "
                            + "below the baseline %.4f of %s (tolerance %.4f). Per-class changes are in the log and "
                            + "in %s.", check.model(), check.accuracy(), -check.accuracyDelta(),
                    check.baselineAccuracy(), check.baselineFile(), check.tolerance(), out));
        }
        return comparison;
    }
}
