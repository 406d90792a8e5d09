package io.github.fashionml.compare;

import com.fasterxml.jackson.annotation.JsonPropertyOrder;

import java.util.List;

/**
 * {@code comparison.json}: the build's models side by side, pairwise tests, and the baseline check.
 *
 * @param multipleComparisons how the pairwise p-values were adjusted for testing several pairs
 */
@JsonPropertyOrder({"alpha", "multipleComparisons", "models", "pairs", "baseline"})
public record Comparison(double alpha, String multipleComparisons, List<ModelSummary> models,
                         List<PairwiseTest> pairs, BaselineCheck baseline) {
}
