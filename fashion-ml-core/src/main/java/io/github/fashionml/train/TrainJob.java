package io.github.fashionml.train;

import io.github.fashionml.FashionMlException;
import io.github.fashionml.data.source.ResolvedDataset;
import io.github.fashionml.fork.NativeJob;
import io.github.fashionml.model.ModelSpec;
import io.github.fashionml.nativeblas.NativeBackend;
import io.github.fashionml.util.ProgressLog;

import java.io.IOException;
import java.util.List;

/** The {@code train} goal's native work: a {@link TrainingRun}; nothing to start when every model is up to date. */
public record TrainJob(List<ModelSpec> specs, ResolvedDataset dataset, TrainingRun.Options options)
        implements NativeJob {

    @Override
    public String activity() {
        return "training";
    }

    @Override
    public void run(NativeBackend backend, ProgressLog log) throws FashionMlException, IOException {
        log.info("ND4J native build " + backend.classifier() + ", oneDNN layer helpers "
                + (backend.layerHelpersActive() ? "on" : "off") + ", " + backend.kernels() + " kernels "
                + backend.kernelSettings());
        new TrainingRun(backend, log).run(specs, dataset, options);
    }

    @Override
    public boolean completeWithoutNative(PlannedSettings settings, ProgressLog log)
            throws FashionMlException, IOException {
        return TrainingRun.allUpToDate(specs, dataset, options, settings.get(), log);
    }
}
