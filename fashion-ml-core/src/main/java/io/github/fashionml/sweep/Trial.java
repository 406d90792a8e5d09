package io.github.fashionml.sweep;

import io.github.fashionml.model.ModelSpec;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * One trial of a sweep: an ordinary model with its own folder, manifest, fingerprint, up-to-date check and
 * {@code reproduce}, differing from its sweep's other trials only in the swept values.
 *
 * @param name   the trial's name and folder ({@code dnn_lr0.002_seed1})
 * @param values the swept values by parameter ({@code learningRate -> 0.002}), in canonical order
 * @param spec   everything it trains with
 */
public record Trial(String name, Map<String, String> values, ModelSpec spec) {
    public Trial {
        values = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(values));
    }

    /** The values other than the seed: trials that share them are repeats of one candidate. */
    public Map<String, String> candidateValues() {
        Map<String, String> out = new LinkedHashMap<>(values);
        out.remove(SweepParameter.SEED.element());
        return out;
    }
}
