package io.github.fashionml.maven;

import io.github.fashionml.ConfigurationException;
import io.github.fashionml.model.ModelConfig;
import io.github.fashionml.model.ModelSelection;
import io.github.fashionml.model.ModelSpec;
import org.apache.maven.plugins.annotations.Parameter;

import java.util.List;

/** Goals that work on the configured models: configure {@code <models>} once at plugin level for all of them. */
abstract class AbstractModelsMojo extends AbstractNativeMojo {

    /**
     * The models. Each {@code <model>} has a {@code <name>} and an {@code <architecture>} ({@code cnn},
     * {@code dnn} or {@code cnn-deep}) and may change {@code filters}, {@code kernelSize}, {@code padding}
     * ({@code valid} or {@code same}), {@code convDropout},
     * {@code dense}, {@code denseDropout}, {@code epochs} (the maximum, with early stopping), {@code batchSize},
     * {@code learningRate} (the peak, with a schedule), {@code seed}, {@code threads}, {@code standardize},
     * {@code <schedule>} ({@code <type>} {@code constant}, {@code cosine}, {@code onecycle} or {@code plateau}, with
     * {@code warmupEpochs}, {@code floor}, {@code factor}, {@code patience}, {@code monitor}) and
     * {@code <earlyStopping>} ({@code monitor} {@code validationLoss} or {@code validationAccuracy},
     * {@code patience}, {@code minDelta}, {@code restoreBest}, {@code enabled}). A {@code <sweep>} lists
     * comma-separated values for any of {@code learningRate}, {@code batchSize}, {@code epochs}, {@code schedule}
     * (the type), {@code filters} and {@code dense} (layers joined by '-', e.g. {@code 128,256-128}),
     * {@code kernelSize}, {@code padding}, {@code convDropout}, {@code denseDropout}, {@code standardize} and
     * {@code seed}: every combination trains as a trial of its own ({@code dnn_lr0.002_seed1}), and the model
     * becomes the trial chosen on validation by {@code <selectBy>} ({@code validationAccuracy}, the default, or
     * {@code validationLoss}; seeds are repeats judged by their mean), at most {@code <maxTrials>} (64) trials.
     * Default: the three reference models.
     */
    @Parameter
    protected List<ModelConfig> models;

    /**
     * Quality gates: {@code <gate>} elements with {@code <model>} (leave out for all models) and any of
     * {@code <minAccuracy>}, {@code <minMacroF1>}, {@code <minClassRecall>} (fractions in [0, 1]). {@code evaluate}
     * fails the build on a missed gate; {@code compare} reports each gate in {@code summary.md}. A gate naming a
     * model that is not configured is an error.
     */
    @Parameter
    protected List<Gate> gates;

    /** A minimum accuracy for every model, in addition to {@code gates}. */
    @Parameter(property = "fashionml.minAccuracy")
    protected Double minAccuracy;

    /**
     * Work on these of the configured {@code <models>} only (comma-separated names). Its property was
     * {@code fashionml.models} before 0.1.0.
     */
    @Parameter(property = "fashionml.modelNames")
    protected String modelNames;

    protected List<ModelSpec> selectedSpecs(ModelConfig overrides) throws ConfigurationException {
        return ModelSelection.specs(models, overrides, modelNames);
    }

    /** The configured gates, checked: thresholds in [0, 1], and every named model configured. */
    protected List<io.github.fashionml.eval.QualityGate> qualityGates() throws ConfigurationException {
        List<io.github.fashionml.eval.QualityGate> checks = new java.util.ArrayList<>();
        if (gates != null) {
            gates.forEach(g -> checks.add(g.toQualityGate()));
        }
        if (minAccuracy != null) {
            checks.add(new io.github.fashionml.eval.QualityGate(null, minAccuracy, null, null));
        }
        io.github.fashionml.eval.QualityGate.checkModels(checks,
                ModelSelection.specs(models, null, null).stream().map(ModelSpec::name).toList());
        return checks;
    }

    /**
     * The models to evaluate and compare: each selected model, a swept model meaning its selected trial. Trials
     * named on their own (a matrix leg) are left out, and logged: only a sweep's selected trial reads the test set.
     */
    protected List<String> selectedNames() throws ConfigurationException {
        io.github.fashionml.sweep.SweepPlan plan = io.github.fashionml.sweep.SweepPlan.of(models, null, modelNames);
        List<String> names = plan.evaluatedNames();
        if (names.size() < plan.modelNames().size()) {
            getLog().info("Sweep trials are not evaluated on the test set (only a sweep's selected trial is): "
                    + plan.modelNames().stream().filter(plan::isTrial).toList());
        }
        return names;
    }
}
