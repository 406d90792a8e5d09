package io.github.fashionml.sweep;

import com.fasterxml.jackson.annotation.JsonPropertyOrder;

import java.util.List;
import java.util.Map;

/**
 * {@code selection.json}: how a swept model's trial was chosen, on validation figures only. Field names are
 * stable: scripts and CI read them.
 *
 * @param model      the swept model ({@code dnn}); its folder holds the selected trial's files
 * @param selectBy   the figure that chose: {@code validationAccuracy} (higher is better) or {@code validationLoss}
 * @param parameters the swept parameters
 * @param rule       the selection and tie rules, in words
 * @param trials     every trial of the grid with its kept epoch's validation figures, in grid order
 * @param candidates trials that differ only in their seed, best first, with the mean and sample standard
 *                   deviation of {@code selectBy} over their seeds
 * @param selected   the chosen trial and why
 */
@JsonPropertyOrder({"model", "selectBy", "parameters", "rule", "selected", "candidates", "trials"})
public record Selection(String model, String selectBy, List<String> parameters, String rule, Selected selected,
                        List<Candidate> candidates, List<TrialResult> trials) {

    public static final String RULE = "The candidate (trials that differ only in their seed) with the best mean of "
            + "selectBy over its seeds is selected: the highest validationAccuracy or the lowest validationLoss. Ties "
            + "go to the smaller standard deviation, then to the candidate first in grid order. Of its seeds, the "
            + "trial closest to the mean is kept (ties: first in grid order). Test figures play no part.";

    /**
     * @param validationAccuracy the kept epoch's validation accuracy
     * @param validationLoss     the kept epoch's validation cross-entropy
     */
    @JsonPropertyOrder({"name", "values", "validationAccuracy", "validationLoss", "bestEpoch", "epochsRun",
            "parametersSha256"})
    public record TrialResult(String name, Map<String, String> values, Double validationAccuracy,
                              Double validationLoss, int bestEpoch, int epochsRun, String parametersSha256) {
    }

    /**
     * @param rank              1 for the selected candidate
     * @param values            the swept values other than the seed
     * @param trials            its trials' names, one per seed
     * @param mean              the mean of {@code selectBy} over them
     * @param standardDeviation the sample standard deviation (n - 1); null for a single seed
     */
    @JsonPropertyOrder({"rank", "values", "trials", "mean", "standardDeviation"})
    public record Candidate(int rank, Map<String, String> values, List<String> trials, double mean,
                            Double standardDeviation) {
    }

    /**
     * @param trial  the trial the model now is
     * @param values its swept values, seed included
     * @param figure its own {@code selectBy} figure
     * @param reason why, in one sentence
     */
    @JsonPropertyOrder({"trial", "values", "figure", "reason"})
    public record Selected(String trial, Map<String, String> values, double figure, String reason) {
    }
}
