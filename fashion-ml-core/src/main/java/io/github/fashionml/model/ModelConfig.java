package io.github.fashionml.model;

import io.github.fashionml.ConfigurationException;

import java.util.List;
import java.util.Map;

/**
 * One model as a user configures it (in a POM's {@code <models>}, or in code): a name, the architecture it
 * starts from, and any fields to change. Unset fields keep the architecture's defaults.
 */
public class ModelConfig {
    /** The model's name: its output folder and artifact classifier. Defaults to the architecture's name. */
    public String name;
    /** {@code cnn}, {@code dnn} or {@code cnn-deep}. Defaults to the name, when that is an architecture. */
    public String architecture;
    /** Filters of each convolution block (3x3 convolution + ReLU, then 2x2 max-pooling). */
    public List<Integer> filters;
    /** Convolution kernel size. */
    public Integer kernelSize;
    /** The convolutions' padding: {@code valid} (none) or {@code same} (keeps the image's size), as in Keras. */
    public String padding;
    /** Dropout rate after the convolution blocks (fraction dropped, as in Keras). */
    public Double convDropout;
    /** Units of each hidden dense ReLU layer. */
    public List<Integer> dense;
    /** Dropout rate after each hidden dense layer. */
    public Double denseDropout;
    public Integer epochs;
    public Integer batchSize;
    /** Adam's learning rate. */
    public Double learningRate;
    /** The one seed of the model (not 0). */
    public Long seed;
    /** Native threads; 0 picks the architecture's best. */
    public Integer threads;
    /** Per-pixel standardisation instead of plain [0,1] scaling. */
    public Boolean standardize;
    /** How the learning rate changes per epoch; {@code learningRate} is its peak. */
    public ScheduleConfig schedule;
    /** Stop when a validation figure stops improving; {@code epochs} is then the maximum. */
    public EarlyStoppingConfig earlyStopping;
    /**
     * A grid of recipes: comma-separated values per parameter ({@code learningRate -> "0.001,0.002"}); every
     * combination is trained as a trial, and the model is the trial chosen on validation (the sweep
     * package's SweepGrid and SweepPlan).
     */
    public Map<String, String> sweep;
    /** What chooses among a sweep's trials: {@code validationAccuracy} (default) or {@code validationLoss}. */
    public String selectBy;
    /** The most trials a sweep may have (default 64): a guard against an accidental grid of thousands. */
    public Integer maxTrials;

    public ModelConfig() {
    }

    /** A copy of every field (lists and nested configurations are shared: they are not changed in place). */
    public ModelConfig copy() {
        ModelConfig c = new ModelConfig();
        c.name = name;
        c.architecture = architecture;
        c.filters = filters;
        c.kernelSize = kernelSize;
        c.padding = padding;
        c.convDropout = convDropout;
        c.dense = dense;
        c.denseDropout = denseDropout;
        c.epochs = epochs;
        c.batchSize = batchSize;
        c.learningRate = learningRate;
        c.seed = seed;
        c.threads = threads;
        c.standardize = standardize;
        c.schedule = schedule;
        c.earlyStopping = earlyStopping;
        c.sweep = sweep;
        c.selectBy = selectBy;
        c.maxTrials = maxTrials;
        return c;
    }

    /** Whether this model is a sweep: a {@code <sweep>} with at least one parameter. */
    public boolean swept() {
        return sweep != null && !sweep.isEmpty();
    }

    public static ModelConfig of(String architecture) {
        ModelConfig c = new ModelConfig();
        c.architecture = architecture;
        return c;
    }

    /** The full spec: the architecture's defaults, then this config's fields, then the overrides' fields. */
    public ModelSpec toSpec(ModelConfig overrides) throws ConfigurationException {
        String arch = architecture != null ? architecture : name;
        if (arch == null) {
            throw new ConfigurationException("A <model> has neither <name> nor <architecture>: set <architecture> "
                    + "to one of " + String.join(", ", Architectures.names()));
        }
        if (architecture == null && !Architectures.names().contains(name)) {
            throw new ConfigurationException("Model '" + name + "' has no <architecture>, and its name is not one: "
                    + "set <architecture> to one of " + String.join(", ", Architectures.names()));
        }
        ModelSpec d = Architectures.defaults(arch);
        ModelConfig o = overrides == null ? new ModelConfig() : overrides;
        return new ModelSpec(
                pick(name, null, arch),
                arch,
                pick(filters, o.filters, d.filters()),
                pick(kernelSize, o.kernelSize, d.kernelSize()),
                pick(padding, o.padding, d.padding()),
                pick(convDropout, o.convDropout, d.convDropout()),
                pick(dense, o.dense, d.dense()),
                pick(denseDropout, o.denseDropout, d.denseDropout()),
                pick(epochs, o.epochs, d.epochs()),
                pick(batchSize, o.batchSize, d.batchSize()),
                pick(learningRate, o.learningRate, d.learningRate()),
                pick(seed, o.seed, d.seed()),
                pick(threads, o.threads, d.threads()),
                pick(standardize, o.standardize, d.standardize()),
                o.schedule != null ? o.schedule.toSchedule() : schedule != null ? schedule.toSchedule() : d.schedule(),
                earlyStopping(o, d));
    }

    private EarlyStopping earlyStopping(ModelConfig overrides, ModelSpec defaults) {
        EarlyStopping base = defaults.earlyStopping();
        if (earlyStopping != null) {
            base = earlyStopping.toEarlyStopping(base);
        }
        return overrides.earlyStopping != null ? overrides.earlyStopping.toEarlyStopping(base) : base;
    }

    private static <T> T pick(T own, T override, T fallback) {
        return override != null ? override : own != null ? own : fallback;
    }
}
