package io.github.fashionml.output;

import io.github.fashionml.FashionMlException;
import io.github.fashionml.provenance.ModelManifest;
import io.github.fashionml.provenance.TrainingHistory;
import io.github.fashionml.util.Json;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The output tree under {@code target/fashion-ml/}: one owner for its file names. {@code dataset.json} and
 * {@code comparison.json} at the top; per model, {@code <model>/model.zip}, {@code model.onnx}, {@code history.json},
 * {@code manifest.json}, {@code evaluation.json}, {@code predictions.json} and {@code reproduce.json}.
 */
public final class OutputLayout {
    public static final String DATASET_FILE = "dataset.json";
    public static final String COMPARISON_FILE = "comparison.json";
    public static final String SUMMARY_FILE = "summary.md";
    public static final String MODEL_FILE = "model.zip";
    public static final String ONNX_FILE = "model.onnx";
    public static final String HISTORY_FILE = "history.json";
    public static final String MANIFEST_FILE = "manifest.json";
    public static final String EVALUATION_FILE = "evaluation.json";
    public static final String PREDICTIONS_FILE = "predictions.json";
    public static final String REPRODUCTION_FILE = "reproduce.json";
    /** In a swept model's folder: every trial's validation figures and which trial the model is. */
    public static final String SELECTION_FILE = "selection.json";
    /** The legs a CI matrix trains: {@code plan}'s output. */
    public static final String PLAN_FILE = "plan.json";

    private final Path root;

    public OutputLayout(Path root) {
        this.root = root;
    }

    public Path root() {
        return root;
    }

    public Path datasetFile() {
        return root.resolve(DATASET_FILE);
    }

    public Path comparisonFile() {
        return root.resolve(COMPARISON_FILE);
    }

    public Path summaryFile() {
        return root.resolve(SUMMARY_FILE);
    }

    public Path planFile() {
        return root.resolve(PLAN_FILE);
    }

    public Path modelDirectory(String model) {
        return root.resolve(model);
    }

    public Path modelFile(String model) {
        return modelDirectory(model).resolve(MODEL_FILE);
    }

    public Path onnxFile(String model) {
        return modelDirectory(model).resolve(ONNX_FILE);
    }

    public Path historyFile(String model) {
        return modelDirectory(model).resolve(HISTORY_FILE);
    }

    public Path manifestFile(String model) {
        return modelDirectory(model).resolve(MANIFEST_FILE);
    }

    public Path evaluationFile(String model) {
        return modelDirectory(model).resolve(EVALUATION_FILE);
    }

    public Path predictionsFile(String model) {
        return modelDirectory(model).resolve(PREDICTIONS_FILE);
    }

    public Path selectionFile(String model) {
        return modelDirectory(model).resolve(SELECTION_FILE);
    }

    public Path reproductionFile(String model) {
        return modelDirectory(model).resolve(REPRODUCTION_FILE);
    }

    /** A trained model's manifest, or an error that says how to make one. */
    public ModelManifest readManifest(String model) throws FashionMlException, IOException {
        Path manifest = manifestFile(model);
        if (!Files.isRegularFile(manifest)) {
            throw new FashionMlException("No trained model '" + model + "': " + manifest + " does not exist. Run the "
                    + "train goal first (bind it in <executions>, or run mvn compile), or remove '" + model
                    + "' from the models to work on.");
        }
        return Json.read(manifest, ModelManifest.class, "run the train goal again");
    }

    /** A trained model's per-epoch history, or an error that says how to make one. */
    public TrainingHistory readHistory(String model) throws FashionMlException, IOException {
        Path history = historyFile(model);
        if (!Files.isRegularFile(history)) {
            throw new FashionMlException("Model '" + model + "' has no " + history + ": run the train goal again");
        }
        return Json.read(history, TrainingHistory.class, "run the train goal again");
    }
}
