package io.github.fashionml.compare;

/** McNemar's test between two models of the build, with its plain-words verdict. */
public record PairwiseTest(String first, String second, int onlyFirstCorrect, int onlySecondCorrect,
                           double statistic, double pValue, String method, String verdict) {
}
