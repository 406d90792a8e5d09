package io.github.fashionml.reproduce;

import com.fasterxml.jackson.annotation.JsonPropertyOrder;

import java.util.List;

/**
 * {@code reproduce.json}: a recorded model retrained in a fresh JVM on this machine, epoch by epoch, and what
 * differed. Like maven-artifact-plugin's {@code compare}: the build's outputs, checked by building them again.
 *
 * @param epochsCompared      how many epochs were retrained and compared
 * @param reproduced          every compared epoch gave the recorded parameter SHA-256
 * @param firstDifferingEpoch the first epoch whose parameters differ, or null
 * @param inputDifferences    what differs between the recorded inputs and this machine's, one line each
 *                            ({@code kernels.OPENBLAS_CORETYPE: Haswell -> (none)}); empty when nothing does
 */
@JsonPropertyOrder({"model", "fingerprint", "epochsCompared", "reproduced", "firstDifferingEpoch", "epochs",
        "inputDifferences", "seconds"})
public record Reproduction(String model, String fingerprint, int epochsCompared, boolean reproduced,
                           Integer firstDifferingEpoch, List<Epoch> epochs, List<String> inputDifferences,
                           double seconds) {

    /** One epoch's recorded and reproduced parameter SHA-256. */
    @JsonPropertyOrder({"epoch", "recorded", "reproduced", "same"})
    public record Epoch(int epoch, String recorded, String reproduced, boolean same) {
    }

    /** One line for the log: what matched, or where it first differed and which inputs differ. */
    public String summary() {
        if (reproduced) {
            return model + ": reproduced: " + epochsCompared + " epoch" + (epochsCompared == 1 ? "" : "s")
                    + " gave the recorded parameter SHA-256" + (epochsCompared == 1 ? "" : "s")
                    + (inputDifferences.isEmpty() ? "" : " (although inputs differ: " + String.join("; ",
                    inputDifferences) + ")");
        }
        Epoch first = epochs.get(firstDifferingEpoch - 1);
        return model + ": NOT reproduced: epoch " + firstDifferingEpoch + " gave parameters " + first.reproduced()
                + " where " + first.recorded() + " was recorded; "
                + (inputDifferences.isEmpty() ? "no recorded input differs on this machine"
                : "inputs that differ on this machine: " + String.join("; ", inputDifferences));
    }
}
