package io.github.fashionml.predict;

import io.github.fashionml.FashionMlException;
import io.github.fashionml.fork.NativeJob;
import io.github.fashionml.nativeblas.NativeBackend;
import io.github.fashionml.util.ProgressLog;

import java.io.IOException;
import java.nio.file.Path;

/** The {@code predict} goal's native work: a {@link PredictionRun}. Paths as {@link PredictionRun#run} takes them. */
public record PredictJob(Path outputDirectory, String model, Path modelFile, Path images, Path predictionsFile)
        implements NativeJob {

    @Override
    public String activity() {
        return "predictions";
    }

    @Override
    public void run(NativeBackend backend, ProgressLog log) throws FashionMlException, IOException {
        new PredictionRun(backend, log).run(outputDirectory, model, modelFile, images, predictionsFile);
    }
}
