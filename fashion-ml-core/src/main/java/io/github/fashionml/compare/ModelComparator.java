package io.github.fashionml.compare;

import io.github.fashionml.FashionMlException;
import io.github.fashionml.eval.ClassMetrics;
import io.github.fashionml.eval.Evaluation;
import io.github.fashionml.provenance.ModelManifest;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** Puts evaluated models side by side, tests each pair, and checks a model against a baseline. */
public final class ModelComparator {
    /** Significance level of the pairwise tests. */
    public static final double ALPHA = 0.05;

    private ModelComparator() {
    }

    public static List<ModelSummary> summaries(List<Evaluation> evaluations, Map<String, ModelManifest> manifests) {
        List<ModelSummary> rows = new ArrayList<>();
        for (Evaluation e : evaluations) {
            ModelManifest m = manifests.get(e.model());
            rows.add(new ModelSummary(e.model(), m == null ? null : m.inputs().spec().architecture(), e.accuracy(),
                    e.accuracyInterval(), e.macroAverage().f1(), e.classes().stream().map(ClassMetrics::f1).toList(),
                    m == null ? 0 : m.outputs().parameterCount(), m == null ? 0 : m.timings().trainingSeconds(),
                    m == null ? 0 : m.timings().imagesPerSecond(), m == null ? 0 : m.outputs().modelBytes(),
                    m == null ? null : m.outputs().bestEpoch(), m == null ? null : m.outputs().epochsRun()));
        }
        return rows;
    }

    /** McNemar's test for every pair, in the order given, with Holm-Bonferroni adjusted p-values and verdicts. */
    public static List<PairwiseTest> pairs(List<Evaluation> evaluations) throws FashionMlException {
        List<String[]> names = new ArrayList<>();
        List<McNemar> tests = new ArrayList<>();
        for (int i = 0; i < evaluations.size(); i++) {
            for (int j = i + 1; j < evaluations.size(); j++) {
                Evaluation a = evaluations.get(i);
                Evaluation b = evaluations.get(j);
                if (a.samples().count() != b.samples().count() || !a.dataset().equals(b.dataset())) {
                    throw new FashionMlException("Models '" + a.model() + "' and '" + b.model() + "' were evaluated "
                            + "on different test images (" + a.samples().count() + " and " + b.samples().count()
                            + ", or other data files), so they cannot be compared image by image. Train both with "
                            + "the same data and testLimit.");
                }
                names.add(new String[] {a.model(), b.model()});
                tests.add(McNemar.test(correct(a), correct(b)));
            }
        }
        double[] adjusted = HolmBonferroni.adjust(tests.stream().mapToDouble(McNemar::pValue).toArray());
        List<PairwiseTest> pairs = new ArrayList<>();
        for (int k = 0; k < tests.size(); k++) {
            McNemar test = tests.get(k);
            String first = names.get(k)[0];
            String second = names.get(k)[1];
            pairs.add(new PairwiseTest(first, second, test.onlyFirstCorrect(), test.onlySecondCorrect(),
                    test.statistic(), test.pValue(), adjusted[k], test.method(), test.verdict(first, second, ALPHA,
                    adjusted[k], tests.size() > 1 ? "Holm-adjusted p" : "p")));
        }
        return pairs;
    }

    /** The current evaluation against a baseline one; fails when they are of different data. */
    public static BaselineCheck againstBaseline(Evaluation current, Evaluation baseline, String baselineFile,
                                                double tolerance) throws FashionMlException {
        if (baseline.dataset() != null && current.dataset() != null && !baseline.dataset().equals(current.dataset())) {
            throw new FashionMlException("Baseline " + baselineFile + " was evaluated on other data (SHA-256 "
                    + baseline.dataset() + ") than '" + current.model() + "' (" + current.dataset() + "); a baseline "
                    + "must be an evaluation of the same Fashion-MNIST files.");
        }
        if (baseline.count() != current.count()) {
            throw new FashionMlException("Baseline " + baselineFile + " was evaluated on " + baseline.count()
                    + " test images, '" + current.model() + "' on " + current.count() + "; use the same testLimit "
                    + "for both.");
        }
        if (baseline.classes().size() != current.classes().size()) {
            throw new FashionMlException("Baseline " + baselineFile + " has " + baseline.classes().size()
                    + " classes, '" + current.model() + "' has " + current.classes().size());
        }
        List<BaselineCheck.ClassDelta> deltas = new ArrayList<>();
        for (int c = 0; c < current.classes().size(); c++) {
            ClassMetrics now = current.classes().get(c);
            ClassMetrics then = baseline.classes().get(c);
            deltas.add(new BaselineCheck.ClassDelta(now.name(), then.recall(), now.recall(),
                    now.recall() - then.recall(), then.f1(), now.f1(), now.f1() - then.f1()));
        }
        double delta = current.accuracy() - baseline.accuracy();
        return new BaselineCheck(current.model(), baselineFile, baseline.model(), baseline.accuracy(),
                current.accuracy(), delta, tolerance, deltas, -delta > tolerance + 1e-12);
    }

    /** The side-by-side table for the log. */
    public static String table(Comparison comparison) {
        StringBuilder sb = new StringBuilder();
        sb.append(String.format(Locale.ROOT, "%-14s %9s %17s %9s %11s %10s %11s%n", "model", "accuracy",
                "95% CI", "macro F1", "parameters", "train s", "img/s"));
        for (ModelSummary m : comparison.models()) {
            sb.append(String.format(Locale.ROOT, "%-14s %9.4f %8.4f-%-8.4f %9.4f %,11d %10.1f %,11.0f%n", m.model(),
                    m.accuracy(), m.accuracyInterval().lower(), m.accuracyInterval().upper(), m.macroF1(),
                    m.parameters(), m.trainingSeconds(), m.imagesPerSecond()));
        }
        for (PairwiseTest p : comparison.pairs()) {
            sb.append(String.format(Locale.ROOT, "McNemar %s vs %s: %d vs %d images only one got right; %s%n",
                    p.first(), p.second(), p.onlyFirstCorrect(), p.onlySecondCorrect(), p.verdict()));
        }
        BaselineCheck b = comparison.baseline();
        if (b != null) {
            sb.append(String.format(Locale.ROOT, "Baseline %s (%s): accuracy %.4f -> %.4f (%+.4f, tolerance %.4f)%n",
                    b.baselineFile(), b.baselineModel(), b.baselineAccuracy(), b.accuracy(), b.accuracyDelta(),
                    b.tolerance()));
            for (BaselineCheck.ClassDelta d : b.classDeltas()) {
                sb.append(String.format(Locale.ROOT, "  %-12s recall %.4f -> %.4f (%+.4f)   F1 %.4f -> %.4f (%+.4f)%n",
                        d.className(), d.baselineRecall(), d.recall(), d.recallDelta(), d.baselineF1(), d.f1(),
                        d.f1Delta()));
            }
        }
        return sb.toString();
    }

    private static boolean[] correct(Evaluation e) {
        boolean[] out = new boolean[e.samples().count()];
        for (int i = 0; i < out.length; i++) {
            out[i] = e.samples().correct(i);
        }
        return out;
    }
}
