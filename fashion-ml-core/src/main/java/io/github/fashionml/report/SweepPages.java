package io.github.fashionml.report;

import io.github.fashionml.model.Monitor;
import io.github.fashionml.sweep.Selection;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;

/** Maps a swept model's {@code selection.json} to its page's sweep section and the overview's mention of it. */
final class SweepPages {
    private static final String SEED = "seed";

    private SweepPages() {
    }

    /** The sweep section, or null for a model without {@code selection.json}. */
    static ReportPages.Sweep of(ModelOutputs outputs) {
        Selection s = outputs.selection();
        if (s == null) {
            return null;
        }
        List<String> parameters = parameters(s);
        List<String> swept = parameters.stream().filter(p -> !p.equals(SEED)).toList();
        String trial = s.selected().trial();
        // A test figure only when this folder's evaluation is of the selected trial's parameters.
        Selection.TrialResult kept = trials(s).stream().filter(t -> trial.equals(t.name())).findFirst().orElse(null);
        var out = outputs.manifest().outputs();
        boolean evaluated = kept != null && Objects.equals(kept.parametersSha256(), out.parametersSha256())
                && (outputs.evaluation().modelSha256() == null
                || outputs.evaluation().modelSha256().equals(out.modelSha256()));
        String test = evaluated ? f4(outputs.evaluation().accuracy()) : "";
        List<ReportPages.SweepCandidate> candidates = new ArrayList<>();
        for (Selection.Candidate c : candidates(s)) {
            boolean selected = c.trials() != null && c.trials().contains(trial);
            candidates.add(new ReportPages.SweepCandidate(Integer.toString(c.rank()),
                    swept.stream().map(p -> value(c.values(), p)).toList(), f4(c.mean()),
                    c.standardDeviation() == null ? "—" : f4(c.standardDeviation()),
                    Integer.toString(c.trials() == null ? 0 : c.trials().size()), selected, selected ? test : ""));
        }
        List<ReportPages.SweepTrial> trialRows = new ArrayList<>();
        for (Selection.TrialResult t : trials(s)) {
            trialRows.add(new ReportPages.SweepTrial(t.name(), parameters.stream().map(p -> value(t.values(), p))
                    .toList(), t.validationAccuracy() == null ? "—" : f4(t.validationAccuracy()),
                    t.validationLoss() == null ? "—" : f4(t.validationLoss()), t.bestEpoch() + " of " + t.epochsRun(),
                    trial.equals(t.name())));
        }
        return new ReportPages.Sweep(s.selectBy(), trial, Integer.toString(trials(s).size()), s.rule(),
                s.selected().reason(), swept, candidates, parameters, trialRows,
                swept.isEmpty() ? null : chart(s, swept), swept.isEmpty() ? seedBars(s) : null,
                evaluated ? null : "The evaluation in this folder is not of the selected trial " + trial
                        + ": run the evaluate goal again for its test figures.");
    }

    /** The overview's line: "selected trial X of N on validationAccuracy (mean ... over k seeds)". */
    static ReportPages.SweepMention mention(ModelOutputs outputs) {
        Selection s = outputs.selection();
        if (s == null) {
            return null;
        }
        String text = "selected trial " + s.selected().trial() + " of " + trials(s).size() + " on " + s.selectBy();
        Selection.Candidate best = candidates(s).stream()
                .filter(c -> c.trials() != null && c.trials().contains(s.selected().trial())).findFirst().orElse(null);
        if (best != null && best.trials().size() > 1) {
            text += String.format(Locale.ROOT, " (mean %.4f%s over %d seeds)", best.mean(),
                    best.standardDeviation() == null ? "" : String.format(Locale.ROOT, " ± %.4f",
                            best.standardDeviation()), best.trials().size());
        } else {
            text += String.format(Locale.ROOT, " (%.4f)", s.selected().figure());
        }
        return new ReportPages.SweepMention(outputs.model(), ReportBuilder.pageName(outputs.model()) + "#sweep", text);
    }

    /**
     * The candidates' means against the first swept parameter other than the seed, one line per combination of
     * the others; the selected candidate's value marked.
     */
    private static Charts.LineChart chart(Selection s, List<String> swept) {
        String x = swept.get(0);
        List<String> others = swept.subList(1, swept.size());
        // Grid order (the trials' order), or numeric order when every value is a number.
        Set<String> seen = new LinkedHashSet<>();
        Set<String> lines = new LinkedHashSet<>();
        for (Selection.TrialResult t : trials(s)) {
            seen.add(value(t.values(), x));
            lines.add(describe(t.values(), others));
        }
        for (Selection.Candidate c : candidates(s)) {
            seen.add(value(c.values(), x));
            lines.add(describe(c.values(), others));
        }
        List<String> categories = new ArrayList<>(seen);
        if (categories.stream().allMatch(SweepPages::isNumber)) {
            categories.sort(Comparator.comparing(BigDecimal::new));
        }
        List<String> names = new ArrayList<>(lines);
        List<List<Charts.CategoryValue>> values = new ArrayList<>();
        names.forEach(n -> values.add(new ArrayList<>()));
        int marked = -1;
        for (Selection.Candidate c : candidates(s)) {
            int category = categories.indexOf(value(c.values(), x));
            boolean selected = c.trials() != null && c.trials().contains(s.selected().trial());
            if (selected) {
                marked = category;
            }
            int n = c.trials() == null ? 0 : c.trials().size();
            String title = describe(c.values(), swept) + ": mean " + s.selectBy() + " " + f4(c.mean())
                    + (c.standardDeviation() == null ? "" : " ± " + f4(c.standardDeviation())) + " over " + n
                    + (n == 1 ? " seed" : " seeds") + ", rank " + c.rank() + (selected ? ", selected" : "");
            values.get(names.indexOf(describe(c.values(), others))).add(new Charts.CategoryValue(category, c.mean(),
                    title));
        }
        boolean seeds = candidates(s).stream().anyMatch(c -> c.trials() != null && c.trials().size() > 1);
        return Charts.categoryChart(s.selectBy() + " by " + x + (seeds ? " (mean over seeds)" : ""), x,
                s.selectBy(), categories, others.isEmpty() ? List.of("validation") : names, values, marked,
                "selected", accuracy(s));
    }

    /** Only seeds were swept: a bar per seed's trial, the selected one in a second colour. */
    private static Charts.BarChart seedBars(Selection s) {
        List<String> categories = new ArrayList<>();
        List<Double> values = new ArrayList<>();
        List<String> titles = new ArrayList<>();
        int highlighted = -1;
        for (Selection.TrialResult t : trials(s)) {
            Double figure = accuracy(s) ? t.validationAccuracy() : t.validationLoss();
            if (figure == null) {
                continue;
            }
            boolean selected = t.name().equals(s.selected().trial());
            if (selected) {
                highlighted = categories.size();
            }
            String seed = t.values() == null ? null : t.values().get(SEED);
            categories.add((seed == null ? t.name() : "seed " + seed) + (selected ? " ✓" : ""));
            values.add(figure);
            titles.add(t.name() + ": " + s.selectBy() + " " + f4(figure) + (selected ? " (selected)" : ""));
        }
        return Charts.bars(s.selectBy() + " per seed", s.selectBy(), categories, values, titles, highlighted,
                accuracy(s));
    }

    /** The swept parameters in canonical order: as recorded, else the trials' value names (sorted, seed last). */
    private static List<String> parameters(Selection s) {
        if (s.parameters() != null && !s.parameters().isEmpty()) {
            return s.parameters();
        }
        Set<String> names = new TreeSet<>();
        trials(s).forEach(t -> names.addAll(t.values() == null ? Set.of() : t.values().keySet()));
        List<String> ordered = new ArrayList<>(names.stream().filter(n -> !n.equals(SEED)).toList());
        if (names.contains(SEED)) {
            ordered.add(SEED);
        }
        return ordered;
    }

    private static List<Selection.TrialResult> trials(Selection s) {
        return s.trials() == null ? List.of() : s.trials();
    }

    private static List<Selection.Candidate> candidates(Selection s) {
        return s.candidates() == null ? List.of() : s.candidates();
    }

    private static boolean accuracy(Selection s) {
        return Monitor.VALIDATION_ACCURACY.equals(s.selectBy());
    }

    /** "batchSize 64, dense 128". */
    private static String describe(Map<String, String> values, List<String> parameters) {
        return String.join(", ", parameters.stream().map(p -> p + " " + value(values, p)).toList());
    }

    private static String value(Map<String, String> values, String parameter) {
        String v = values == null ? null : values.get(parameter);
        return v == null ? "—" : v;
    }

    private static boolean isNumber(String value) {
        try {
            new BigDecimal(value);
            return true;
        } catch (NumberFormatException e) {
            return false;
        }
    }

    private static String f4(double v) {
        return String.format(Locale.ROOT, "%.4f", v);
    }
}
