package io.github.fashionml.compare;

import org.apache.commons.math3.distribution.BinomialDistribution;
import org.apache.commons.math3.special.Gamma;

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
        return new McNemar(b, c, chi, chiSquaredSurvival(chi), "chi-squared with continuity correction");
    }

    /**
     * P(X >= x) for a chi-squared X with one degree of freedom, as the regularized upper incomplete gamma
     * function Q(1/2, x/2), computed directly: {@code 1 - cdf} rounds to 0 below ~1e-16 (cnn against dnn gave
     * "0.0" where the value is ~1e-22).
     */
    static double chiSquaredSurvival(double x) {
        return x <= 0 ? 1 : Gamma.regularizedGammaQ(0.5, x / 2);
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
        return verdict(first, second, alpha, pValue, "p");
    }

    /**
     * The verdict judged by another p-value (one adjusted for the other pairs tested), named by {@code label}:
     * "cnn beats dnn (Holm-adjusted p < 0.001)".
     */
    public String verdict(String first, String second, double alpha, double judgedP, String label) {
        String p = judgedP < 0.001 ? label + " < 0.001" : String.format(java.util.Locale.ROOT, "%s = %.3f", label,
                judgedP);
        if (judgedP >= alpha || onlyFirstCorrect == onlySecondCorrect) {
            return "no significant difference between " + first + " and " + second + " (" + p + ")";
        }
        return (onlyFirstCorrect > onlySecondCorrect ? first + " beats " + second : second + " beats " + first)
                + " (" + p + ")";
    }
}
