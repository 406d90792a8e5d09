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
 * Trains each architecture (with args[1] kernels, pinned by default; args[2], if given, a comma-separated subset of
 * cnn, dnn and cnn-deep) for one epoch on the first {@value #TRAIN_IMAGES} Fashion-MNIST training images (from the
 * Debian package) into {@code args[0]}, and prints {@code golden <model> <parameters SHA-256>} per model, then
 * {@code blas-core <name>}: the kernel set OpenBLAS actually ran, as the library itself reports it.
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
        List<String> models = args.length > 2 ? List.of(args[2].split(",")) : List.of("cnn", "dnn", "cnn-deep");
        List<ModelSpec> specs = new java.util.ArrayList<>();
        for (String model : models) {
            specs.add(golden(model, model.equals("dnn") ? 512 : 128));
        }
        for (TrainingRun.Outcome outcome : new TrainingRun(backend, ProgressLog.silent()).run(specs, dataset,
                new TrainingRun.Options(out, true, TRAIN_IMAGES, 0, null, null))) {
            System.out.println("golden " + outcome.spec().name() + " " + outcome.manifest().outputs().parametersSha256()
                    + " " + outcome.manifest().inputs().kernels());
        }
        System.out.println("blas-core " + openBlasCoreName());
    }

    /** {@code openblas_get_corename()} of the libopenblas this process loaded, found in its memory map. */
    private static String openBlasCoreName() throws java.io.IOException {
        for (String line : java.nio.file.Files.readAllLines(Path.of("/proc/self/maps"))) {
            int at = line.indexOf('/');
            if (at >= 0 && line.endsWith("libopenblas.so.0")) {
                return com.sun.jna.NativeLibrary.getInstance(line.substring(at)).getFunction("openblas_get_corename")
                        .invokeString(new Object[0], false);
            }
        }
        return "unknown (no libopenblas.so.0 loaded)";
    }
}
