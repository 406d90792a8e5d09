package io.github.fashionml.benchmark;

import io.github.fashionml.data.FashionMnistData;
import io.github.fashionml.data.source.FetchOptions;
import io.github.fashionml.model.Architectures;
import io.github.fashionml.model.ModelSpec;
import io.github.fashionml.nativeblas.NativeBackend;
import io.github.fashionml.train.EpochRecord;
import io.github.fashionml.train.Trainer;
import io.github.fashionml.train.TrainingData;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Prints training speed per model: images per second, seconds per epoch, evaluation time, peak memory,
 * threads and the native build. Not a test: timings on shared machines are noisy, so it reports figures
 * for a person to compare side by side.
 *
 * <pre>
 * mvn -B -q install -DskipTests -Dinvoker.skip=true
 * mvn -B -q -pl fashion-ml-core exec:java -Pbenchmark [-Dbenchmark.args="--epochs 2 --train 60000 cnn dnn"]
 * </pre>
 * Options: {@code --data DIR} (default: the Debian package directory), {@code --epochs N} (default 2),
 * {@code --train N} training images (default all), {@code --classifier C}, {@code --threads N}; then model names.
 */
public final class TrainingBenchmark {
    private TrainingBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        Path dataDir = FetchOptions.SYSTEM_PACKAGE_DIRECTORY;
        int epochs = 2;
        int train = Integer.MAX_VALUE;
        String classifier = NativeBackend.AUTO;
        int threads = 0;
        List<String> models = new ArrayList<>();
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--data" -> dataDir = Path.of(args[++i]);
                case "--epochs" -> epochs = Integer.parseInt(args[++i]);
                case "--train" -> train = Integer.parseInt(args[++i]);
                case "--classifier" -> classifier = args[++i];
                case "--threads" -> threads = Integer.parseInt(args[++i]);
                default -> models.add(args[i]);
            }
        }
        if (models.isEmpty()) {
            models = Architectures.names();
        }
        NativeBackend backend = NativeBackend.start(classifier);
        FashionMnistData data = FashionMnistData.load(dataDir);
        data = data.subset(train, data.testImages().count());
        TrainingData arrays = TrainingData.of(data, false);
        System.out.printf(Locale.ROOT, "machine: %s, %d cores; %s %s; nd4j %s, oneDNN layer helpers %s%n",
                NativeBackend.cpuModel(), Runtime.getRuntime().availableProcessors(),
                System.getProperty("java.vm.name"), System.getProperty("java.version"), backend.classifier(),
                backend.layerHelpersActive() ? "on" : "off");
        System.out.printf(Locale.ROOT, "data: %d training, %d test images; %d epoch(s), batch 128%n",
                arrays.trainCount(), arrays.testCount(), epochs);
        System.out.printf(Locale.ROOT, "%-10s %7s %12s %10s %10s %9s %13s%n",
                "model", "threads", "train img/s", "s/epoch", "eval s", "test acc", "peak RSS MiB");
        Trainer trainer = new Trainer(backend);
        for (String name : models) {
            ModelSpec spec = Architectures.defaults(name).withEpochs(epochs);
            int t = threads > 0 ? threads : Architectures.defaultThreads(spec);
            Trainer.Result result = trainer.train(spec, t, arrays, (s, r, eta) -> { });
            // The first epoch includes warm-up; report the best steady epoch.
            EpochRecord best = result.history().stream()
                    .max(java.util.Comparator.comparingDouble(EpochRecord::imagesPerSecond)).orElseThrow();
            EpochRecord last = result.history().get(result.history().size() - 1);
            System.out.printf(Locale.ROOT, "%-10s %7d %,12.0f %10.1f %10.2f %9.4f %,13d%n", name, t,
                    best.imagesPerSecond(), best.seconds(), last.evaluationSeconds(), last.testAccuracy(),
                    peakRssMiB());
        }
    }

    /** The process's peak resident memory (VmHWM), which includes ND4J's off-heap arrays. */
    static long peakRssMiB() {
        try {
            for (String line : Files.readAllLines(Path.of("/proc/self/status"))) {
                if (line.startsWith("VmHWM:")) {
                    return Long.parseLong(line.replaceAll("[^0-9]", "")) / 1024;
                }
            }
        } catch (Exception e) {
            // Not Linux.
        }
        return -1;
    }
}
