package io.github.fashionml.benchmark;

import io.github.fashionml.data.FashionMnistData;
import io.github.fashionml.data.source.FetchOptions;
import io.github.fashionml.model.Architectures;
import io.github.fashionml.model.ModelSpec;
import io.github.fashionml.model.ModelSpecs;
import io.github.fashionml.nativeblas.NativeBackend;
import io.github.fashionml.train.EpochRecord;
import io.github.fashionml.train.Trainer;
import io.github.fashionml.train.TrainingData;

import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

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
 * {@code --train N} training images (default all), {@code --classifier C}, {@code --threads N},
 * {@code --batch N} (default: the architecture's), {@code --padding valid|same} (the convolutions'; default: the
 * architecture's); then model names.
 * {@code --gemm} prints the speed of the dense layers' matrix products instead, on one and on all BLAS threads.
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
        int batch = 0;
        String padding = null;
        boolean gemm = false;
        List<String> models = new ArrayList<>();
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--data" -> dataDir = Path.of(args[++i]);
                case "--epochs" -> epochs = Integer.parseInt(args[++i]);
                case "--train" -> train = Integer.parseInt(args[++i]);
                case "--classifier" -> classifier = args[++i];
                case "--threads" -> threads = Integer.parseInt(args[++i]);
                case "--batch" -> batch = Integer.parseInt(args[++i]);
                case "--padding" -> padding = args[++i];
                case "--gemm" -> gemm = true;
                default -> models.add(args[i]);
            }
        }
        if (models.isEmpty()) {
            models = Architectures.names();
        }
        NativeBackend backend = NativeBackend.start(classifier);
        if (gemm) {
            System.out.printf(Locale.ROOT, "machine: %s, %d cores; nd4j %s%n", NativeBackend.cpuModel(),
                    Runtime.getRuntime().availableProcessors(), backend.classifier());
            printMatrixProductSpeed(backend);
            return;
        }
        FashionMnistData data = FashionMnistData.load(dataDir);
        data = data.subset(train, data.testImages().count());
        TrainingData arrays = TrainingData.of(data, false);
        System.out.printf(Locale.ROOT, "machine: %s, %d cores; %s %s; nd4j %s, oneDNN layer helpers %s%n",
                NativeBackend.cpuModel(), Runtime.getRuntime().availableProcessors(),
                System.getProperty("java.vm.name"), System.getProperty("java.version"), backend.classifier(),
                backend.layerHelpersActive() ? "on" : "off");
        System.out.printf(Locale.ROOT, "data: %d training, %d test images; %d epoch(s), batch %s%n",
                arrays.trainCount(), arrays.testCount(), epochs, batch > 0 ? batch : "each architecture's own");
        System.out.printf(Locale.ROOT, "%-10s %7s %5s %7s %12s %10s %10s %9s %13s%n",
                "model", "padding", "batch", "threads", "train img/s", "s/epoch", "eval s", "test acc", "peak RSS MiB");
        Trainer trainer = new Trainer(backend);
        for (String name : models) {
            ModelSpec spec = Architectures.defaults(name).withEpochs(epochs);
            if (batch > 0) {
                spec = spec.withBatchSize(batch);
            }
            if (padding != null) {
                spec = spec.withPadding(padding);
            }
            ModelSpecs.validate(List.of(spec));
            int t = threads > 0 ? threads : Architectures.defaultThreads(spec);
            Trainer.Result result = trainer.train(spec, t, arrays, (s, r, eta) -> { });
            // The first epoch includes warm-up; report the best steady epoch.
            EpochRecord best = result.history().stream()
                    .max(java.util.Comparator.comparingDouble(EpochRecord::imagesPerSecond)).orElseThrow();
            EpochRecord last = result.history().get(result.history().size() - 1);
            System.out.printf(Locale.ROOT, "%-10s %7s %5d %7d %,12.0f %10.1f %10.2f %9.4f %,13d%n", name,
                    spec.convolutional() ? spec.padding() : "-", spec.batchSize(), t, best.imagesPerSecond(),
                    best.seconds(), last.evaluationSeconds(), last.testAccuracy(), peakRssMiB());
        }
    }

    /**
     * The speed of the matrix products that dominate training, in GFLOP/s, on one and on all BLAS threads:
     * the ceiling for the dense layers. Each round is a forward product and a weight-gradient product of
     * the cnn's dense layer (batch 128, 5408 inputs, 128 units) and of the dnn's first layer (784 x 512).
     */
    private static void printMatrixProductSpeed(NativeBackend backend) {
        int[][] shapes = {{128, 5408, 128}, {128, 784, 512}};
        System.out.printf(Locale.ROOT, "%-16s %12s %12s%n", "product MxKxN", "1 thread", "all threads");
        for (int[] shape : shapes) {
            int m = shape[0];
            int k = shape[1];
            int n = shape[2];
            INDArray x = Nd4j.rand(DataType.FLOAT, m, k);
            INDArray w = Nd4j.rand(DataType.FLOAT, k, n);
            INDArray y = Nd4j.create(DataType.FLOAT, m, n);
            INDArray dy = Nd4j.rand(DataType.FLOAT, m, n);
            INDArray dw = Nd4j.create(DataType.FLOAT, new long[] {k, n}, 'f');
            double[] gflops = new double[2];
            for (int variant = 0; variant < 2; variant++) {
                backend.setThreads(1);
                Nd4j.factory().blas().setMaxThreads(variant == 0 ? 1 : NativeBackend.blasThreads());
                int rounds = 300;
                double best = 0;
                for (int repeat = 0; repeat < 3; repeat++) {
                    long started = System.nanoTime();
                    for (int i = 0; i < rounds; i++) {
                        x.mmuli(w, y);
                        Nd4j.gemm(x, dy, dw, true, false, 1.0, 0.0);
                    }
                    double seconds = (System.nanoTime() - started) / 1e9;
                    best = Math.max(best, 2.0 * 2 * m * k * n * rounds / seconds / 1e9);
                }
                gflops[variant] = best;
            }
            System.out.printf(Locale.ROOT, "%-16s %12.1f %12.1f%n", m + "x" + k + "x" + n, gflops[0], gflops[1]);
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
