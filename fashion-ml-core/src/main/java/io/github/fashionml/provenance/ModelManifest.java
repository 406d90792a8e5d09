package io.github.fashionml.provenance;

import com.fasterxml.jackson.annotation.JsonPropertyOrder;

/**
 * {@code manifest.json}: what went into a model, what came out, where and when. Field names are stable:
 * scripts and CI read them.
 */
@JsonPropertyOrder({"model", "fingerprint", "inputs", "outputs", "timings", "environment", "git"})
public record ModelManifest(String model, String fingerprint, TrainingInputs inputs, Outputs outputs,
                            Timings timings, RunEnvironment environment, GitInfo git) {

    /**
     * @param parametersSha256   SHA-256 of the trained parameters (big-endian IEEE floats, in DL4J's flat order)
     * @param modelSha256        SHA-256 of {@code model.zip} (written with fixed entry times, so reproducible)
     * @param validationAccuracy the kept epoch's accuracy on the validation images (null without a split)
     * @param validationLoss     the kept epoch's cross-entropy on the validation images (null without a split)
     * @param bestEpoch          the epoch whose parameters {@code model.zip} holds
     * @param epochsRun          how many epochs ran (fewer than the maximum when early stopping ended training)
     * @param stopReason         why training ended
     */
    @JsonPropertyOrder({"parametersSha256", "parameterCount", "modelFile", "modelSha256", "modelBytes",
            "validationAccuracy", "validationLoss", "bestEpoch", "epochsRun", "stopReason"})
    public record Outputs(String parametersSha256, long parameterCount, String modelFile, String modelSha256,
                          long modelBytes, Double validationAccuracy, Double validationLoss, int bestEpoch,
                          int epochsRun, String stopReason) {
    }

    /**
     * @param imagesPerSecond training images per second over all epochs' training steps
     */
    @JsonPropertyOrder({"trainedAt", "trainingSeconds", "evaluationSeconds", "imagesPerSecond", "totalSeconds"})
    public record Timings(String trainedAt, double trainingSeconds, double evaluationSeconds, double imagesPerSecond,
                          double totalSeconds) {
    }
}
