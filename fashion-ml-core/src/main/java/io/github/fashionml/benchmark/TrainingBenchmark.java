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
 * architecture's), {@code --history} (each epoch's speed and test accuracy too); then model names.
 * {@code --gemm} prints the speed of the dense layers' matrix products instead, on one and on all BLAS threads
 * (DL4J's forward product into row-major activations, the training network's transposed one, the weight gradient).
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
        boolean history = false;
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
                case "--history" -> history = true;
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
            if (history) {
                for (EpochRecord epoch : result.history()) {
                    System.out.printf(Locale.ROOT, "  epoch %2d: %,8.0f img/s, test acc %.4f%n", epoch.epoch(),
                            epoch.imagesPerSecond(), epoch.testAccuracy());
                }
            }
        }
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
