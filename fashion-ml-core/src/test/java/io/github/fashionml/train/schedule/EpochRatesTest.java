package io.github.fashionml.train.schedule;

import io.github.fashionml.model.Architectures;
import io.github.fashionml.model.LearningRateSchedule;
import io.github.fashionml.model.ModelSpec;
import io.github.fashionml.model.Monitor;
import io.github.fashionml.provenance.EpochRecord;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

/** Each schedule gives the rate its documentation states, epoch by epoch. */
class EpochRatesTest {
    private static final double EPS = 1e-12;

    private static ModelSpec spec(LearningRateSchedule schedule, int epochs) throws Exception {
        return Architectures.defaults("dnn").withEpochs(epochs).withLearningRate(0.002).withSchedule(schedule);
    }

    private static double[] rates(EpochRates rates, int epochs) {
        double[] out = new double[epochs];
        for (int e = 1; e <= epochs; e++) {
            out[e - 1] = rates.rate(e);
        }
        return out;
    }

    @Test
    void constantKeepsThePeak() throws Exception {
        assertArrayEquals(new double[] {0.002, 0.002, 0.002}, rates(EpochRates.of(spec(LearningRateSchedule
                .CONSTANT_RATE, 3)), 3), EPS);
    }

    @Test
    void cosineFallsFromThePeakTowardsTheFloorOverTheMaximumEpochs() throws Exception {
        // 4 epochs, floor 0.1 of 0.002: epoch e runs at 0.0002 + 0.0018 * (1 + cos(pi (e-1) / 4)) / 2.
        double[] expected = new double[4];
        for (int e = 1; e <= 4; e++) {
            expected[e - 1] = 0.0002 + 0.0018 * (1 + Math.cos(Math.PI * (e - 1) / 4)) / 2;
        }
        assertArrayEquals(expected, rates(EpochRates.of(spec(LearningRateSchedule.of("cosine", null, 0.1, null, null,
                null), 4)), 4), EPS);
        assertEquals(0.002, expected[0], EPS);
        assertEquals(0.0011, expected[2], EPS, "half-way, half-way between peak and floor");
    }

    @Test
    void cosineWarmsUpLinearlyFirst() throws Exception {
        // Two warm-up epochs at 1/3 and 2/3 of the peak, then the decay over the remaining 4 epochs to 0.
        double[] r = rates(EpochRates.of(spec(LearningRateSchedule.of("cosine", 2, null, null, null, null), 6)), 6);
        assertEquals(0.002 / 3, r[0], EPS);
        assertEquals(0.004 / 3, r[1], EPS);
        assertEquals(0.002, r[2], EPS);
        assertEquals(0.001 * (1 + Math.cos(Math.PI / 4)), r[3], EPS);
        assertEquals(0.001, r[4], EPS);
        assertEquals(0.001 * (1 + Math.cos(3 * Math.PI / 4)), r[5], EPS);
    }

    @Test
    void oneCycleRisesToThePeakFallsBackAndAnneals() throws Exception {
        // 10 epochs from 0.1 x peak: up over epochs 1-5, down over 5-8, then 10x lower per epoch; never a jump
        // back to the peak in the annealing phase.
        double low = 0.0002;
        double step = (0.002 - low) / 4;
        double[] expected = {low, low + step, low + 2 * step, low + 3 * step, 0.002, 0.002 - step, 0.002 - 2 * step,
                0.002 - 3 * step, low, low * 0.1};
        assertArrayEquals(expected, rates(EpochRates.of(spec(LearningRateSchedule.of("onecycle", null, null, null,
                null, null), 10)), 10), EPS);
        double[] six = rates(EpochRates.of(spec(LearningRateSchedule.of("onecycle", null, null, null, null, null),
                6)), 6);
        assertArrayEquals(new double[] {low, 0.0011, 0.002, 0.0011, low, low * 0.1}, six, EPS);
    }

    @Test
    void plateauDropsByTheFactorAfterPatienceEpochsWithoutImprovementDownToTheFloor() throws Exception {
        EpochRates rates = EpochRates.of(spec(LearningRateSchedule.of("plateau", null, 0.2, 0.5, 2,
                Monitor.VALIDATION_ACCURACY), 10));
        double[] accuracy = {0.80, 0.85, 0.84, 0.83, 0.86, 0.85, 0.85, 0.85, 0.85, 0.85};
        double[] expected = {0.002, 0.002, 0.002, 0.002, 0.001, 0.001, 0.001, 0.0005, 0.0005, 0.0004};
        double[] actual = new double[10];
        for (int e = 1; e <= 10; e++) {
            actual[e - 1] = rates.rate(e);
            rates.observe(new EpochRecord(e, actual[e - 1], 0.5, 0.8, 0.5, accuracy[e - 1], "", 1, 1, 0));
        }
        assertArrayEquals(expected, actual, EPS);
    }
}
