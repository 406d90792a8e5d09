package io.github.fashionml.compare;

import io.github.fashionml.FashionMlException;
import io.github.fashionml.data.source.ResolvedDataset;
import io.github.fashionml.eval.QualityGate;
import io.github.fashionml.fork.NativeJob;
import io.github.fashionml.nativeblas.NativeBackend;
import io.github.fashionml.util.ProgressLog;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;

/**
 * The {@code compare} goal's work: a {@link ComparisonRun}. Only a baseline that is a model file needs native code
 * (it is evaluated on the same test images); every other comparison is done at once, without a JVM.
 *
 * @param baselineFile an {@code evaluation.json} or a {@code model.zip} to check against, or null
 * @param dataset      the verified dataset, needed for a model-file baseline only
 */
public record CompareJob(List<String> models, Path outputDirectory, Path baselineFile, String baselineModel,
                         double tolerance, List<QualityGate> gates, ResolvedDataset dataset) implements NativeJob {

    @Override
    public String activity() {
        return "the baseline model's evaluation";
    }

    @Override
    public void run(NativeBackend backend, ProgressLog log) throws FashionMlException, IOException {
        new ComparisonRun(log).run(models, outputDirectory, baselineFile == null ? null
                : new ComparisonRun.Baseline(baselineFile, baselineModel, tolerance, dataset, backend), gates);
    }

    @Override
    public boolean completeWithoutNative(PlannedSettings settings, ProgressLog log)
            throws FashionMlException, IOException {
        if (ComparisonRun.needsNative(baselineFile)) {
            return false;
        }
        new ComparisonRun(log).run(models, outputDirectory, baselineFile == null ? null
                : new ComparisonRun.Baseline(baselineFile, baselineModel, tolerance, null, null), gates);
        return true;
    }
}
