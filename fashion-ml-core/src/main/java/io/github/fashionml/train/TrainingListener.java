package io.github.fashionml.train;

import io.github.fashionml.model.ModelSpec;
import io.github.fashionml.provenance.EpochRecord;

/** Told about each finished epoch: the plugin logs a progress line, a benchmark collects figures. */
@FunctionalInterface
public interface TrainingListener {
    void epochFinished(ModelSpec spec, EpochRecord record, double etaSeconds);
}
