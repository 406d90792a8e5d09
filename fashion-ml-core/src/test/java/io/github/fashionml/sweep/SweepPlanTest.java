package io.github.fashionml.sweep;

import io.github.fashionml.ConfigurationException;
import io.github.fashionml.model.ModelConfig;
import io.github.fashionml.model.ModelSpec;
import org.junit.jupiter.api.Test;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class SweepPlanTest {
    private static ModelConfig dnnSweep() {
        ModelConfig dnn = ModelConfig.of("dnn");
        dnn.epochs = 3;
        dnn.sweep = new LinkedHashMap<>();
        dnn.sweep.put("learningRate", "0.001,0.002");
        dnn.sweep.put("seed", "1,2");
        return dnn;
    }

    @Test
    void trialsAreModelsThatDifferOnlyInTheSweptValues() throws Exception {
        ModelConfig cnn = ModelConfig.of("cnn");
        SweepPlan plan = SweepPlan.of(List.of(cnn, dnnSweep()), null, null);
        assertEquals(List.of("cnn", "dnn_lr0.001_seed1", "dnn_lr0.001_seed2", "dnn_lr0.002_seed1",
                "dnn_lr0.002_seed2"), plan.specs().stream().map(ModelSpec::name).toList());
        SweptModel sweep = plan.sweeps().get(0);
        assertEquals("dnn", sweep.name());
        assertEquals("validationAccuracy", sweep.selectBy());
        ModelSpec first = sweep.trials().get(0).spec();
        ModelSpec last = sweep.trials().get(3).spec();
        assertEquals(0.001, first.learningRate());
        assertEquals(2L, last.seed());
        assertEquals(3, last.epochs());
        // Apart from the name, learning rate and seed, the specs are equal.
        assertEquals(first.withName("x").withSeed(2L).withLearningRate(0.002), last.withName("x"));
        assertTrue(plan.isTrial("dnn_lr0.002_seed2"));
        assertFalse(plan.isTrial("cnn"));
    }

    @Test
    void aTrialNamedLikeAnotherModelIsRefused() {
        ModelConfig clash = ModelConfig.of("cnn");
        clash.name = "dnn_lr0.001_seed1";
        ConfigurationException e = assertThrows(ConfigurationException.class,
                () -> SweepPlan.of(List.of(clash, dnnSweep()), null, null));
        assertTrue(e.getMessage().contains("'dnn_lr0.001_seed1' is used by model 'dnn_lr0.001_seed1' and by a trial "
                + "of model 'dnn'"), e.getMessage());
    }

    @Test
    void aCommandLineValueForASweptParameterIsRefused() {
        ModelConfig overrides = new ModelConfig();
        overrides.learningRate = 0.01;
        ConfigurationException e = assertThrows(ConfigurationException.class,
                () -> SweepPlan.of(List.of(dnnSweep()), overrides, null));
        assertTrue(e.getMessage().contains("sweeps learningRate") && e.getMessage().contains("-Dfashionml.learningRate"),
                e.getMessage());
    }

    @Test
    void selectByWithoutASweepIsRefused() {
        ModelConfig cnn = ModelConfig.of("cnn");
        cnn.selectBy = "validationLoss";
        ConfigurationException e = assertThrows(ConfigurationException.class, () -> SweepPlan.of(List.of(cnn), null,
                null));
        assertTrue(e.getMessage().contains("has no <sweep>"), e.getMessage());
    }

    @Test
    void aTrialsSpecIsCheckedLikeAnyModel() {
        ModelConfig dnn = dnnSweep();
        dnn.sweep.put("batchSize", "0,32");
        ConfigurationException e = assertThrows(ConfigurationException.class, () -> SweepPlan.of(List.of(dnn), null,
                null));
        assertTrue(e.getMessage().contains("model 'dnn_lr0.001_bs0_seed1': batchSize must be at least 1"),
                e.getMessage());
    }

    @Test
    void modelNamesSelectASweepWholeOrOneTrial() throws Exception {
        List<ModelConfig> models = List.of(ModelConfig.of("cnn"), dnnSweep());
        SweepPlan whole = SweepPlan.of(models, null, "dnn");
        assertEquals(4, whole.specs().size());
        assertEquals(1, whole.sweeps().size());
        assertEquals(List.of("dnn"), whole.modelNames());
        assertEquals(List.of("cnn", "dnn"), SweepPlan.of(models, null, null).modelNames());
        SweepPlan one = SweepPlan.of(models, null, "dnn_lr0.002_seed1");
        assertEquals(List.of("dnn_lr0.002_seed1"), one.specs().stream().map(ModelSpec::name).toList());
        assertTrue(one.sweeps().isEmpty());
        assertTrue(one.isTrial("dnn_lr0.002_seed1"));
        assertEquals(List.of("dnn_lr0.002_seed1"), one.modelNames());
        ConfigurationException e = assertThrows(ConfigurationException.class, () -> SweepPlan.of(models, null, "rnn"));
        assertTrue(e.getMessage().contains("[rnn]"), e.getMessage());
    }

    @Test
    void scheduleTypesCanBeSweptKeepingTheModelsOtherScheduleFields() throws Exception {
        ModelConfig dnn = ModelConfig.of("dnn");
        dnn.epochs = 4;
        dnn.schedule = new io.github.fashionml.model.ScheduleConfig();
        dnn.schedule.type = "constant";
        dnn.schedule.floor = 0.1;
        dnn.sweep = Map.of("schedule", "constant,cosine");
        List<ModelSpec> specs = SweepPlan.of(List.of(dnn), null, null).specs();
        assertEquals(List.of("constant", "cosine"), specs.stream().map(s -> s.schedule().type()).toList());
        assertEquals(0.1, specs.get(1).schedule().floor());
    }
}
