package io.github.fashionml.compare;

/**
 * McNemar's test between two models of the build, with its plain-words verdict.
 *
 * @param pValue         the test's own p-value (a survival function, so it does not round to 0)
 * @param adjustedPValue the p-value adjusted for every pair the build tested ({@link HolmBonferroni}); the verdict
 *                       is judged on it
 */
@com.fasterxml.jackson.annotation.JsonPropertyOrder({"first", "second", "onlyFirstCorrect", "onlySecondCorrect",
        "statistic", "pValue", "adjustedPValue", "method", "verdict"})
public record PairwiseTest(String first, String second, int onlyFirstCorrect, int onlySecondCorrect,
                           double statistic, double pValue, double adjustedPValue, String method, String verdict) {
}
