package io.github.fashionml.train;

import java.util.List;

/** {@code history.json}: one record per epoch. */
public record TrainingHistory(String model, List<EpochRecord> epochs) {
}
