package io.github.fashionml.compare;

import io.github.fashionml.ConfigurationException;
import io.github.fashionml.FashionMlException;
import io.github.fashionml.eval.Evaluation;
import io.github.fashionml.eval.EvaluationRun;
import io.github.fashionml.output.OutputLayout;
import io.github.fashionml.provenance.ModelManifest;
import io.github.fashionml.sweep.Selection;
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
    /**
     * @param baselineFile  an earlier {@code evaluation.json}, or a {@code model.zip} to evaluate now (for example a
     *                      published model artifact); null for no baseline check
     * @param baselineModel the model of this build to check against it; null means the model of the same name
     *                      (for a model file: required)
     * @param tolerance     how much accuracy may drop (absolute, e.g. 0.005) before the build fails
     * @param data          the test data, needed only to evaluate a model file
     * @param backend       the started native backend, needed only to evaluate a model file
     */
    public record Baseline(Path baselineFile, String baselineModel, double tolerance,
                           io.github.fashionml.data.source.ResolvedDataset data,
                           io.github.fashionml.nativeblas.NativeBackend backend) {
    }

    private final ProgressLog log;

    /** Whether this baseline is a model file, to be evaluated with the native backend. */
    public static boolean needsNative(Path baselineFile) {
        return baselineFile != null && baselineFile.getFileName().toString().endsWith(".zip");
    }

    /** An evaluation.json as it is, or a model zip evaluated now on the same test images as this build's model. */
    private Evaluation baselineEvaluation(Baseline baseline, List<Evaluation> evaluations)
            throws FashionMlException, IOException {
        Path file = baseline.baselineFile();
        if (!needsNative(file)) {
            return EvaluationRun.read(file);
        }
        String name = baseline.baselineModel();
        Evaluation current = evaluations.stream().filter(e -> e.model().equals(name)).findFirst()
                .orElseThrow(() -> new ConfigurationException("A model file as baseline needs <baselineModel>: the "
                        + "model of this build to check against it (one of " + evaluations.stream()
                        .map(Evaluation::model).toList() + ")"));
        if (baseline.data() == null || baseline.backend() == null) {
            throw new IllegalStateException("a model baseline needs the dataset and the native backend");
        }
        log.info("Evaluating baseline model " + file + " on the same " + current.count() + " test images");
        io.github.fashionml.data.DatasetDescription description = baseline.data().description();
        io.github.fashionml.data.ImageDataset data = io.github.fashionml.data.ImageDataset.load(
                baseline.data().paths(), description.name(), description.classNames());
        return EvaluationRun.evaluateModelFile(baseline.backend(), file, name + " (baseline)", current.dataset(), data,
                current.count());
    }

    public ComparisonRun(ProgressLog log) {
        this.log = log;
    }

    public Comparison run(List<String> models, Path outputDirectory, Baseline baseline)
            throws FashionMlException, IOException {
        return run(models, outputDirectory, baseline, List.of());
    }

    /**
     * Compares the models, writes {@code comparison.json} and {@code summary.md} (the gates' results included),
     * and fails when the baseline check regressed.
     */
    public Comparison run(List<String> models, Path outputDirectory, Baseline baseline,
                          List<io.github.fashionml.eval.QualityGate> gates) throws FashionMlException, IOException {
        OutputLayout layout = new OutputLayout(outputDirectory);
        List<Evaluation> evaluations = new ArrayList<>();
        Map<String, ModelManifest> manifests = new LinkedHashMap<>();
        Map<String, Selection> selections = new LinkedHashMap<>();
        for (String model : models) {
            Path evaluation = layout.evaluationFile(model);
            if (!Files.isRegularFile(evaluation)) {
                throw new FashionMlException("Model '" + model + "' has no evaluation: " + evaluation + " does not "
                        + "exist. Run the evaluate goal first (it binds to the test phase).");
            }
            evaluations.add(EvaluationRun.read(evaluation));
            Path manifest = layout.manifestFile(model);
            if (Files.isRegularFile(manifest)) {
                manifests.put(model, Json.read(manifest, ModelManifest.class, "run the train goal again"));
            }
            // A swept model's selection, for summary.md; read before anything is written.
            Path selection = layout.selectionFile(model);
            if (Files.isRegularFile(selection)) {
                selections.put(model, Json.read(selection, Selection.class, "run the train goal again"));
            }
        }
        BaselineCheck check = null;
        if (baseline != null && baseline.baselineFile() != null) {
            if (!(baseline.tolerance() >= 0 && baseline.tolerance() <= 1)) {
                throw new ConfigurationException("tolerance must be between 0 and 1 (got " + baseline.tolerance()
                        + "); write 0.005 for half a percentage point");
            }
            Evaluation earlier = baselineEvaluation(baseline, evaluations);
            String name = baseline.baselineModel() != null ? baseline.baselineModel() : earlier.model();

            Evaluation current = evaluations.stream().filter(e -> e.model().equals(name)).findFirst()
                    .orElseThrow(() -> new ConfigurationException("The baseline " + baseline.baselineFile()
                            + " is of model '" + earlier.model() + "', and this build evaluates no model '" + name
                            + "'. Set <baselineModel> to one of " + models));
            check = ModelComparator.againstBaseline(current, earlier, baseline.baselineFile().toString(),
                    baseline.tolerance());
        }
        Comparison comparison = new Comparison(ModelComparator.ALPHA, HolmBonferroni.NAME,
                ModelComparator.summaries(evaluations, manifests), ModelComparator.pairs(evaluations), check);
        Path out = layout.comparisonFile();
        Json.write(out, comparison);
        Path summary = layout.summaryFile();
        String markdown = CiSummary.markdown(comparison, evaluations, gates, selections);
        io.github.fashionml.util.AtomicFiles.write(summary,
                stream -> stream.write(markdown.getBytes(java.nio.charset.StandardCharsets.UTF_8)));
        log.info("CI summary written to " + summary + " (append it to $GITHUB_STEP_SUMMARY, or post it on a pull "
                + "request)");
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
