package io.github.fashionml.report;

import io.github.fashionml.FashionMlException;
import io.github.fashionml.eval.Evaluation;
import io.github.fashionml.eval.EvaluationRun;
import io.github.fashionml.output.OutputLayout;
import io.github.fashionml.provenance.ModelManifest;
import io.github.fashionml.provenance.TrainingHistory;
import io.github.fashionml.sweep.Selection;
import io.github.fashionml.util.Json;

import java.io.IOException;
import java.nio.file.Files;
import java.util.List;

/**
 * One model's outputs as the report reads them: its manifest, evaluation, (possibly empty) history and, for a swept
 * model, its {@code selection.json} (else null).
 */
record ModelOutputs(String model, ModelManifest manifest, Evaluation evaluation, TrainingHistory history,
                    Selection selection) {

    /** The kept epoch: the history's record, else the last epoch. */
    int keptEpoch() {
        return history.keptEpoch() != null ? history.keptEpoch() : history.epochs().size();
    }

    static ModelOutputs load(OutputLayout layout, String model) throws FashionMlException, IOException {
        boolean trained = Files.isRegularFile(layout.manifestFile(model));
        if (!trained || !Files.isRegularFile(layout.evaluationFile(model))) {
            throw new FashionMlException("Model '" + model + "' has no " + (trained
                    ? "evaluation (" + layout.evaluationFile(model) + "): run the evaluate goal"
                    : "trained model (" + layout.manifestFile(model) + "): run the train and evaluate goals")
                    + " before the report.");
        }
        ModelManifest manifest = Json.read(layout.manifestFile(model), ModelManifest.class, "run the train goal again");
        Evaluation evaluation = EvaluationRun.read(layout.evaluationFile(model));
        TrainingHistory history = Files.isRegularFile(layout.historyFile(model))
                ? Json.read(layout.historyFile(model), TrainingHistory.class, "run the train goal again")
                : new TrainingHistory(model, List.of(), null, null);
        Selection selection = Files.isRegularFile(layout.selectionFile(model))
                ? Json.read(layout.selectionFile(model), Selection.class, "run the train goal again") : null;
        return new ModelOutputs(model, manifest, evaluation, history, selection);
    }
}
