package io.github.fashionml.sweep;

import io.github.fashionml.model.Monitor;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The selection rule ({@link Selection#RULE}) on trials' validation figures: pure arithmetic, no files. Means are
 * compared after rounding to 12 decimals, so two candidates with the same correct counts tie whatever order their
 * figures were summed in.
 */
public final class CandidateRanking {
    private CandidateRanking() {
    }

    private record Group(int order, Map<String, String> values, List<Selection.TrialResult> trials, double mean,
                         Double sd) {
        String describe() {
            return values.isEmpty() ? "the only candidate" : values.toString();
        }
    }

    /** Ranks the candidates of a sweep's trials (in grid order) and selects one trial. */
    public static Selection select(String model, String selectBy, List<String> parameters,
                                   List<Selection.TrialResult> trials) {
        if (trials.isEmpty()) {
            throw new IllegalArgumentException("a sweep without trials");
        }
        boolean higherIsBetter = Monitor.VALIDATION_ACCURACY.equals(selectBy);
        Map<Map<String, String>, List<Selection.TrialResult>> groups = new LinkedHashMap<>();
        for (Selection.TrialResult trial : trials) {
            Map<String, String> key = new LinkedHashMap<>(trial.values());
            key.remove(SweepParameter.SEED.element());
            groups.computeIfAbsent(key, k -> new ArrayList<>()).add(trial);
        }
        List<Group> ranked = new ArrayList<>();
        int order = 0;
        for (Map.Entry<Map<String, String>, List<Selection.TrialResult>> entry : groups.entrySet()) {
            double[] figures = entry.getValue().stream().mapToDouble(t -> figure(t, selectBy)).toArray();
            ranked.add(new Group(order++, entry.getKey(), entry.getValue(), mean(figures), sd(figures)));
        }
        Comparator<Group> byMean = Comparator.comparingDouble(g -> rounded(g.mean()));
        if (higherIsBetter) {
            byMean = byMean.reversed();
        }
        ranked.sort(byMean
                .thenComparingDouble(g -> g.sd() == null ? 0 : rounded(g.sd()))
                .thenComparingInt(Group::order));
        List<Selection.Candidate> candidates = new ArrayList<>();
        for (int i = 0; i < ranked.size(); i++) {
            Group g = ranked.get(i);
            candidates.add(new Selection.Candidate(i + 1, g.values(),
                    g.trials().stream().map(Selection.TrialResult::name).toList(), g.mean(), g.sd()));
        }
        Group best = ranked.get(0);
        Selection.TrialResult kept = best.trials().get(0);
        for (Selection.TrialResult t : best.trials()) {
            if (rounded(Math.abs(figure(t, selectBy) - best.mean()))
                    < rounded(Math.abs(figure(kept, selectBy) - best.mean()))) {
                kept = t;
            }
        }
        String reason = reason(selectBy, best, ranked, kept);
        return new Selection(model, selectBy, parameters, Selection.RULE,
                new Selection.Selected(kept.name(), kept.values(), figure(kept, selectBy), reason), candidates, trials);
    }

    private static String reason(String selectBy, Group best, List<Group> ranked, Selection.TrialResult kept) {
        String direction = Monitor.VALIDATION_ACCURACY.equals(selectBy) ? "highest" : "lowest";
        StringBuilder why = new StringBuilder(direction + " mean " + selectBy + " " + format(best.mean()) + " over "
                + best.trials().size() + (best.trials().size() == 1 ? " seed" : " seeds"));
        if (best.sd() != null) {
            why.append(" (sd ").append(format(best.sd())).append(")");
        }
        if (ranked.size() > 1) {
            Group second = ranked.get(1);
            if (rounded(second.mean()) == rounded(best.mean())) {
                boolean bySd = best.sd() != null && second.sd() != null && rounded(best.sd()) != rounded(second.sd());
                why.append(", tied with ").append(second.describe()).append(" and chosen by ")
                        .append(bySd ? "its smaller standard deviation" : "grid order (listed first)");
            } else {
                why.append(", ahead of ").append(second.describe()).append(" at ").append(format(second.mean()));
            }
        }
        if (best.trials().size() > 1) {
            why.append("; of its seeds, ").append(kept.name()).append(" (").append(format(figure(kept, selectBy)))
                    .append(") is closest to the mean");
        }
        return why.toString();
    }

    /** The trial's figure, which every trial of a sweep must have: a sweep needs validation images. */
    static double figure(Selection.TrialResult trial, String selectBy) {
        Double value = Monitor.VALIDATION_ACCURACY.equals(selectBy) ? trial.validationAccuracy()
                : trial.validationLoss();
        if (value == null) {
            throw new IllegalArgumentException("trial " + trial.name() + " has no " + selectBy + ": it was trained "
                    + "without validation images");
        }
        return value;
    }

    private static double mean(double[] values) {
        double sum = 0;
        for (double v : values) {
            sum += v;
        }
        return sum / values.length;
    }

    /** The sample standard deviation (n - 1), or null for one value. */
    private static Double sd(double[] values) {
        if (values.length < 2) {
            return null;
        }
        double m = mean(values);
        double squares = 0;
        for (double v : values) {
            squares += (v - m) * (v - m);
        }
        return Math.sqrt(squares / (values.length - 1));
    }

    private static double rounded(double v) {
        return Math.round(v * 1e12) / 1e12;
    }

    static String format(double v) {
        return String.format(Locale.ROOT, "%.4f", v);
    }
}
