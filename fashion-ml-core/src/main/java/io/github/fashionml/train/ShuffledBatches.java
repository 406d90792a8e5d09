package io.github.fashionml.train;

import io.github.fashionml.data.preprocess.Layout;
import org.nd4j.linalg.dataset.DataSet;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * One epoch after another, the training rows in a seeded random order, cut into batches that are turned from
 * bytes into float arrays a few batches ahead on another thread while the network trains. What a batch holds
 * depends only on the seed and the batch's position, never on the timing.
 */
final class ShuffledBatches implements AutoCloseable {
    /** Batches built ahead of the one training: enough to hide the conversion, few enough to cost little memory. */
    private static final int AHEAD = 4;

    private final TrainingData data;
    private final Layout layout;
    private final int batchSize;
    private final ExecutorService worker = Executors.newSingleThreadExecutor(r -> {
        Thread t = new Thread(r, "fashion-ml-batches");
        t.setDaemon(true);
        return t;
    });
    private final Deque<Future<DataSet>> ahead = new ArrayDeque<>();
    private int[] order;
    private int nextStart;

    ShuffledBatches(TrainingData data, Layout layout, int batchSize) {
        this.data = data;
        this.layout = layout;
        this.batchSize = batchSize;
    }

    /** Starts an epoch: its order is a permutation seeded by {@code seed}. */
    void startEpoch(long seed) {
        if (!ahead.isEmpty()) {
            throw new IllegalStateException("the previous epoch's batches were not all taken");
        }
        order = data.shuffledTrainRows(seed);
        nextStart = 0;
        fill();
    }

    boolean hasNext() {
        return !ahead.isEmpty();
    }

    /** The next batch: features shaped for the network, and one-hot labels. */
    DataSet next() {
        DataSet batch = await(ahead.removeFirst());
        fill();
        return batch;
    }

    private void fill() {
        int n = data.trainCount();
        while (ahead.size() < AHEAD && nextStart < n) {
            int start = nextStart;
            int end = Math.min(n, start + batchSize);
            int[] epochOrder = order;
            ahead.addLast(worker.submit(() -> new DataSet(
                    TrainingData.features(data.images(), epochOrder, start, end, data.standardization(), layout),
                    data.labels(epochOrder, start, end))));
            nextStart = end;
        }
    }

    private static DataSet await(Future<DataSet> future) {
        try {
            return future.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while preparing a training batch", e);
        } catch (ExecutionException e) {
            throw new IllegalStateException("preparing a training batch failed: " + e.getCause(), e.getCause());
        }
    }

    @Override
    public void close() {
        worker.shutdownNow();
    }
}
