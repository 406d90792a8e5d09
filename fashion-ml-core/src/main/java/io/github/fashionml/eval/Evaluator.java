package io.github.fashionml.eval;

import org.apache.commons.math3.stat.interval.WilsonScoreInterval;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;

/**
 * Computes the reference notebooks' metrics from actual classes and predicted probabilities: accuracy with a
 * 95% Wilson interval, per-class precision/recall/F1/support (as scikit-learn defines them, 0 where
 * undefined), macro and weighted averages, the confusion matrix, the most frequent confusions and log loss.
 */
public final class Evaluator {
    public static final int TOP_CONFUSIONS = 10;
    private static final double MIN_PROBABILITY = 1e-7;

    private Evaluator() {
    }

    /**
     * @param actual        the true class of each image
     * @param probabilities {@code actual.length x classNames.size()} probabilities, row-major
     */
    public static Evaluation evaluate(String model, String modelSha256, Map<String, String> dataset, int[] actual,
                                      float[] probabilities, List<String> classNames) {
        int n = actual.length;
        int k = classNames.size();
        if (probabilities.length != n * k) {
            throw new IllegalArgumentException(probabilities.length + " probabilities for " + n + " images of " + k
                    + " classes");
        }
        int[] predicted = new int[n];
        float[] confidence = new float[n];
        double logLoss = 0;
        for (int i = 0; i < n; i++) {
            int best = 0;
            for (int c = 1; c < k; c++) {
                if (probabilities[i * k + c] > probabilities[i * k + best]) {
                    best = c;
                }
            }
            predicted[i] = best;
            confidence[i] = probabilities[i * k + best];
            logLoss -= Math.log(Math.max(MIN_PROBABILITY, probabilities[i * k + actual[i]]));
        }
        return fromPredictions(model, modelSha256, dataset, new Samples(actual, predicted, confidence), classNames,
                n == 0 ? 0 : logLoss / n);
    }

    /** The metrics of given predictions; {@code logLoss} as computed by the caller (NaN when unknown). */
    public static Evaluation fromPredictions(String model, String modelSha256, Map<String, String> dataset,
                                             Samples samples, List<String> classNames, double logLoss) {
        int n = samples.count();
        int k = classNames.size();
        int[][] matrix = new int[k][k];
        int correct = 0;
        for (int i = 0; i < n; i++) {
            matrix[samples.actual()[i]][samples.predicted()[i]]++;
            if (samples.correct(i)) {
                correct++;
            }
        }
        List<ClassMetrics> classes = new ArrayList<>(k);
        double[] macro = new double[3];
        double[] weighted = new double[3];
        for (int c = 0; c < k; c++) {
            int truePositives = matrix[c][c];
            int support = 0;
            int predictedAs = 0;
            for (int j = 0; j < k; j++) {
                support += matrix[c][j];
                predictedAs += matrix[j][c];
            }
            double precision = predictedAs == 0 ? 0 : (double) truePositives / predictedAs;
            double recall = support == 0 ? 0 : (double) truePositives / support;
            double f1 = precision + recall == 0 ? 0 : 2 * precision * recall / (precision + recall);
            classes.add(new ClassMetrics(classNames.get(c), precision, recall, f1, support));
            macro[0] += precision / k;
            macro[1] += recall / k;
            macro[2] += f1 / k;
            if (n > 0) {
                weighted[0] += precision * support / n;
                weighted[1] += recall * support / n;
                weighted[2] += f1 * support / n;
            }
        }
        List<Confusion> confusions = new ArrayList<>();
        for (int a = 0; a < k; a++) {
            for (int p = 0; p < k; p++) {
                if (a != p && matrix[a][p] > 0) {
                    confusions.add(new Confusion(a, classNames.get(a), p, classNames.get(p), matrix[a][p]));
                }
            }
        }
        confusions.sort(Comparator.comparingInt(Confusion::count).reversed()
                .thenComparingInt(Confusion::actual).thenComparingInt(Confusion::predicted));
        double accuracy = n == 0 ? 0 : (double) correct / n;
        return new Evaluation(model, modelSha256, dataset, n, accuracy, wilson(n, correct), logLoss,
                new ClassMetrics("macro avg", macro[0], macro[1], macro[2], n),
                new ClassMetrics("weighted avg", weighted[0], weighted[1], weighted[2], n),
                classes, matrix, List.copyOf(confusions.subList(0, Math.min(TOP_CONFUSIONS, confusions.size()))),
                samples, io.github.fashionml.provenance.Versions.fashionMl());
    }

    /** The 95% Wilson score interval for a proportion: sound near 0 and 1, where the normal one is not. */
    public static Interval wilson(int trials, int successes) {
        if (trials == 0) {
            return new Interval(0, 1, 0.95, "Wilson score");
        }
        org.apache.commons.math3.stat.interval.ConfidenceInterval ci =
                new WilsonScoreInterval().createInterval(trials, successes, 0.95);
        return new Interval(ci.getLowerBound(), ci.getUpperBound(), 0.95, "Wilson score");
    }
}
