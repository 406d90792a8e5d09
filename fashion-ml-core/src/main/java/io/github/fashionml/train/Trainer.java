package io.github.fashionml.train;

import io.github.fashionml.data.preprocess.Layout;
import io.github.fashionml.data.preprocess.Preprocessor;
import io.github.fashionml.model.ModelSpec;
import io.github.fashionml.model.NetworkFactory;
import io.github.fashionml.nativeblas.NativeBackend;
import io.github.fashionml.train.network.TrainingNetwork;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.dataset.DataSet;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.indexing.NDArrayIndex;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * Trains one network. Everything random is derived from the spec's one seed and set again before each
 * network (several train in one JVM): the weights (the configuration's seed), each epoch's shuffle, and
 * the dropout masks (ND4J's global generator).
 */
public final class Trainer {
    /** Training accuracy is measured on this many training images after each epoch. */
    public static final int TRAIN_ACCURACY_SAMPLE = 10_000;

    private final NativeBackend backend;

    public Trainer(NativeBackend backend) {
        this.backend = backend;
    }

    /** The trained network and its per-epoch history. */
    public record Result(MultiLayerNetwork network, List<EpochRecord> history, int threads) {
    }

    public Result train(ModelSpec spec, int threads, TrainingData data, TrainingListener listener) {
        backend.setThreads(threads);
        SplittableRandom seeds = new SplittableRandom(spec.seed());
        long shuffleSeed = seeds.nextLong();
        long dropoutSeed = seeds.nextLong();

        Nd4j.getRandom().setSeed(spec.seed());
        MultiLayerNetwork network = new TrainingNetwork(NetworkFactory.configuration(spec));
        network.init();
        Nd4j.getRandom().setSeed(dropoutSeed);

        Layout layout = spec.layout();
        int n = data.trainCount();
        int sample = Math.min(n, TRAIN_ACCURACY_SAMPLE);
        List<EpochRecord> history = new ArrayList<>();
        SplittableRandom shuffles = new SplittableRandom(shuffleSeed);
        double elapsedSeconds = 0;
        // Each epoch's shuffled copy is gathered on another thread while the previous epoch trains: the
        // order depends only on the seed, so the bits do not depend on the timing.
        ExecutorService gatherer = Executors.newSingleThreadExecutor(r -> {
            Thread t = new Thread(r, "fashion-ml-shuffle");
            t.setDaemon(true);
            return t;
        });
        try {
            Future<INDArray[]> next = gatherer.submit(shuffled(data, n, shuffles.nextLong()));
            for (int epoch = 1; epoch <= spec.epochs(); epoch++) {
                long started = System.nanoTime();
                INDArray[] current = await(next);
                if (epoch < spec.epochs()) {
                    next = gatherer.submit(shuffled(data, n, shuffles.nextLong()));
                }
                INDArray x = current[0];
                INDArray y = current[1];
                double lossSum = 0;
                for (int start = 0; start < n; start += spec.batchSize()) {
                    int end = Math.min(n, start + spec.batchSize());
                    INDArray features = TrainingData.shaped(x.get(NDArrayIndex.interval(start, end), NDArrayIndex.all()),
                            layout);
                    INDArray labels = y.get(NDArrayIndex.interval(start, end), NDArrayIndex.all());
                    network.fit(new DataSet(features, labels));
                    lossSum += network.score() * (end - start);
                }
                x.close();
                y.close();
                double seconds = (System.nanoTime() - started) / 1e9;

                long evaluationStarted = System.nanoTime();
                Scores train = Scores.of(network, data.trainFeatures(), data.trainClasses(), sample, layout);
                Scores test = Scores.of(network, data.testFeatures(), data.testClasses(), data.testCount(), layout);
                double evaluationSeconds = (System.nanoTime() - evaluationStarted) / 1e9;

                EpochRecord record = new EpochRecord(epoch, lossSum / n, train.accuracy(), test.loss(), test.accuracy(),
                        seconds, n / seconds, evaluationSeconds);
                history.add(record);
                elapsedSeconds += seconds + evaluationSeconds;
                double perEpoch = elapsedSeconds / epoch;
                listener.epochFinished(spec, record, perEpoch * (spec.epochs() - epoch));
            }
        } finally {
            gatherer.shutdownNow();
        }
        return new Result(network, List.copyOf(history), threads);
    }

    /** Gathers the training rows in a seeded random order: one copy per epoch, batches are views of it. */
    private static Callable<INDArray[]> shuffled(TrainingData data, int n, long seed) {
        return () -> {
            int[] order = Preprocessor.permutation(n, seed);
            return new INDArray[] {Nd4j.pullRows(data.trainFeatures(), 1, order),
                    Nd4j.pullRows(data.trainLabels(), 1, order)};
        };
    }

    private static INDArray[] await(Future<INDArray[]> future) {
        try {
            return future.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while shuffling the training data", e);
        } catch (ExecutionException e) {
            throw new IllegalStateException("shuffling the training data failed: " + e.getCause(), e.getCause());
        }
    }
}
