package io.github.fashionml.sweep;

import io.github.fashionml.ConfigurationException;
import io.github.fashionml.model.ModelConfig;
import io.github.fashionml.model.Monitor;
import io.github.fashionml.util.Sha256;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * A swept model's grid: for each swept parameter (in {@link SweepParameter}'s canonical order) the values the POM
 * lists, in the POM's order. Its trials are every combination, the first parameter varying slowest; each is named
 * after its values ({@code dnn_lr0.002_bs128_seed1}), so a trial keeps its name, its folder and its cached model
 * whatever else the grid gains or loses.
 *
 * @param model     the swept model's name
 * @param values    canonical values per parameter
 * @param selectBy  {@code validationAccuracy} or {@code validationLoss}
 * @param maxTrials the most trials allowed
 */
public record SweepGrid(String model, Map<SweepParameter, List<String>> values, String selectBy, int maxTrials) {
    public static final int DEFAULT_MAX_TRIALS = 64;
    /** Longer trial names are shortened to the model's name and a hash of the values. */
    static final int MAX_NAME_LENGTH = 100;

    public SweepGrid {
        values = java.util.Collections.unmodifiableMap(new EnumMap<>(values));
    }

    /** The grid of a configured model with a {@code <sweep>}, checked: every problem names the parameter and the fix. */
    public static SweepGrid of(String model, ModelConfig config) throws ConfigurationException {
        Map<SweepParameter, List<String>> values = new EnumMap<>(SweepParameter.class);
        for (Map.Entry<String, String> entry : config.sweep.entrySet()) {
            SweepParameter parameter = SweepParameter.of(model, entry.getKey());
            String listed = entry.getValue() == null ? "" : entry.getValue();
            if (listed.isBlank()) {
                throw new ConfigurationException("model '" + model + "': <sweep><" + entry.getKey() + "> is empty; list "
                        + "its values separated by commas, or remove it to keep the model's own value");
            }
            Set<String> canonical = new LinkedHashSet<>();
            for (String value : listed.split(",", -1)) {
                if (value.isBlank()) {
                    throw new ConfigurationException("model '" + model + "': <sweep><" + entry.getKey() + ">"
                            + listed + "</" + entry.getKey() + "> has an empty value; separate values by single "
                            + "commas");
                }
                String c = parameter.canonical(model, value);
                if (!canonical.add(c)) {
                    throw new ConfigurationException("model '" + model + "': <sweep><" + entry.getKey() + "> lists "
                            + c + " twice (as '" + listed + "'); list each value once");
                }
            }
            values.put(parameter, List.copyOf(canonical));
        }
        String selectBy = config.selectBy == null || config.selectBy.isBlank()
                ? Monitor.VALIDATION_ACCURACY : config.selectBy.trim();
        if (!Monitor.NAMES.contains(selectBy)) {
            throw new ConfigurationException("model '" + model + "': <selectBy> is '" + config.selectBy + "'; use "
                    + String.join(" or ", Monitor.NAMES) + " (a test figure never chooses)");
        }
        int maxTrials = config.maxTrials == null ? DEFAULT_MAX_TRIALS : config.maxTrials;
        if (maxTrials < 1) {
            throw new ConfigurationException("model '" + model + "': <maxTrials> must be at least 1 (got "
                    + maxTrials + ")");
        }
        SweepGrid grid = new SweepGrid(model, values, selectBy, maxTrials);
        if (grid.size() > maxTrials) {
            throw new ConfigurationException("model '" + model + "': the sweep has " + grid.sizeFormula() + " = "
                    + grid.size() + " trials, more than <maxTrials> " + maxTrials + "; list fewer values, or raise "
                    + "<maxTrials> if you mean to train " + grid.size() + " models");
        }
        return grid;
    }

    /** How many trials: the product of the lists' lengths. */
    public long size() {
        long size = 1;
        for (List<String> list : values.values()) {
            size *= list.size();
        }
        return size;
    }

    /** "3 learningRate x 2 seed": for messages. */
    public String sizeFormula() {
        return values.entrySet().stream().map(e -> e.getValue().size() + " " + e.getKey().element())
                .collect(Collectors.joining(" x "));
    }

    /** Every combination, the first parameter varying slowest. */
    public List<Map<SweepParameter, String>> combinations() {
        List<Map<SweepParameter, String>> out = new ArrayList<>();
        out.add(new EnumMap<>(SweepParameter.class));
        for (Map.Entry<SweepParameter, List<String>> entry : values.entrySet()) {
            List<Map<SweepParameter, String>> next = new ArrayList<>();
            for (Map<SweepParameter, String> partial : out) {
                for (String value : entry.getValue()) {
                    Map<SweepParameter, String> combination = new EnumMap<>(SweepParameter.class);
                    combination.putAll(partial);
                    combination.put(entry.getKey(), value);
                    next.add(combination);
                }
            }
            out = next;
        }
        return out;
    }

    /**
     * A trial's name: the model's, then each value after its parameter's short name, in canonical order
     * ({@code dnn_lr0.002_bs128_seed1}). Only letters, digits, '.', '-' and '_' occur, so it is safe as a folder
     * name and a Maven classifier; a name over {@value #MAX_NAME_LENGTH} characters becomes the model's name and
     * the first 12 hex digits of the values' SHA-256.
     */
    public String trialName(Map<SweepParameter, String> combination) {
        String values = combination.entrySet().stream().map(e -> e.getKey().shortName() + e.getValue())
                .collect(Collectors.joining("_"));
        String name = model + "_" + values;
        if (name.length() <= MAX_NAME_LENGTH) {
            return name;
        }
        return model + "_" + Sha256.of(values.getBytes(StandardCharsets.UTF_8)).substring(0, 12);
    }

    /** The values by element name ({@code learningRate -> 0.002}), in canonical order: for selection.json. */
    public static Map<String, String> byElement(Map<SweepParameter, String> combination) {
        Map<String, String> out = new LinkedHashMap<>();
        combination.forEach((p, v) -> out.put(p.element(), v));
        return out;
    }
}
