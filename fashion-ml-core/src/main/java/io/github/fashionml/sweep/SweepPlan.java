package io.github.fashionml.sweep;

import io.github.fashionml.ConfigurationException;
import io.github.fashionml.model.Architectures;
import io.github.fashionml.model.ModelConfig;
import io.github.fashionml.model.ModelSelection;
import io.github.fashionml.model.ModelSpec;
import io.github.fashionml.model.ModelSpecs;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * What {@code train} trains: every model without a sweep as it is, and every trial of every sweep as a model of its
 * own; and, per swept model, how its trials are chosen between. Everything is checked before any training, each
 * problem naming the model, the parameter and the fix.
 *
 * @param specs  the models and trials to train, in configuration order (a sweep's trials in grid order)
 * @param sweeps      the swept models among those selected, each with all its trials
 * @param trialModels the swept model of each planned trial, by trial name
 */
public record SweepPlan(List<ModelSpec> specs, List<SweptModel> sweeps, Map<String, String> trialModels) {
    public SweepPlan {
        specs = List.copyOf(specs);
        sweeps = List.copyOf(sweeps);
        trialModels = Map.copyOf(trialModels);
    }

    /**
     * @param configured the user's models; null or empty means the three reference models (none swept)
     * @param overrides  fields applied to every model and trial (command-line knobs), or null
     * @param selected   comma-separated model or trial names to train, or null/blank for all; naming a trial trains
     *                   that trial alone
     */
    public static SweepPlan of(List<ModelConfig> configured, ModelConfig overrides, String selected)
            throws ConfigurationException {
        List<ModelConfig> configs = configured == null || configured.isEmpty()
                ? Architectures.names().stream().map(ModelConfig::of).toList()
                : configured;
        List<ModelSpec> all = new ArrayList<>();
        List<SweptModel> sweeps = new ArrayList<>();
        Map<String, String> owners = new HashMap<>();
        Map<String, String> modelOf = new HashMap<>();
        Map<String, String> trialModels = new HashMap<>();
        for (ModelConfig config : configs) {
            ModelSpec base = config.toSpec(overrides);
            // Two models of one name are reported with every other problem by ModelSpecs.validate.
            owners.putIfAbsent(base.name(), "model '" + base.name() + "'");
            if (!config.swept()) {
                if (config.selectBy != null || config.maxTrials != null) {
                    throw new ConfigurationException("model '" + base.name() + "': <selectBy> and <maxTrials> choose "
                            + "among a sweep's trials, and it has no <sweep>; add a <sweep> or remove them");
                }
                all.add(base);
                modelOf.put(base.name(), base.name());
                continue;
            }
            SweptModel swept = sweep(base.name(), config, overrides);
            for (Trial trial : swept.trials()) {
                String earlier = owners.putIfAbsent(trial.name(), "a trial of model '" + base.name() + "'");
                if (earlier != null) {
                    throw clash(trial.name(), earlier, base.name());
                }
                all.add(trial.spec());
                modelOf.put(trial.name(), base.name());
                trialModels.put(trial.name(), base.name());
            }
            sweeps.add(swept);
        }
        for (SweptModel swept : sweeps) {
            for (Trial trial : swept.trials()) {
                String owner = owners.get(trial.name());
                if (!owner.equals("a trial of model '" + swept.name() + "'")) {
                    throw clash(trial.name(), owner, swept.name());
                }
            }
        }
        ModelSpecs.validate(all);
        if (selected == null || selected.isBlank()) {
            return new SweepPlan(all, sweeps, trialModels);
        }
        Set<String> wanted = ModelSelection.names(selected);
        List<ModelSpec> specs = new ArrayList<>();
        List<SweptModel> selectedSweeps = new ArrayList<>();
        Set<String> found = new LinkedHashSet<>();
        for (ModelSpec spec : all) {
            String model = modelOf.get(spec.name());
            if (wanted.contains(spec.name()) || wanted.contains(model)) {
                specs.add(spec);
                found.add(wanted.contains(spec.name()) ? spec.name() : model);
            }
        }
        for (SweptModel sweep : sweeps) {
            if (wanted.contains(sweep.name())) {
                selectedSweeps.add(sweep);
            }
        }
        List<String> unknown = wanted.stream().filter(n -> !found.contains(n)).toList();
        if (!unknown.isEmpty()) {
            throw new ConfigurationException("fashionml.modelNames names " + unknown + ", which are not configured "
                    + "models or trials. Configured models: " + String.join(", ", configs.stream()
                    .map(c -> c.name != null ? c.name : c.architecture).toList()));
        }
        Map<String, String> selectedTrials = new HashMap<>(trialModels);
        selectedTrials.keySet().retainAll(specs.stream().map(ModelSpec::name).toList());
        return new SweepPlan(specs, selectedSweeps, selectedTrials);
    }

    /**
     * The names the goals after {@code train} work on: each model without a sweep, each swept model (its
     * selected trial), and each trial named on its own (for {@code reproduce}).
     */
    public List<String> modelNames() {
        List<String> names = new ArrayList<>();
        for (ModelSpec spec : specs) {
            String model = trialModels.get(spec.name());
            boolean wholeSweep = model != null && sweeps.stream().anyMatch(s -> s.name().equals(model));
            String name = wholeSweep ? model : spec.name();
            if (!names.contains(name)) {
                names.add(name);
            }
        }
        return names;
    }

    /**
     * The names {@code evaluate} and {@code compare} work on: {@link #modelNames()} without trials named on their
     * own, since the test set is read for a sweep's selected trial only.
     */
    public List<String> evaluatedNames() {
        return modelNames().stream().filter(n -> !isTrial(n)).toList();
    }

    /** Whether a planned name is a sweep's trial (rather than a model of its own). */
    public boolean isTrial(String name) {
        return trialModels.containsKey(name);
    }

    private static SweptModel sweep(String model, ModelConfig config, ModelConfig overrides)
            throws ConfigurationException {
        SweepGrid grid = SweepGrid.of(model, config);
        for (SweepParameter parameter : grid.values().keySet()) {
            if (parameter.setIn(overrides)) {
                throw new ConfigurationException("model '" + model + "' sweeps " + parameter.element() + ", and the "
                        + "command line sets it for every model (-Dfashionml." + parameter.element() + "); leave "
                        + "one of them out");
            }
        }
        List<Trial> trials = new ArrayList<>();
        for (Map<SweepParameter, String> combination : grid.combinations()) {
            ModelConfig trial = config.copy();
            trial.sweep = null;
            trial.selectBy = null;
            trial.maxTrials = null;
            trial.architecture = config.toSpec(null).architecture();
            trial.name = grid.trialName(combination);
            combination.forEach((parameter, value) -> parameter.apply(trial, value));
            trials.add(new Trial(trial.name, SweepGrid.byElement(combination), trial.toSpec(overrides)));
        }
        List<String> parameters = grid.values().keySet().stream().map(SweepParameter::element).toList();
        return new SweptModel(model, grid.selectBy(), parameters, trials);
    }

    private static ConfigurationException clash(String trial, String owner, String model) {
        return new ConfigurationException("the name '" + trial + "' is used by " + owner + " and by a trial of model '"
                + model + "': rename the model so that no model is named like another model's trial");
    }
}
