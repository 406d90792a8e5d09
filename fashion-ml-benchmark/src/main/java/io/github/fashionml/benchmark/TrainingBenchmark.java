package io.github.fashionml.benchmark;

import io.github.fashionml.data.ImageDataset;
import io.github.fashionml.data.source.FetchOptions;
import io.github.fashionml.data.split.ValidationSplit;
import io.github.fashionml.model.Architectures;
import io.github.fashionml.model.EarlyStoppingConfig;
import io.github.fashionml.model.LearningRateSchedule;
import io.github.fashionml.model.ModelConfig;
import io.github.fashionml.model.ModelSpec;
import io.github.fashionml.model.ModelSpecs;
import io.github.fashionml.model.ScheduleConfig;
import io.github.fashionml.nativeblas.NativeBackend;
import io.github.fashionml.provenance.EpochRecord;
import io.github.fashionml.train.DerivedSeeds;
import io.github.fashionml.train.Trainer;
import io.github.fashionml.train.TrainingData;
import java.util.Comparator;
import java.util.HashMap;
import java.util.Map;

import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Prints training speed per model, and how long each takes to reach a validation accuracy: images per second,
 * seconds per epoch, validation time, the kept epoch's validation accuracy, peak memory, threads and the native
 * build. Not a test: timings on shared machines are noisy, so it reports figures for a person to compare side by
 * side. It never reads the test images: recipes are compared on the validation split, as the build does.
 *
 * <pre>
 * mvn -B -q install -DskipTests -Dinvoker.skip=true
 * mvn -B -q -pl fashion-ml-benchmark exec:java [-Dbenchmark.args="--epochs 2 --train 60000 cnn dnn"]
 * </pre>
 * Options: {@code --data DIR} (default: the Debian package directory), {@code --epochs N} (default 2; the
 * maximum with early stopping), {@code --train N} training images (default all), {@code --validation N}
 * held-out images (default a tenth), {@code --classifier C}, {@code --kernels pinned|native}, {@code --threads N}, {@code --batch N},
 * {@code --padding valid|same}, {@code --seed N}; the recipe: {@code --lr X} (peak learning rate),
 * {@code --schedule constant|cosine|onecycle|plateau}, {@code --warmup N}, {@code --floor F}, {@code --factor F},
 * {@code --plateau-patience N}, {@code --patience N} (early stopping on {@code --monitor}, validationLoss by
 * default), {@code --target ACC} (seconds until the validation accuracy first reaches ACC), {@code --history}
 * (each epoch's rate, speed and validation figures); then model names (default: every architecture; each
 * takes the architecture's defaults where an option is not given).
 * {@code --gemm} prints the speed of the dense layers' matrix products instead, on one and on all BLAS threads
 * (DL4J's forward product into row-major activations, the training network's transposed one, the weight gradient).
 */
public final class TrainingBenchmark {
    private TrainingBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        Path dataDir = FetchOptions.SYSTEM_PACKAGE_DIRECTORY;
        int train = Integer.MAX_VALUE;
        Integer validation = null;
        String classifier = NativeBackend.AUTO;
        String kernels = NativeBackend.PINNED_KERNELS;
        int threads = 0;
        boolean gemm = false;
        boolean history = false;
        double target = Double.NaN;
        ModelConfig recipe = new ModelConfig();
        recipe.epochs = 2;
        ScheduleConfig schedule = new ScheduleConfig();
        EarlyStoppingConfig stopping = new EarlyStoppingConfig();
        List<String> models = new ArrayList<>();
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--data" -> dataDir = Path.of(args[++i]);
                case "--epochs" -> recipe.epochs = Integer.parseInt(args[++i]);
                case "--train" -> train = Integer.parseInt(args[++i]);
                case "--validation" -> validation = Integer.parseInt(args[++i]);
                case "--classifier" -> classifier = args[++i];
                case "--kernels" -> kernels = args[++i];
                case "--threads" -> threads = Integer.parseInt(args[++i]);
                case "--batch" -> recipe.batchSize = Integer.parseInt(args[++i]);
                case "--padding" -> recipe.padding = args[++i];
                case "--seed" -> recipe.seed = Long.parseLong(args[++i]);
                case "--lr" -> recipe.learningRate = Double.parseDouble(args[++i]);
                case "--schedule" -> schedule.type = args[++i];
                case "--warmup" -> schedule.warmupEpochs = Integer.parseInt(args[++i]);
                case "--floor" -> schedule.floor = Double.parseDouble(args[++i]);
                case "--factor" -> schedule.factor = Double.parseDouble(args[++i]);
                case "--plateau-patience" -> schedule.patience = Integer.parseInt(args[++i]);
                case "--patience" -> stopping.patience = Integer.parseInt(args[++i]);
                case "--monitor" -> stopping.monitor = args[++i];
                case "--target" -> target = Double.parseDouble(args[++i]);
                case "--gemm" -> gemm = true;
                case "--history" -> history = true;
                default -> models.add(args[i]);
            }
        }
        if (schedule.type != null) {
            recipe.schedule = schedule;
        }
        if (stopping.patience != null || stopping.monitor != null) {
            recipe.earlyStopping = stopping;
        }
        if (models.isEmpty()) {
            models = Architectures.names();
        }
        NativeBackend backend = NativeBackend.start(classifier, kernels);
        if (gemm) {
            System.out.printf(Locale.ROOT, "machine: %s, %d cores; nd4j %s%n", NativeBackend.cpuModel(),
                    Runtime.getRuntime().availableProcessors(), backend.classifier());
            printMatrixProductSpeed(backend);
            return;
        }
        ImageDataset data = ImageDataset.load(dataDir);
        data = data.subset(train, 0);
        int heldOut = validation != null ? validation : data.trainImages().count() / 10;
        System.out.printf(Locale.ROOT, "machine: %s, %d cores; %s %s; nd4j %s, oneDNN layer helpers %s, %s kernels "
                        + "%s%n", NativeBackend.cpuModel(), Runtime.getRuntime().availableProcessors(),
                System.getProperty("java.vm.name"), System.getProperty("java.version"), backend.classifier(),
                backend.layerHelpersActive() ? "on" : "off", backend.kernels(), backend.kernelSettings());
        System.out.printf(Locale.ROOT, "data: %d training images, %d of them held out for validation (the test set "
                + "is not read)%n", data.trainImages().count(), heldOut);
        System.out.printf(Locale.ROOT, "%-10s %7s %5s %7s %-34s %12s %8s %7s %8s %9s %12s %7s%n", "model", "padding",
                "batch", "threads", "recipe", "train img/s", "s/epoch", "val s", "val acc", "kept/run", "train s",
                "RSS MiB");
        Trainer trainer = new Trainer(backend);
        Map<Long, TrainingData> arrays = new HashMap<>();
        List<String> reached = new ArrayList<>();
        for (String name : models) {
            ModelConfig config = ModelConfig.of(name);
            ModelSpec spec = config.toSpec(recipe);
            ModelSpecs.validate(List.of(spec), io.github.fashionml.data.ImageShape.FASHION_MNIST);
            final ImageDataset source = data;
            TrainingData prepared = arrays.computeIfAbsent(spec.seed(), seed -> split(source, heldOut, seed));
            int t = threads > 0 ? threads : Architectures.defaultThreads(spec);
            Trainer.Result result = trainer.train(spec, t, prepared, (s, r, eta) -> { });
            // The first epoch includes warm-up; report the best steady epoch.
            EpochRecord fastest = result.history().stream()
                    .max(Comparator.comparingDouble(EpochRecord::imagesPerSecond)).orElseThrow();
            EpochRecord kept = result.kept();
            double trainingSeconds = result.history().stream().mapToDouble(EpochRecord::seconds).sum();
            System.out.printf(Locale.ROOT, "%-10s %7s %5d %7d %-34s %,12.0f %8.1f %7.2f %8s %9s %12.1f %,7d%n", name,
                    spec.convolutional() ? spec.padding() : "-", spec.batchSize(), t, recipe(spec),
                    fastest.imagesPerSecond(), fastest.seconds(), kept.evaluationSeconds(),
                    kept.validationAccuracy() == null ? "-" : String.format(Locale.ROOT, "%.4f",
                            kept.validationAccuracy()), result.keptEpoch() + "/" + result.history().size(),
                    trainingSeconds, peakRssMiB());
            if (history) {
                double cumulative = 0;
                for (EpochRecord epoch : result.history()) {
                    cumulative += epoch.seconds();
                    System.out.printf(Locale.ROOT, "  epoch %2d: lr %.2e  %,8.0f img/s  loss %.4f  acc %.4f  "
                                    + "val loss %s  val acc %s  %6.1f s%n", epoch.epoch(), epoch.learningRate(),
                            epoch.imagesPerSecond(), epoch.trainLoss(), epoch.trainAccuracy(),
                            format(epoch.validationLoss()), format(epoch.validationAccuracy()), cumulative);
                }
            }
            if (!Double.isNaN(target)) {
                reached.add(timeTo(name, target, result.history()));
            }
        }
        reached.forEach(System.out::println);
    }

    /**
     * Seconds of training (the epochs' steps, not the validation passes) until the validation accuracy first
     * reaches {@code target}, as "seconds to accuracy" benchmarks count it.
     */
    static String timeTo(String model, double target, List<EpochRecord> history) {
        double seconds = 0;
        double withValidation = 0;
        for (EpochRecord epoch : history) {
            seconds += epoch.seconds();
            withValidation += epoch.seconds() + epoch.evaluationSeconds();
            if (epoch.validationAccuracy() != null && epoch.validationAccuracy() >= target) {
                return String.format(Locale.ROOT, "%s: validation accuracy %.4f >= %.4f after epoch %d: %.1f s of "
                        + "training (%.1f s with validation)", model, epoch.validationAccuracy(), target,
                        epoch.epoch(), seconds, withValidation);
            }
        }
        return String.format(Locale.ROOT, "%s: validation accuracy never reached %.4f in %d epochs (%.1f s of "
                + "training)", model, target, history.size(), seconds);
    }

    private static TrainingData split(ImageDataset data, int heldOut, long seed) {
        try {
            return TrainingData.of(data, false, ValidationSplit.stratified(data.trainLabels(), heldOut,
                    DerivedSeeds.of(seed).validation()));
        } catch (io.github.fashionml.ConfigurationException e) {
            throw new IllegalArgumentException(e.getMessage(), e);
        }
    }

    private static String recipe(ModelSpec spec) {
        var s = spec.schedule();
        String schedule = switch (s.type()) {
            case LearningRateSchedule.COSINE -> "cos" + (s.warmupEpochs() > 0 ? "+w" + s.warmupEpochs() : "")
                    + (s.floor() > 0 ? "/f" + s.floor() : "");
            case LearningRateSchedule.PLATEAU -> "plateau x" + s.factor() + "/p" + s.patience();
            default -> s.type();
        };
        return String.format(Locale.ROOT, "%s %.0e e%d%s", schedule, spec.learningRate(), spec.epochs(),
                spec.earlyStopping() == null ? "" : " es:" + spec.earlyStopping().monitor().replace("validation", "")
                        + "/p" + spec.earlyStopping().patience());
    }

    private static String format(Double value) {
        return value == null ? "-" : String.format(Locale.ROOT, "%.4f", value);
    }

    /**
     * The speed of the matrix products that dominate training, in GFLOP/s, on one and on all BLAS threads:
     * the ceiling for the dense layers. For the cnn's dense layer (batch 128, 5408 inputs, 128 units) and the
     * dnn's first layer (batch 512, 784 x 512): the forward product into DL4J's row-major activations as DL4J
     * computes it ({@code mmuli}: a column-major product, then a transposing copy) and as the training network
     * does (the transposed product, written in place), and the weight gradient.
     */
    private static void printMatrixProductSpeed(NativeBackend backend) {
        int[][] shapes = {{128, 5408, 128}, {512, 784, 512}};
        System.out.printf(Locale.ROOT, "%-16s %8s %14s %14s %14s%n", "product MxKxN", "threads", "forward mmuli",
                "forward trans.", "weight grad.");
        for (int[] shape : shapes) {
            int m = shape[0];
            int k = shape[1];
            int n = shape[2];
            INDArray x = Nd4j.rand(DataType.FLOAT, m, k);
            INDArray w = Nd4j.rand(DataType.FLOAT, k, n).dup('f'); // DL4J's parameters are column-major
            INDArray y = Nd4j.create(DataType.FLOAT, new long[] {m, n}, 'c');
            INDArray dy = Nd4j.rand(DataType.FLOAT, m, n);
            INDArray dw = Nd4j.create(DataType.FLOAT, new long[] {k, n}, 'f');
            List<Runnable> products = List.of(() -> x.mmuli(w, y),
                    () -> Nd4j.gemm(w.transpose(), x.transpose(), y.transpose(), false, false, 1.0, 0.0),
                    () -> Nd4j.gemm(x, dy, dw, true, false, 1.0, 0.0));
            for (int blasThreads : new int[] {1, NativeBackend.blasThreads()}) {
                backend.setThreads(1);
                Nd4j.factory().blas().setMaxThreads(blasThreads);
                double[] gflops = new double[products.size()];
                for (int p = 0; p < products.size(); p++) {
                    gflops[p] = bestGflops(products.get(p), 2.0 * m * k * n);
                }
                System.out.printf(Locale.ROOT, "%-16s %8d %14.1f %14.1f %14.1f%n", m + "x" + k + "x" + n,
                        blasThreads, gflops[0], gflops[1], gflops[2]);
            }
        }
    }

    /** The best of five rounds of 100 calls, after 20 to warm up. */
    private static double bestGflops(Runnable product, double flop) {
        for (int i = 0; i < 20; i++) {
            product.run();
        }
        double best = 0;
        for (int round = 0; round < 5; round++) {
            long started = System.nanoTime();
            for (int i = 0; i < 100; i++) {
                product.run();
            }
            best = Math.max(best, flop * 100 / ((System.nanoTime() - started) / 1e9) / 1e9);
        }
        return best;
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
