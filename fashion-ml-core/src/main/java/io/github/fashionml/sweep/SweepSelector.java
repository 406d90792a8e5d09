package io.github.fashionml.sweep;

import io.github.fashionml.FashionMlException;
import io.github.fashionml.output.OutputLayout;
import io.github.fashionml.provenance.ModelManifest;
import io.github.fashionml.util.AtomicFiles;
import io.github.fashionml.util.Json;
import io.github.fashionml.util.ProgressLog;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * After {@code train}: chooses each swept model's trial on validation figures ({@link CandidateRanking}) and makes
 * the model's name mean it. The model's folder receives the chosen trial's {@code model.zip}, {@code model.onnx}
 * and {@code history.json}, its manifest (under the model's name; the trial's spec, fingerprint and parameters
 * unchanged, so {@code reproduce} retrains the trial) and {@code selection.json}. Every later goal then reads the
 * model's folder as that of any model. Nothing here reads a test figure.
 */
public final class SweepSelector {
    /** The trial files a swept model's folder holds; the manifest is written after them. */
    private static final List<String> COPIED = List.of(OutputLayout.MODEL_FILE, OutputLayout.ONNX_FILE,
            OutputLayout.HISTORY_FILE);

    private final OutputLayout layout;
    private final ProgressLog log;

    public SweepSelector(Path outputDirectory, ProgressLog log) {
        this.layout = new OutputLayout(outputDirectory);
        this.log = log;
    }

    /** Selects and publishes every sweep whose trials are all trained with their current spec. */
    public void selectAll(List<SweptModel> sweeps) throws FashionMlException, IOException {
        for (SweptModel sweep : sweeps) {
            select(sweep);
        }
    }

    /**
     * The selection of one sweep, published; empty when a trial is missing or was trained from another
     * configuration (trained elsewhere, or not yet: the log says which).
     */
    public Optional<Selection> select(SweptModel sweep) throws FashionMlException, IOException {
        List<Selection.TrialResult> results = new ArrayList<>();
        List<String> missing = new ArrayList<>();
        ModelManifest keptManifest = null;
        List<ModelManifest> manifests = new ArrayList<>();
        for (Trial trial : sweep.trials()) {
            Path manifestFile = layout.manifestFile(trial.name());
            if (!Files.isRegularFile(manifestFile)) {
                missing.add(trial.name());
                continue;
            }
            ModelManifest manifest = Json.read(manifestFile, ModelManifest.class, "run the train goal again");
            if (!trial.spec().equals(manifest.inputs().spec())) {
                missing.add(trial.name() + " (trained from another configuration)");
                continue;
            }
            manifests.add(manifest);
            ModelManifest.Outputs out = manifest.outputs();
            if (out.validationAccuracy() == null || out.validationLoss() == null) {
                throw new FashionMlException("Trial " + trial.name() + " of model '" + sweep.name() + "' was trained "
                        + "without validation images, and a sweep chooses on validation: set <validationSize> "
                        + "above 0 (or leave it out for a tenth of the training images)");
            }
            results.add(new Selection.TrialResult(trial.name(), trial.values(), out.validationAccuracy(),
                    out.validationLoss(), out.bestEpoch(), out.epochsRun(), out.parametersSha256()));
        }
        if (!missing.isEmpty()) {
            log.info(sweep.name() + ": " + missing.size() + " of " + sweep.trials().size() + " trials not trained here "
                    + "yet (" + String.join(", ", missing.subList(0, Math.min(3, missing.size())))
                    + (missing.size() > 3 ? ", ..." : "") + "): nothing selected");
            return Optional.empty();
        }
        Selection selection = CandidateRanking.select(sweep.name(), sweep.selectBy(), sweep.parameters(), results);
        for (int i = 0; i < results.size(); i++) {
            if (results.get(i).name().equals(selection.selected().trial())) {
                keptManifest = manifests.get(i);
            }
        }
        publish(sweep.name(), selection, keptManifest);
        log.info(String.format(java.util.Locale.ROOT, "%s: selected trial %s of %d on %s: %s", sweep.name(),
                selection.selected().trial(), sweep.trials().size(), sweep.selectBy(), selection.selected().reason()));
        return Optional.of(selection);
    }

    private void publish(String model, Selection selection, ModelManifest trialManifest) throws IOException {
        String trial = selection.selected().trial();
        AtomicFiles.createDirectories(layout.modelDirectory(model));
        for (String file : COPIED) {
            Path source = layout.modelDirectory(trial).resolve(file);
            Path target = layout.modelDirectory(model).resolve(file);
            if (!Files.isRegularFile(target) || Files.mismatch(source, target) != -1) {
                AtomicFiles.write(target, out -> Files.copy(source, out));
            }
        }
        ModelManifest manifest = new ModelManifest(model, trialManifest.fingerprint(), trialManifest.inputs(),
                trialManifest.outputs(), trialManifest.timings(), trialManifest.environment(), trialManifest.git());
        writeIfChanged(layout.manifestFile(model), Json.MAPPER.writeValueAsBytes(manifest));
        writeIfChanged(layout.selectionFile(model), Json.MAPPER.writeValueAsBytes(selection));
    }

    /** Unchanged files keep their time stamps, so a rebuild that selects the same trial changes nothing. */
    private static void writeIfChanged(Path target, byte[] bytes) throws IOException {
        if (Files.isRegularFile(target) && java.util.Arrays.equals(Files.readAllBytes(target), bytes)) {
            return;
        }
        AtomicFiles.write(target, out -> out.write(bytes));
    }
}
