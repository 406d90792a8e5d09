package io.github.fashionml.testing;

import io.github.fashionml.data.source.DatasetResolver;
import io.github.fashionml.data.source.ExpectedContent;
import io.github.fashionml.data.source.FetchOptions;
import io.github.fashionml.data.source.ResolvedDataset;
import io.github.fashionml.model.Architectures;
import io.github.fashionml.model.LearningRateSchedule;
import io.github.fashionml.model.ModelSpec;
import io.github.fashionml.nativeblas.NativeBackend;
import io.github.fashionml.train.TrainingRun;
import io.github.fashionml.util.ProgressLog;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

/**
 * Trains each architecture (with args[1] kernels, pinned by default) for one epoch on the first {@value #TRAIN_IMAGES} Fashion-MNIST training images (from
 * the Debian package) into {@code args[0]}, and prints {@code golden <model> <parameters SHA-256>} per model.
 */
public final class GoldenHashesInChildJvm {
    public static final int TRAIN_IMAGES = 3_000;

    private GoldenHashesInChildJvm() {
    }

    /** The architecture's layers with a fixed recipe, so a change of the defaults does not change the hashes. */
    private static ModelSpec golden(String architecture, int batch) throws Exception {
        return Architectures.defaults(architecture).withEpochs(1).withBatchSize(batch).withLearningRate(1e-3)
                .withSchedule(LearningRateSchedule.CONSTANT_RATE).withEarlyStopping(null);
    }

    public static void main(String[] args) throws Exception {
        Path out = Path.of(args[0]);
        NativeBackend backend = NativeBackend.start(NativeBackend.AUTO,
                args.length > 1 ? args[1] : NativeBackend.PINNED_KERNELS);
        FetchOptions options = new FetchOptions(null, out.resolve("cache"), FetchOptions.SYSTEM_PACKAGE_DIRECTORY,
                List.of(), true, Duration.ofSeconds(1), Duration.ofSeconds(1), ExpectedContent.fashionMnist());
        ResolvedDataset dataset = new DatasetResolver(options, ProgressLog.silent()).resolve();
        List<ModelSpec> specs = List.of(golden("cnn", 128), golden("dnn", 512), golden("cnn-deep", 128));
        for (TrainingRun.Outcome outcome : new TrainingRun(backend, ProgressLog.silent()).run(specs, dataset,
                new TrainingRun.Options(out, true, TRAIN_IMAGES, 0, null, null))) {
            System.out.println("golden " + outcome.spec().name() + " " + outcome.manifest().outputs().parametersSha256()
                    + " " + outcome.manifest().inputs().kernels());
        }
    }
}
