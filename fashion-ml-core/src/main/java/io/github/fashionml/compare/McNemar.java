package io.github.fashionml.compare;

import org.apache.commons.math3.distribution.BinomialDistribution;
import org.apache.commons.math3.distribution.ChiSquaredDistribution;

/**
 * McNemar's test for two classifiers on the same images: only the images exactly one of them gets right
 * count. With fewer than 25 such images the exact binomial test is used; otherwise the chi-squared test with
 * Edwards' continuity correction.
 *
 * @param onlyFirstCorrect  images the first model gets right and the second wrong (b)
 * @param onlySecondCorrect images the second gets right and the first wrong (c)
 * @param statistic         the chi-squared statistic, or for the exact test the smaller of b and c
 */
public record McNemar(int onlyFirstCorrect, int onlySecondCorrect, double statistic, double pValue, String method) {
    public static final int EXACT_BELOW = 25;

    public static McNemar test(int onlyFirstCorrect, int onlySecondCorrect) {
        int b = onlyFirstCorrect;
        int c = onlySecondCorrect;
        int n = b + c;
        if (n == 0) {
            return new McNemar(b, c, 0, 1, "exact binomial");
        }
        if (n < EXACT_BELOW) {
            double p = Math.min(1, 2 * new BinomialDistribution(null, n, 0.5).cumulativeProbability(Math.min(b, c)));
            return new McNemar(b, c, Math.min(b, c), p, "exact binomial");
        }
        double chi = Math.pow(Math.abs(b - c) - 1, 2) / n;
        double p = 1 - new ChiSquaredDistribution(null, 1).cumulativeProbability(chi);
        return new McNemar(b, c, chi, p, "chi-squared with continuity correction");
    }

    public static McNemar test(boolean[] firstCorrect, boolean[] secondCorrect) {
        if (firstCorrect.length != secondCorrect.length) {
            throw new IllegalArgumentException("the models were evaluated on different numbers of images ("
                    + firstCorrect.length + " and " + secondCorrect.length + ")");
        }
        int b = 0;
        int c = 0;
        for (int i = 0; i < firstCorrect.length; i++) {
            if (firstCorrect[i] && !secondCorrect[i]) {
                b++;
            } else if (!firstCorrect[i] && secondCorrect[i]) {
                c++;
            }
        }
        return test(b, c);
    }

    /** "cnn beats dnn (p < 0.001)", or "no significant difference between cnn and dnn (p = 0.41)". */
    public String verdict(String first, String second, double alpha) {
        String p = pValue < 0.001 ? "p < 0.001" : String.format(java.util.Locale.ROOT, "p = %.3f", pValue);
        if (pValue >= alpha || onlyFirstCorrect == onlySecondCorrect) {
            return "no significant difference between " + first + " and " + second + " (" + p + ")";
        }
        return (onlyFirstCorrect > onlySecondCorrect ? first + " beats " + second : second + " beats " + first)
                + " (" + p + ")";
    }
}
