package io.github.fashionml.reproduce;

import io.github.fashionml.FashionMlException;
import io.github.fashionml.data.source.ResolvedDataset;
import io.github.fashionml.fork.NativeJob;
import io.github.fashionml.nativeblas.NativeBackend;
import io.github.fashionml.output.OutputLayout;
import io.github.fashionml.util.ProgressLog;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;

/**
 * The {@code reproduce} goal's native work, always in a fresh JVM: a {@link ReproductionRun}, which writes
 * {@code reproduce.json} per model whether or not it matches.
 *
 * @param epochs epochs to retrain and compare (0: all)
 */
public record ReproduceJob(List<String> models, Path outputDirectory, int epochs) implements NativeJob {

    @Override
    public String activity() {
        return "the reproduction";
    }

    @Override
    public void run(NativeBackend backend, ProgressLog log) throws FashionMlException, IOException {
        ResolvedDataset dataset = ResolvedDataset.read(new OutputLayout(outputDirectory).datasetFile());
        new ReproductionRun(backend, log).run(models, dataset, outputDirectory, epochs);
    }
}
