package io.github.fashionml.model;

import io.github.fashionml.data.ImageShape;

import io.github.fashionml.ConfigurationException;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ModelSpecsTest {
    private static ModelSpec cnn() throws ConfigurationException {
        return Architectures.defaults("cnn");
    }

    private static String problems(ModelSpec... specs) {
        return assertThrows(ConfigurationException.class,
                () -> ModelSpecs.validate(List.of(specs), ImageShape.FASHION_MNIST)).getMessage();
    }

    @Test
    void referenceArchitecturesAreValid() throws ConfigurationException {
        ModelSpecs.validate(List.of(Architectures.defaults("cnn"), Architectures.defaults("dnn"),
                Architectures.defaults("cnn-deep")));
        assertEquals(List.of("cnn", "dnn", "cnn-deep"), Architectures.names());
    }

    @Test
    void unknownArchitectureListsTheKnownOnes() {
        ConfigurationException e = assertThrows(ConfigurationException.class, () -> Architectures.defaults("resnet"));
        assertTrue(e.getMessage().contains("Unknown architecture 'resnet'. Known: cnn, dnn, cnn-deep"), e.getMessage());
    }

    @Test
    void badNumbersAreNamedWithTheModel() throws ConfigurationException {
        ModelSpec bad = new ModelSpec("m1", "cnn", List.of(32), 3, "full", 0, List.of(128), 0, 0, -1, Double.NaN, 0,
                -1, false, null, null);
        String m = problems(bad);
        assertTrue(m.contains("model 'm1': epochs must be at least 1 (got 0)"), m);
        assertTrue(m.contains("model 'm1': batchSize must be at least 1 (got -1)"), m);
        assertTrue(m.contains("learningRate must be a positive number such as 0.001 (got NaN)"), m);
        assertTrue(m.contains("seed must not be 0"), m);
        assertTrue(m.contains("threads must be 0 (automatic) or more"), m);
        assertTrue(m.contains("model 'm1': padding must be 'valid' or 'same' (got 'full')"), m);
        assertTrue(problems(new ModelSpec("m", "cnn", List.of(32), 3, ModelSpec.VALID, 1.0, List.of(128), -0.1, 1, 1,
                0.1, 1, 0, false, null, null)).contains("convDropout must be in [0, 1) (got 1.0)"));
        assertTrue(problems(new ModelSpec("m", "cnn", List.of(32), 3, ModelSpec.VALID, 0, List.of(128), 0, 1, 1, -0.5,
                1, 0, false, null, null)).contains("(got -0.5)"));
    }

    @Test
    void namesMustBeUniqueAndSafeAsFolders() throws ConfigurationException {
        assertTrue(problems(cnn(), cnn()).contains("model name 'cnn' is used twice"));
        for (String name : new String[] {"../evil", "a/b", "a\\b", "..", ".hidden", "", "x".repeat(101)}) {
            assertTrue(problems(cnn().withName(name)).contains("is not safe as a folder name"), name);
        }
    }

    @Test
    void convolutionBlocksMustLeaveAnImageAndPaddingKeepsItLarger() throws ConfigurationException {
        ModelSpec deep = new ModelSpec("deep", "cnn", List.of(8, 8, 8, 8), 3, ModelSpec.VALID, 0, List.of(16), 0, 1, 8,
                0.001, 1, 0, false, null, null);
        assertTrue(problems(deep).contains("shrink a 28x28 image to nothing"));
        // Padded, each block only halves the image: 28, 14, 7, 3, 1.
        ModelSpec padded = new ModelSpec("deep", "cnn", List.of(8, 8, 8, 8), 3, ModelSpec.SAME, 0, List.of(16), 0, 1,
                8, 0.001, 1, 0, false, null, null);
        ModelSpecs.validate(List.of(padded), ImageShape.FASHION_MNIST);
        // Before the data set is known, the image size is not judged: 64x64 images would take the four blocks.
        ModelSpecs.validate(List.of(deep));
        ModelSpecs.validate(List.of(deep), new ImageShape(64, 64, 1));
    }

    @Test
    void configuredFieldsOverrideTheArchitectureAndOverridesWinOverBoth() throws ConfigurationException {
        ModelConfig config = ModelConfig.of("cnn");
        config.padding = ModelSpec.SAME;
        config.epochs = 3;
        ModelConfig overrides = new ModelConfig();
        overrides.epochs = 5;
        ModelSpec spec = config.toSpec(overrides);
        assertEquals(ModelSpec.SAME, spec.padding());
        assertEquals(5, spec.epochs());
        assertEquals(Architectures.defaults("cnn").withPadding(ModelSpec.SAME).withEpochs(5), spec);
    }

    @Test
    void specRoundTripsThroughJson() throws Exception {
        ModelSpec spec = Architectures.defaults("cnn-deep");
        String json = io.github.fashionml.util.Json.MAPPER.writeValueAsString(spec);
        assertEquals(spec, io.github.fashionml.util.Json.MAPPER.readValue(json, ModelSpec.class));
        assertTrue(json.replaceAll("\\s", "").contains("\"kernelSize\":3,\"padding\":\"same\",\"convDropout\":0.2,"),
                json);
        // A spec written before padding existed reads as the "valid" it was trained with.
        String older = json.replaceAll("\"padding\" : \"\\w+\",", "");
        assertFalse(older.contains("padding"), older);
        assertEquals(ModelSpec.VALID, io.github.fashionml.util.Json.MAPPER.readValue(older, ModelSpec.class).padding());
    }

    @Test
    void badEarlyStoppingIsNamedWithItsFix() throws ConfigurationException {
        String m = problems(cnn().withEarlyStopping(new EarlyStopping("testAccuracy", 0, -0.01, true)));
        assertTrue(m.contains("model 'cnn': unknown earlyStopping monitor 'testAccuracy': use validationLoss or "
                + "validationAccuracy"), m);
        assertTrue(m.contains("earlyStopping patience must be at least 1 epoch (got 0)"), m);
        assertTrue(m.contains("earlyStopping minDelta must be 0 or a small positive number such as 0.001 (got -0.01)"),
                m);
        ModelSpecs.validate(List.of(cnn().withEarlyStopping(new EarlyStopping("validationAccuracy", 1, 0, false))));
    }

    @Test
    void badSchedulesAreNamedWithTheirFix() throws ConfigurationException {
        assertTrue(problems(cnn().withSchedule(LearningRateSchedule.of("linear", null, null, null, null, null)))
                .contains("unknown schedule type 'linear': use one of constant, cosine, onecycle, plateau"));
        String plateau = problems(cnn().withSchedule(LearningRateSchedule.of("plateau", null, 1.5, 2.0, 0,
                "trainLoss")));
        assertTrue(plateau.contains("schedule floor must be a fraction of the peak rate in [0, 1) (got 1.5)"), plateau);
        assertTrue(plateau.contains("schedule factor must be in (0, 1)"), plateau);
        assertTrue(plateau.contains("schedule patience must be at least 1 epoch (got 0)"), plateau);
        assertTrue(plateau.contains("unknown schedule monitor 'trainLoss'"), plateau);
        assertTrue(problems(cnn().withEpochs(4).withSchedule(LearningRateSchedule.of("cosine", 4, null, null, null,
                null))).contains("schedule warmupEpochs must be from 0 to epochs - 1 (3), got 4"));
        assertTrue(problems(cnn().withEpochs(2).withSchedule(LearningRateSchedule.of("onecycle", null, null, null,
                null, null))).contains("the onecycle schedule needs at least 3 epochs"));
    }

    @Test
    void configuredScheduleAndEarlyStoppingBecomeTheSpec() throws ConfigurationException {
        ModelConfig config = ModelConfig.of("dnn");
        config.schedule = new ScheduleConfig();
        config.schedule.type = "cosine";
        config.schedule.warmupEpochs = 1;
        config.earlyStopping = new EarlyStoppingConfig();
        config.earlyStopping.patience = 3;
        ModelSpec spec = config.toSpec(null);
        assertEquals(new LearningRateSchedule("cosine", 1, 0.0, 0, 0, null), spec.schedule());
        assertEquals(new EarlyStopping("validationLoss", 3, 0.0, true), spec.earlyStopping());
        EarlyStoppingConfig off = new EarlyStoppingConfig();
        off.enabled = false;
        config.earlyStopping = off;
        assertEquals(null, config.toSpec(null).earlyStopping());
    }
}
