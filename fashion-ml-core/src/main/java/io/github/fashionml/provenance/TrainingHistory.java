package io.github.fashionml.provenance;

import java.util.List;

/**
 * {@code history.json}: one record per epoch run, the epoch whose parameters were kept, and why training
 * stopped.
 *
 * @param keptEpoch  the epoch whose parameters {@code model.zip} holds
 * @param stopReason why no further epoch ran
 */
public record TrainingHistory(String model, List<EpochRecord> epochs, Integer keptEpoch, String stopReason) {
    public TrainingHistory {
        epochs = epochs == null ? List.of() : List.copyOf(epochs);
    }
}
