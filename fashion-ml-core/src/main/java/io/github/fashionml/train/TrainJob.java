package io.github.fashionml.train;

import io.github.fashionml.ConfigurationException;
import io.github.fashionml.sweep.SweepPlan;
import io.github.fashionml.sweep.SweepProgress;
import io.github.fashionml.sweep.SweepSelector;
import io.github.fashionml.sweep.SweptModel;
import io.github.fashionml.FashionMlException;
import io.github.fashionml.data.source.ResolvedDataset;
import io.github.fashionml.fork.NativeJob;
import io.github.fashionml.model.ModelSpec;
import io.github.fashionml.nativeblas.NativeBackend;
import io.github.fashionml.util.ProgressLog;

import java.io.IOException;
import java.util.List;

/**
 * The {@code train} goal's native work: a {@link TrainingRun} of every model and sweep trial, then each sweep's
 * selection ({@link SweepSelector}); nothing to start when every model and trial is up to date.
 */
public record TrainJob(List<ModelSpec> specs, List<SweptModel> sweeps, ResolvedDataset dataset,
                       TrainingRun.Options options) implements NativeJob {

    public TrainJob(List<ModelSpec> specs, ResolvedDataset dataset, TrainingRun.Options options) {
        this(specs, List.of(), dataset, options);
    }

    /** Models and sweeps as planned from the configuration. */
    public TrainJob(SweepPlan plan, ResolvedDataset dataset, TrainingRun.Options options) {
        this(plan.specs(), plan.sweeps(), dataset, options);
    }

    @Override
    public String activity() {
        return "training";
    }

    @Override
    public void run(NativeBackend backend, ProgressLog log) throws FashionMlException, IOException {
        log.info("ND4J native build " + backend.classifier() + ", oneDNN layer helpers "
                + (backend.layerHelpersActive() ? "on" : "off") + ", " + backend.kernels() + " kernels "
                + backend.kernelSettings());
        checkSweepsValidate();
        new TrainingRun(backend, log).run(specs, sweeps, dataset, options);
        new SweepSelector(options.outputDirectory(), log).selectAll(sweeps);
    }

    @Override
    public boolean completeWithoutNative(PlannedSettings settings, ProgressLog log)
            throws FashionMlException, IOException {
        checkSweepsValidate();
        if (!TrainingRun.allUpToDate(specs, dataset, options, settings.get(), log)) {
            return false;
        }
        new SweepProgress(sweeps).logUpToDate(log);
        new SweepSelector(options.outputDirectory(), log).selectAll(sweeps);
        return true;
    }

    /** A sweep chooses on validation figures, so it needs validation images. */
    private void checkSweepsValidate() throws ConfigurationException {
        if (!sweeps.isEmpty() && options.validationSize() != null && options.validationSize() == 0) {
            throw new ConfigurationException("Model '" + sweeps.get(0).name() + "' has a <sweep>, which chooses its "
                    + "trial on validation figures, and <validationSize> is 0: hold images out (leave "
                    + "<validationSize> out for a tenth of the training images)");
        }
    }
}
