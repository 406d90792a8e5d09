package io.github.fashionml.compare;

import com.fasterxml.jackson.annotation.JsonPropertyOrder;

import java.util.List;

/** {@code comparison.json}: the build's models side by side, pairwise tests, and the baseline check. */
@JsonPropertyOrder({"alpha", "models", "pairs", "baseline"})
public record Comparison(double alpha, List<ModelSummary> models, List<PairwiseTest> pairs, BaselineCheck baseline) {
}
