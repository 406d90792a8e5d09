package io.github.fashionml.train.stopping;

import io.github.fashionml.model.EarlyStopping;
import io.github.fashionml.model.Monitor;
import io.github.fashionml.provenance.EpochRecord;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class EarlyStopperTest {

    private static EpochRecord epoch(int epoch, double validationLoss, double validationAccuracy) {
        return new EpochRecord(epoch, 1e-3, 0.5, 0.8, validationLoss, validationAccuracy, "sha" + epoch, 1, 1, 0);
    }

    /** Runs epochs until the stopper says stop; returns the number run. */
    private static int run(EarlyStopper stopper, double[][] history) {
        for (int i = 0; i < history.length; i++) {
            stopper.observe(epoch(i + 1, history[i][0], history[i][1]));
            if (stopper.shouldStop()) {
                return i + 1;
            }
        }
        return history.length;
    }

    @Test
    void accuracyKeepsTheHighestEpochNotTheLowest() {
        // Accuracy rises to epoch 3, then falls: the highest is kept (a stopper that took "lower is better" for
        // every figure would keep epoch 5).
        double[][] history = {{0.50, 0.80}, {0.45, 0.85}, {0.44, 0.90}, {0.43, 0.88}, {0.42, 0.70}, {0.41, 0.95}};
        EarlyStopper stopper = new EarlyStopper(new EarlyStopping(Monitor.VALIDATION_ACCURACY, 2, 0, true), 6);
        int run = run(stopper, history);
        assertEquals(5, run, "two epochs without a higher accuracy after epoch 3");
        assertEquals(3, stopper.keptEpoch(run));
        assertTrue(stopper.stopReason(run).contains("validationAccuracy did not improve for 2 epochs after epoch 3"),
                stopper.stopReason(run));
        assertTrue(stopper.stopReason(run).contains("0.9000"));
    }

    @Test
    void lossKeepsTheLowestEpoch() {
        double[][] history = {{0.50, 0.80}, {0.40, 0.81}, {0.45, 0.90}, {0.46, 0.91}, {0.30, 0.92}};
        EarlyStopper stopper = new EarlyStopper(new EarlyStopping(Monitor.VALIDATION_LOSS, 2, 0, true), 5);
        int run = run(stopper, history);
        assertEquals(4, run);
        assertEquals(2, stopper.keptEpoch(run));
    }

    @Test
    void minDeltaIgnoresTinyImprovementsAndPatienceWaits() {
        double[][] history = {{0.5, 0.800}, {0.5, 0.8005}, {0.5, 0.8009}, {0.5, 0.8008}, {0.5, 0.82}};
        EarlyStopper strict = new EarlyStopper(new EarlyStopping(Monitor.VALIDATION_ACCURACY, 3, 0.001, true), 5);
        int run = run(strict, history);
        assertEquals(4, run, "gains under 0.001 do not count");
        assertEquals(1, strict.keptEpoch(run));

        EarlyStopper patient = new EarlyStopper(new EarlyStopping(Monitor.VALIDATION_ACCURACY, 4, 0.001, true), 5);
        assertEquals(5, run(patient, history));
        assertFalse(patient.shouldStop());
        assertEquals(5, patient.keptEpoch(5));
        assertEquals("reached the maximum of 5 epochs", patient.stopReason(5));
    }

    @Test
    void withoutRestoreBestTheLastEpochIsKept() {
        double[][] history = {{0.5, 0.9}, {0.6, 0.8}, {0.7, 0.7}};
        EarlyStopper stopper = new EarlyStopper(new EarlyStopping(Monitor.VALIDATION_ACCURACY, 2, 0, false), 3);
        int run = run(stopper, history);
        assertEquals(3, run);
        assertTrue(stopper.shouldStop());
        assertEquals(3, stopper.keptEpoch(run));
    }

    @Test
    void withoutEarlyStoppingEveryEpochRunsAndTheLastIsKept() {
        EarlyStopper none = new EarlyStopper(null, 3);
        assertEquals(3, run(none, new double[][] {{0.5, 0.9}, {0.6, 0.8}, {0.7, 0.7}}));
        assertEquals(3, none.keptEpoch(3));
    }
}
