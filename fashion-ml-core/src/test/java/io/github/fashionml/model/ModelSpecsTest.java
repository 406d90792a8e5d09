package io.github.fashionml.model;

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
        return assertThrows(ConfigurationException.class, () -> ModelSpecs.validate(List.of(specs))).getMessage();
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
                -1, false);
        String m = problems(bad);
        assertTrue(m.contains("model 'm1': epochs must be at least 1 (got 0)"), m);
        assertTrue(m.contains("model 'm1': batchSize must be at least 1 (got -1)"), m);
        assertTrue(m.contains("learningRate must be a positive number such as 0.001 (got NaN)"), m);
        assertTrue(m.contains("seed must not be 0"), m);
        assertTrue(m.contains("threads must be 0 (automatic) or more"), m);
        assertTrue(m.contains("model 'm1': padding must be 'valid' or 'same' (got 'full')"), m);
        assertTrue(problems(new ModelSpec("m", "cnn", List.of(32), 3, ModelSpec.VALID, 1.0, List.of(128), -0.1, 1, 1,
                0.1, 1, 0, false)).contains("convDropout must be in [0, 1) (got 1.0)"));
        assertTrue(problems(new ModelSpec("m", "cnn", List.of(32), 3, ModelSpec.VALID, 0, List.of(128), 0, 1, 1, -0.5,
                1, 0, false)).contains("(got -0.5)"));
    }

    @Test
    void namesMustBeUniqueAndSafeAsFolders() throws ConfigurationException {
        assertTrue(problems(cnn(), cnn()).contains("model name 'cnn' is used twice"));
        for (String name : new String[] {"../evil", "a/b", "a\\b", "..", ".hidden", "", "x".repeat(65)}) {
            assertTrue(problems(cnn().withName(name)).contains("is not safe as a folder name"), name);
        }
    }

    @Test
    void convolutionBlocksMustLeaveAnImageAndPaddingKeepsItLarger() throws ConfigurationException {
        ModelSpec deep = new ModelSpec("deep", "cnn", List.of(8, 8, 8, 8), 3, ModelSpec.VALID, 0, List.of(16), 0, 1, 8,
                0.001, 1, 0, false);
        assertTrue(problems(deep).contains("shrink a 28x28 image to nothing"));
        // Padded, each block only halves the image: 28, 14, 7, 3, 1.
        ModelSpec padded = new ModelSpec("deep", "cnn", List.of(8, 8, 8, 8), 3, ModelSpec.SAME, 0, List.of(16), 0, 1,
                8, 0.001, 1, 0, false);
        ModelSpecs.validate(List.of(padded));
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
}
