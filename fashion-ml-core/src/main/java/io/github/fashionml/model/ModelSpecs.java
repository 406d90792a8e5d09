package io.github.fashionml.model;

import io.github.fashionml.ConfigurationException;
import io.github.fashionml.data.ImageShape;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

/** Checks model specs before any training starts, and names every problem with its fix. */
public final class ModelSpecs {
    /** Safe as a folder name and a Maven classifier on every file system. */
    private static final Pattern SAFE_NAME = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]{0,99}");

    private ModelSpecs() {
    }

    /**
     * Every problem of every spec that needs no data set, at once: what a goal checks before the data set is
     * known. Training checks the rest with {@link #validate(List, ImageShape)}.
     */
    public static void validate(List<ModelSpec> specs) throws ConfigurationException {
        validate(specs, null);
    }

    /**
     * Every problem of every spec at once, each naming the model, the value and the fix.
     *
     * @param input the data set's images, for the check that the convolutions leave an image; null skips it
     */
    public static void validate(List<ModelSpec> specs, ImageShape input) throws ConfigurationException {
        List<String> problems = new ArrayList<>();
        Set<String> names = new HashSet<>();
        if (specs.isEmpty()) {
            problems.add("no models are configured: add <models> or leave it out for the three reference models");
        }
        for (ModelSpec spec : specs) {
            String name = spec.name();
            String m = "model '" + name + "': ";
            if (name == null || !SAFE_NAME.matcher(name).matches() || name.contains("..")) {
                problems.add("model name '" + name + "' is not safe as a folder name: use letters, digits, '.', '_' "
                        + "and '-' (no '/', '\\\\' or '..'), starting with a letter or digit, at most 100 characters");
            } else if (!names.add(name)) {
                problems.add("model name '" + name + "' is used twice: give each <model> its own <name>");
            }
            if (spec.epochs() <= 0) {
                problems.add(m + "epochs must be at least 1 (got " + spec.epochs() + ")");
            }
            if (spec.batchSize() <= 0) {
                problems.add(m + "batchSize must be at least 1 (got " + spec.batchSize() + ")");
            }
            if (!(spec.learningRate() > 0) || Double.isInfinite(spec.learningRate())) {
                problems.add(m + "learningRate must be a positive number such as 0.001 (got " + spec.learningRate() + ")");
            }
            if (!(spec.convDropout() >= 0 && spec.convDropout() < 1)) {
                problems.add(m + "convDropout must be in [0, 1) (got " + spec.convDropout() + ")");
            }
            if (!(spec.denseDropout() >= 0 && spec.denseDropout() < 1)) {
                problems.add(m + "denseDropout must be in [0, 1) (got " + spec.denseDropout() + ")");
            }
            if (spec.seed() == 0) {
                problems.add(m + "seed must not be 0 (Deeplearning4j reads 0 as 'no seed'); pick any other number");
            }
            if (spec.threads() < 0) {
                problems.add(m + "threads must be 0 (automatic) or more (got " + spec.threads() + ")");
            }
            if (spec.filters().stream().anyMatch(f -> f <= 0) || spec.dense().stream().anyMatch(u -> u <= 0)) {
                problems.add(m + "filters and dense sizes must all be positive (got filters " + spec.filters()
                        + ", dense " + spec.dense() + ")");
            }
            if (!ModelSpec.VALID.equals(spec.padding()) && !ModelSpec.SAME.equals(spec.padding())) {
                problems.add(m + "padding must be 'valid' or 'same' (got '" + spec.padding() + "')");
            }
            problems.addAll(scheduleProblems(m, spec));
            problems.addAll(earlyStoppingProblems(m, spec.earlyStopping()));
            if (spec.convolutional() && input != null) {
                problems.addAll(sizeProblems(m, spec, input));
            }
        }
        if (!problems.isEmpty()) {
            throw new ConfigurationException("Invalid model configuration:\n  - " + String.join("\n  - ", problems));
        }
    }

    /** Each convolution block ("valid" shrinks by kernel - 1) and its 2x2 pooling must leave at least one pixel. */
    private static List<String> sizeProblems(String m, ModelSpec spec, ImageShape input) {
        if (spec.kernelSize() <= 0) {
            return List.of(m + "kernelSize must be positive (got " + spec.kernelSize() + ")");
        }
        int height = input.height();
        int width = input.width();
        for (int ignored : spec.filters()) {
            height = (spec.samePadding() ? height : height - spec.kernelSize() + 1) / 2;
            width = (spec.samePadding() ? width : width - spec.kernelSize() + 1) / 2;
        }
        if (height >= 1 && width >= 1) {
            return List.of();
        }
        return List.of(m + spec.filters().size() + " convolution blocks with kernel " + spec.kernelSize()
                + " shrink a " + input.height() + "x" + input.width() + " image to nothing; use fewer blocks, a "
                + "smaller kernelSize, padding 'same', or larger images");
    }

    private static List<String> scheduleProblems(String m, ModelSpec spec) {
        LearningRateSchedule s = spec.schedule();
        List<String> problems = new ArrayList<>();
        if (!LearningRateSchedule.TYPES.contains(s.type())) {
            problems.add(m + "unknown schedule type '" + s.type() + "': use one of "
                    + String.join(", ", LearningRateSchedule.TYPES) + " in <schedule><type>");
            return problems;
        }
        if (!(s.floor() >= 0 && s.floor() < 1)) {
            problems.add(m + "schedule floor must be a fraction of the peak rate in [0, 1) (got " + s.floor() + ")");
        }
        switch (s.type()) {
            case LearningRateSchedule.COSINE -> {
                if (s.warmupEpochs() < 0 || s.warmupEpochs() >= spec.epochs()) {
                    problems.add(m + "schedule warmupEpochs must be from 0 to epochs - 1 (" + (spec.epochs() - 1)
                            + "), got " + s.warmupEpochs());
                }
            }
            case LearningRateSchedule.ONECYCLE -> {
                if (spec.epochs() < 3) {
                    problems.add(m + "the onecycle schedule needs at least 3 epochs to rise and fall (got "
                            + spec.epochs() + "): raise <epochs> or use the cosine schedule");
                }
            }
            case LearningRateSchedule.PLATEAU -> {
                if (!(s.factor() > 0 && s.factor() < 1)) {
                    problems.add(m + "schedule factor must be in (0, 1), such as 0.5 (got " + s.factor() + ")");
                }
                if (s.patience() < 1) {
                    problems.add(m + "schedule patience must be at least 1 epoch (got " + s.patience() + ")");
                }
                if (!Monitor.NAMES.contains(s.monitor())) {
                    problems.add(m + "unknown schedule monitor '" + s.monitor() + "': use "
                            + String.join(" or ", Monitor.NAMES));
                }
            }
            default -> {
            }
        }
        return problems;
    }

    private static List<String> earlyStoppingProblems(String m, EarlyStopping e) {
        List<String> problems = new ArrayList<>();
        if (e == null) {
            return problems;
        }
        if (!Monitor.NAMES.contains(e.monitor())) {
            problems.add(m + "unknown earlyStopping monitor '" + e.monitor() + "': use "
                    + String.join(" or ", Monitor.NAMES));
        }
        if (e.patience() < 1) {
            problems.add(m + "earlyStopping patience must be at least 1 epoch (got " + e.patience() + ")");
        }
        if (!(e.minDelta() >= 0) || Double.isInfinite(e.minDelta())) {
            problems.add(m + "earlyStopping minDelta must be 0 or a small positive number such as 0.001 (got "
                    + e.minDelta() + ")");
        }
        return problems;
    }
}
