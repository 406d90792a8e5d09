package io.github.fashionml.eval;

import io.github.fashionml.FashionMlException;
import io.github.fashionml.data.source.ResolvedDataset;
import io.github.fashionml.fork.NativeJob;
import io.github.fashionml.nativeblas.NativeBackend;
import io.github.fashionml.util.ProgressLog;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;

/**
 * The {@code evaluate} goal's work: an {@link EvaluationRun}. When every evaluation is of the current model and
 * test images, it reports and checks the gates at once, without a JVM.
 */
public record EvaluateJob(List<String> models, ResolvedDataset dataset, Path outputDirectory, List<QualityGate> gates,
                          boolean failOnGate) implements NativeJob {

    @Override
    public String activity() {
        return "evaluation";
    }

    @Override
    public void run(NativeBackend backend, ProgressLog log) throws FashionMlException, IOException {
        new EvaluationRun(backend, log).run(models, dataset, outputDirectory, gates, failOnGate);
    }

    @Override
    public boolean completeWithoutNative(PlannedSettings settings, ProgressLog log)
            throws FashionMlException, IOException {
        if (!EvaluationRun.allCurrent(models, dataset, outputDirectory)) {
            return false;
        }
        new EvaluationRun(null, log).run(models, dataset, outputDirectory, gates, failOnGate);
        return true;
    }
}
