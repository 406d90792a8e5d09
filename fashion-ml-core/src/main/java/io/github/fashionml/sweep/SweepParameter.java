package io.github.fashionml.sweep;

import io.github.fashionml.ConfigurationException;
import io.github.fashionml.model.ModelConfig;
import io.github.fashionml.model.ScheduleConfig;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * A parameter of a {@code <model>} that a {@code <sweep>} may list values for. The declaration order is the
 * canonical order: trial names list values in it (whatever order the POM gives), and the seed comes last.
 * Each value is parsed strictly and written back in one canonical form ({@code 1e-3} and {@code 0.0010} are both
 * {@code 0.001}), so a trial's name depends on its values alone.
 */
public enum SweepParameter {
    LEARNING_RATE("learningRate", "lr", Kind.DECIMAL),
    BATCH_SIZE("batchSize", "bs", Kind.INTEGER),
    EPOCHS("epochs", "ep", Kind.INTEGER),
    SCHEDULE("schedule", "sched", Kind.WORD),
    FILTERS("filters", "filters", Kind.INTEGER_LIST),
    KERNEL_SIZE("kernelSize", "k", Kind.INTEGER),
    PADDING("padding", "pad", Kind.WORD),
    CONV_DROPOUT("convDropout", "cdrop", Kind.DECIMAL),
    DENSE("dense", "dense", Kind.INTEGER_LIST),
    DENSE_DROPOUT("denseDropout", "ddrop", Kind.DECIMAL),
    STANDARDIZE("standardize", "std", Kind.BOOLEAN),
    SEED("seed", "seed", Kind.INTEGER);

    /** How a value is written in the POM. */
    enum Kind {
        DECIMAL("a number such as 0.001"),
        INTEGER("a whole number such as 128"),
        INTEGER_LIST("whole numbers joined by '-', such as 64-32 for two layers"),
        WORD("a word such as cosine"),
        BOOLEAN("true or false");

        private final String example;

        Kind(String example) {
            this.example = example;
        }
    }

    private final String element;
    private final String shortName;
    private final Kind kind;

    SweepParameter(String element, String shortName, Kind kind) {
        this.element = element;
        this.shortName = shortName;
        this.kind = kind;
    }

    /** The element's name in {@code <sweep>} and {@code <model>}: {@code learningRate}. */
    public String element() {
        return element;
    }

    /** The prefix of its value in trial names: {@code lr}. */
    public String shortName() {
        return shortName;
    }

    /** The parameter named by a {@code <sweep>} element, or an error listing those that can be swept. */
    public static SweepParameter of(String model, String element) throws ConfigurationException {
        for (SweepParameter p : values()) {
            if (p.element.equals(element)) {
                return p;
            }
        }
        throw new ConfigurationException("model '" + model + "': <sweep><" + element + "> is not a parameter that can "
                + "be swept; use any of " + String.join(", ", Arrays.stream(values()).map(p -> p.element).toList()));
    }

    /**
     * A value as written in the POM, in canonical form: decimals without trailing zeros or exponents, integers
     * without leading zeros or '+', words in lower case, lists joined by '-'.
     */
    String canonical(String model, String value) throws ConfigurationException {
        String v = value.trim();
        try {
            switch (kind) {
                case DECIMAL -> {
                    BigDecimal d = new BigDecimal(v).stripTrailingZeros();
                    if (d.signum() < 0) {
                        throw new NumberFormatException("negative");
                    }
                    return d.signum() == 0 ? "0" : d.toPlainString();
                }
                case INTEGER -> {
                    return Long.toString(Long.parseLong(v));
                }
                case INTEGER_LIST -> {
                    List<String> parts = new ArrayList<>();
                    for (String part : v.split("-", -1)) {
                        parts.add(Integer.toString(Integer.parseInt(part.trim())));
                    }
                    return String.join("-", parts);
                }
                case WORD -> {
                    if (!v.matches("[A-Za-z][A-Za-z0-9]*")) {
                        throw new NumberFormatException("not a word");
                    }
                    return v.toLowerCase(Locale.ROOT);
                }
                case BOOLEAN -> {
                    if (!v.equalsIgnoreCase("true") && !v.equalsIgnoreCase("false")) {
                        throw new NumberFormatException("not a boolean");
                    }
                    return v.toLowerCase(Locale.ROOT);
                }
                default -> throw new IllegalStateException(kind.toString());
            }
        } catch (NumberFormatException e) {
            throw new ConfigurationException("model '" + model + "': <sweep><" + element + "> has the value '" + value
                    + "', which is not " + kind.example + "; write the values separated by commas, e.g. <" + element
                    + ">" + example() + "</" + element + ">");
        }
    }

    private String example() {
        return switch (this) {
            case LEARNING_RATE -> "0.001,0.002";
            case BATCH_SIZE -> "128,512";
            case EPOCHS -> "10,20";
            case SCHEDULE -> "constant,cosine";
            case FILTERS -> "32,32-64";
            case KERNEL_SIZE -> "3,5";
            case PADDING -> "valid,same";
            case CONV_DROPOUT, DENSE_DROPOUT -> "0.2,0.5";
            case DENSE -> "128,256-128";
            case STANDARDIZE -> "false,true";
            case SEED -> "1,2,3";
        };
    }

    /** Sets this parameter of a model's configuration to a canonical value. */
    void apply(ModelConfig config, String value) {
        switch (this) {
            case LEARNING_RATE -> config.learningRate = Double.parseDouble(value);
            case BATCH_SIZE -> config.batchSize = Integer.parseInt(value);
            case EPOCHS -> config.epochs = Integer.parseInt(value);
            case SCHEDULE -> {
                ScheduleConfig schedule = new ScheduleConfig();
                ScheduleConfig own = config.schedule;
                if (own != null) {
                    schedule.warmupEpochs = own.warmupEpochs;
                    schedule.floor = own.floor;
                    schedule.factor = own.factor;
                    schedule.patience = own.patience;
                    schedule.monitor = own.monitor;
                }
                schedule.type = value;
                config.schedule = schedule;
            }
            case FILTERS -> config.filters = integers(value);
            case KERNEL_SIZE -> config.kernelSize = Integer.parseInt(value);
            case PADDING -> config.padding = value;
            case CONV_DROPOUT -> config.convDropout = Double.parseDouble(value);
            case DENSE -> config.dense = integers(value);
            case DENSE_DROPOUT -> config.denseDropout = Double.parseDouble(value);
            case STANDARDIZE -> config.standardize = Boolean.parseBoolean(value);
            case SEED -> config.seed = Long.parseLong(value);
        }
    }

    /** Whether a command-line override (the train goal's -Dfashionml.* knobs) sets this parameter. */
    boolean setIn(ModelConfig overrides) {
        if (overrides == null) {
            return false;
        }
        return switch (this) {
            case LEARNING_RATE -> overrides.learningRate != null;
            case BATCH_SIZE -> overrides.batchSize != null;
            case EPOCHS -> overrides.epochs != null;
            case SCHEDULE -> overrides.schedule != null;
            case FILTERS -> overrides.filters != null;
            case KERNEL_SIZE -> overrides.kernelSize != null;
            case PADDING -> overrides.padding != null;
            case CONV_DROPOUT -> overrides.convDropout != null;
            case DENSE -> overrides.dense != null;
            case DENSE_DROPOUT -> overrides.denseDropout != null;
            case STANDARDIZE -> overrides.standardize != null;
            case SEED -> overrides.seed != null;
        };
    }

    private static List<Integer> integers(String value) {
        List<Integer> out = new ArrayList<>();
        for (String part : value.split("-")) {
            out.add(Integer.parseInt(part));
        }
        return List.copyOf(out);
    }
}
