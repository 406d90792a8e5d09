package io.github.fashionml.sweep;

import io.github.fashionml.ConfigurationException;
import io.github.fashionml.model.ModelConfig;
import org.junit.jupiter.api.Test;

import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class SweepGridTest {
    private static final Pattern FILE_SAFE = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]*");

    private static ModelConfig swept(Map<String, String> sweep) {
        ModelConfig config = ModelConfig.of("dnn");
        config.sweep = sweep;
        return config;
    }

    private static List<String> names(SweepGrid grid) {
        return grid.combinations().stream().map(grid::trialName).toList();
    }

    @Test
    void theGridIsTheProductInCanonicalParameterOrderTheFirstVaryingSlowest() throws Exception {
        Map<String, String> sweep = new LinkedHashMap<>();
        sweep.put("seed", "1,2");
        sweep.put("learningRate", "0.001, 2e-3 ,0.0040");
        SweepGrid grid = SweepGrid.of("dnn", swept(sweep));
        assertEquals(6, grid.size());
        assertEquals("3 learningRate x 2 seed", grid.sizeFormula());
        assertEquals(List.of("dnn_lr0.001_seed1", "dnn_lr0.001_seed2", "dnn_lr0.002_seed1", "dnn_lr0.002_seed2",
                "dnn_lr0.004_seed1", "dnn_lr0.004_seed2"), names(grid));
    }

    @Test
    void namesDependOnTheValuesAloneNotOnHowOrInWhatOrderThePomWritesThem() throws Exception {
        Map<String, String> one = new LinkedHashMap<>();
        one.put("batchSize", "128,512");
        one.put("dense", "256-128,64");
        one.put("standardize", "TRUE");
        Map<String, String> other = new LinkedHashMap<>();
        other.put("standardize", "true");
        other.put("dense", "256-128, 064");
        other.put("batchSize", "+128,512");
        assertEquals(new HashSet<>(names(SweepGrid.of("dnn", swept(one)))),
                new HashSet<>(names(SweepGrid.of("dnn", swept(other)))));
        assertTrue(names(SweepGrid.of("dnn", swept(one))).contains("dnn_bs128_dense256-128_stdtrue"));
    }

    @Test
    void everyNameIsFileSafeAndDistinctEvenWhenShortened() throws Exception {
        Map<String, String> sweep = new LinkedHashMap<>();
        sweep.put("learningRate", "0.001,0.0015");
        sweep.put("dense", "64,1024-1024-1024-1024-1024-1024-1024-1024-1024-1024-1024-1024-1024-1024-1024-1024");
        sweep.put("convDropout", "0,0.25");
        sweep.put("schedule", "Cosine,constant");
        sweep.put("seed", "12345678901,2");
        List<String> names = names(SweepGrid.of("dnn", swept(sweep)));
        assertEquals(32, new HashSet<>(names).size());
        for (String name : names) {
            assertTrue(FILE_SAFE.matcher(name).matches(), name);
            assertTrue(name.length() <= SweepGrid.MAX_NAME_LENGTH, name);
        }
        // Too long for a readable name: the model's name and a hash of the values.
        assertTrue(names.stream().anyMatch(n -> n.matches("dnn_[0-9a-f]{12}")), names.toString());
        // Short enough: readable, with words in lower case.
        assertTrue(names.contains("dnn_lr0.0015_schedcosine_cdrop0.25_dense64_seed2"), names.toString());
    }

    @Test
    void badListsFailNamingTheParameterAndTheFix() {
        ConfigurationException empty = assertThrows(ConfigurationException.class,
                () -> SweepGrid.of("dnn", swept(Map.of("learningRate", " "))));
        assertTrue(empty.getMessage().contains("<sweep><learningRate> is empty"), empty.getMessage());
        ConfigurationException type = assertThrows(ConfigurationException.class,
                () -> SweepGrid.of("dnn", swept(Map.of("batchSize", "128,big"))));
        assertTrue(type.getMessage().contains("'big', which is not a whole number")
                && type.getMessage().contains("<batchSize>128,512</batchSize>"), type.getMessage());
        ConfigurationException unknown = assertThrows(ConfigurationException.class,
                () -> SweepGrid.of("dnn", swept(Map.of("momentum", "0.9"))));
        assertTrue(unknown.getMessage().contains("<sweep><momentum> is not a parameter that can be swept")
                && unknown.getMessage().contains("learningRate"), unknown.getMessage());
        ConfigurationException twice = assertThrows(ConfigurationException.class,
                () -> SweepGrid.of("dnn", swept(Map.of("learningRate", "0.001,1e-3"))));
        assertTrue(twice.getMessage().contains("lists 0.001 twice"), twice.getMessage());
        ConfigurationException gap = assertThrows(ConfigurationException.class,
                () -> SweepGrid.of("dnn", swept(Map.of("seed", "1,,2"))));
        assertTrue(gap.getMessage().contains("has an empty value"), gap.getMessage());
        ConfigurationException negative = assertThrows(ConfigurationException.class,
                () -> SweepGrid.of("dnn", swept(Map.of("denseDropout", "-0.5"))));
        assertTrue(negative.getMessage().contains("'-0.5', which is not a number"), negative.getMessage());
    }

    @Test
    void aGridLargerThanMaxTrialsFailsNamingItsSize() throws Exception {
        Map<String, String> sweep = new LinkedHashMap<>();
        sweep.put("learningRate", "0.001,0.002,0.003,0.004,0.005");
        sweep.put("batchSize", "32,64,128,256");
        sweep.put("seed", "1,2,3,4");
        ConfigurationException e = assertThrows(ConfigurationException.class, () -> SweepGrid.of("dnn", swept(sweep)));
        assertTrue(e.getMessage().contains("5 learningRate x 4 batchSize x 4 seed = 80 trials, more than <maxTrials> 64"),
                e.getMessage());
        ModelConfig raised = swept(sweep);
        raised.maxTrials = 80;
        assertEquals(80, SweepGrid.of("dnn", raised).size());
        raised.maxTrials = 79;
        assertThrows(ConfigurationException.class, () -> SweepGrid.of("dnn", raised));
    }

    @Test
    void selectByIsAValidationFigure() {
        ModelConfig config = swept(Map.of("seed", "1,2"));
        config.selectBy = "testAccuracy";
        ConfigurationException e = assertThrows(ConfigurationException.class, () -> SweepGrid.of("dnn", config));
        assertTrue(e.getMessage().contains("use validationLoss or validationAccuracy"), e.getMessage());
    }
}
