package io.github.fashionml.train;

import io.github.fashionml.data.preprocess.Layout;
import io.github.fashionml.data.preprocess.Preprocessor;
import io.github.fashionml.model.ModelArchive;
import io.github.fashionml.model.ModelSpec;
import io.github.fashionml.model.NetworkFactory;
import io.github.fashionml.nativeblas.NativeBackend;
import io.github.fashionml.provenance.EpochRecord;
import io.github.fashionml.train.network.TrainingNetwork;
import io.github.fashionml.train.schedule.EpochRates;
import io.github.fashionml.train.stopping.EarlyStopper;
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
 * Trains one network on the training rows of a validation split, and judges each epoch on the held-out rows.
 * Everything random is derived from the spec's one seed and set again before each network (several train in
 * one JVM): the weights (the configuration's seed), each epoch's shuffle, and the dropout masks (ND4J's global
 * generator). The learning rate follows the spec's schedule; early stopping, when configured, ends training
 * and puts back the best epoch's parameters. The test set is not read here.
 */
public final class Trainer {
    private final NativeBackend backend;

    public Trainer(NativeBackend backend) {
        this.backend = backend;
    }

    /**
     * The trained network (with the kept epoch's parameters) and the history of every epoch run.
     *
     * @param keptEpoch  the epoch whose parameters the network holds
     * @param stopReason why no further epoch ran
     */
    public record Result(TrainingNetwork network, List<EpochRecord> history, int threads, int keptEpoch,
                         String stopReason) {
        public EpochRecord kept() {
            return history.get(keptEpoch - 1);
        }
    }

    public Result train(ModelSpec spec, int threads, TrainingData data, TrainingListener listener) {
        return train(spec, threads, data, listener, spec.epochs());
    }

    /**
     * Trains as {@link #train(ModelSpec, int, TrainingData, TrainingListener)} does, but runs at most
     * {@code epochLimit} epochs: the first epochs of the full run, bit for bit (the schedule still spans the spec's
     * epochs). For checking a recorded run cheaply.
     */
    public Result train(ModelSpec spec, int threads, TrainingData data, TrainingListener listener, int epochLimit) {
        if (spec.earlyStopping() != null && data.validationCount() == 0) {
            throw new IllegalArgumentException("early stopping needs validation images");
        }
        backend.setThreads(threads);
        DerivedSeeds seeds = DerivedSeeds.of(spec.seed());

        Nd4j.getRandom().setSeed(spec.seed());
        TrainingNetwork network = new TrainingNetwork(NetworkFactory.configuration(spec, data.shape(),
                data.classCount()));
        network.init();
        Nd4j.getRandom().setSeed(seeds.dropout());

        Layout layout = spec.layout();
        int n = data.trainCount();
        List<EpochRecord> history = new ArrayList<>();
        EpochRates rates = EpochRates.of(spec);
        EarlyStopper stopper = new EarlyStopper(spec.earlyStopping(), spec.epochs());
        Snapshot best = null;
        double currentRate = spec.learningRate();
        SplittableRandom shuffles = new SplittableRandom(seeds.shuffle());
        double elapsedSeconds = 0;
        try (ShuffledBatches batches = new ShuffledBatches(data, layout, spec.batchSize())) {
            int lastEpoch = Math.min(spec.epochs(), Math.max(1, epochLimit));
            for (int epoch = 1; epoch <= lastEpoch; epoch++) {
                double rate = rates.rate(epoch);
                if (rate != currentRate) {
                    network.setLearningRate(rate);
                    currentRate = rate;
                }
                long started = System.nanoTime();
                batches.startEpoch(shuffles.nextLong());
                double lossSum = 0;
                network.takeTrainingAccuracy();
                while (batches.hasNext()) {
                    DataSet batch = batches.next();
                    network.fit(batch);
                    lossSum += network.score() * batch.numExamples();
                    // Freed now rather than by the garbage collector: off-heap memory it does not see.
                    batch.getFeatures().close();
                    batch.getLabels().close();
                }
                double trainAccuracy = network.takeTrainingAccuracy();
                double seconds = (System.nanoTime() - started) / 1e9;

                long evaluationStarted = System.nanoTime();
                Scores validation = data.validationCount() == 0 ? null : Scores.of(network, data.images(),
                        data.labels(), data.validationRows(), data.standardization(), layout);
                double evaluationSeconds = (System.nanoTime() - evaluationStarted) / 1e9;

                EpochRecord record = new EpochRecord(epoch, rate, lossSum / n, trainAccuracy,
                        validation == null ? null : validation.loss(), validation == null ? null : validation.accuracy(),
                        ModelArchive.parametersSha256(network), seconds, n / seconds, evaluationSeconds);
                history.add(record);
                rates.observe(record);
                if (stopper.observe(record) && stopper.restoresBest()) {
                    best = Snapshot.of(network, epoch);
                }
                elapsedSeconds += seconds + evaluationSeconds;
                boolean stopping = stopper.shouldStop();
                double etaSeconds = stopping ? 0 : elapsedSeconds / epoch * (lastEpoch - epoch);
                listener.epochFinished(spec, record, etaSeconds);
                if (stopping) {
                    break;
                }
            }
        }
        int epochsRun = history.size();
        int kept = stopper.keptEpoch(epochsRun);
        if (best != null && kept != epochsRun) {
            best.restore(network);
        }
        return new Result(network, List.copyOf(history), threads, kept, stopper.stopReason(epochsRun));
    }

    /** The parameters and Adam's state after an epoch, to put back if it stays the best. */
    private record Snapshot(int epoch, INDArray parameters, INDArray updaterState, int iterations) {
        static Snapshot of(TrainingNetwork network, int epoch) {
            INDArray state = network.getUpdater().getStateViewArray();
            return new Snapshot(epoch, network.params().dup(), state == null ? null : state.dup(),
                    network.getIterationCount());
        }

        void restore(TrainingNetwork network) {
            network.setParams(parameters);
            if (updaterState != null) {
                network.getUpdater().getStateViewArray().assign(updaterState);
            }
            network.setIterationCount(iterations);
        }
    }
}
