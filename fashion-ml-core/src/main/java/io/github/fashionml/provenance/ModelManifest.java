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
     * @param parametersSha256 SHA-256 of the trained parameters (big-endian IEEE floats, in DL4J's flat order)
     * @param modelSha256      SHA-256 of {@code model.zip} (written with fixed entry times, so reproducible)
     */
    @JsonPropertyOrder({"parametersSha256", "parameterCount", "modelFile", "modelSha256", "modelBytes",
            "testAccuracy", "testLoss"})
    public record Outputs(String parametersSha256, long parameterCount, String modelFile, String modelSha256,
                          long modelBytes, double testAccuracy, double testLoss) {
    }

    /**
     * @param imagesPerSecond training images per second over all epochs' training steps
     */
    @JsonPropertyOrder({"trainedAt", "trainingSeconds", "evaluationSeconds", "imagesPerSecond", "totalSeconds"})
    public record Timings(String trainedAt, double trainingSeconds, double evaluationSeconds, double imagesPerSecond,
                          double totalSeconds) {
    }
}
