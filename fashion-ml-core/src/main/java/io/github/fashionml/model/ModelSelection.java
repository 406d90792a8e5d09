package io.github.fashionml.model;

import io.github.fashionml.ConfigurationException;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/** Turns configured models (or none, meaning the three reference models) into specs, and picks some by name. */
public final class ModelSelection {
    private ModelSelection() {
    }

    /**
     * @param configured the user's models; null or empty means cnn, dnn and cnn-deep with their defaults
     * @param overrides  fields applied to every model (command-line knobs), or null
     * @param selected   comma-separated names to keep, or null/blank for all
     */
    public static List<ModelSpec> specs(List<ModelConfig> configured, ModelConfig overrides, String selected)
            throws ConfigurationException {
        List<ModelConfig> configs = configured == null || configured.isEmpty()
                ? Architectures.names().stream().map(ModelConfig::of).toList()
                : configured;
        List<ModelSpec> specs = new ArrayList<>();
        for (ModelConfig config : configs) {
            specs.add(config.toSpec(overrides));
        }
        ModelSpecs.validate(specs);
        if (selected == null || selected.isBlank()) {
            return specs;
        }
        Set<String> wanted = names(selected);
        List<String> known = specs.stream().map(ModelSpec::name).toList();
        List<String> unknown = wanted.stream().filter(n -> !known.contains(n)).toList();
        if (!unknown.isEmpty()) {
            throw new ConfigurationException("fashionml.modelNames names " + unknown + ", which are not configured. "
                    + "Configured models: " + String.join(", ", known));
        }
        return specs.stream().filter(s -> wanted.contains(s.name())).toList();
    }

    /** The names of a comma-separated list ({@code fashionml.modelNames}), trimmed, each once, in order. */
    public static Set<String> names(String commaSeparated) {
        Set<String> names = new LinkedHashSet<>();
        for (String part : commaSeparated.split(",")) {
            if (!part.isBlank()) {
                names.add(part.trim());
            }
        }
        return names;
    }
}
