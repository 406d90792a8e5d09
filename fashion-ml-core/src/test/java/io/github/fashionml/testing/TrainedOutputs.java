package io.github.fashionml.testing;

import io.github.fashionml.compare.ComparisonRun;
import io.github.fashionml.data.source.DatasetResolver;
import io.github.fashionml.data.source.FetchOptions;
import io.github.fashionml.data.source.ResolvedDataset;
import io.github.fashionml.eval.EvaluationRun;
import io.github.fashionml.model.Architectures;
import io.github.fashionml.nativeblas.NativeBackend;
import io.github.fashionml.train.TrainingRun;
import io.github.fashionml.util.ProgressLog;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

/** A build's outputs made the real way (fetch, train, evaluate, compare) on the shipped subset, once per JVM. */
public final class TrainedOutputs {
    private static Path directory;

    private TrainedOutputs() {
    }

    /** An output directory with dataset.json, cnn and dnn (2 epochs each) evaluated, and comparison.json. */
    public static synchronized Path directory() throws Exception {
        if (directory == null) {
            Path out = TestData.scratchDirectory("fashion-ml-outputs");
            NativeBackend backend = NativeBackend.start(NativeBackend.AUTO);
            FetchOptions options = new FetchOptions(TestData.subsetDirectory(), out.resolve("cache"), null, List.of(),
                    true, Duration.ofSeconds(1), Duration.ofSeconds(1), TestData.subsetContents());
            ResolvedDataset dataset = new DatasetResolver(options, ProgressLog.silent()).resolve();
            dataset.write(out.resolve("dataset.json"));
            new TrainingRun(backend, ProgressLog.silent()).run(List.of(Architectures.defaults("cnn").withEpochs(2),
                    Architectures.defaults("dnn").withEpochs(2)), dataset,
                    new TrainingRun.Options(out, false, 0, 0, null));
            new EvaluationRun(backend, ProgressLog.silent()).run(List.of("cnn", "dnn"), dataset, out, List.of());
            new ComparisonRun(ProgressLog.silent()).run(List.of("cnn", "dnn"), out, null);
            directory = out;
        }
        return directory;
    }
}
