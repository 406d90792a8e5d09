package io.github.fashionml.sweep;

import io.github.fashionml.model.Architectures;
import io.github.fashionml.provenance.ModelManifest;
import io.github.fashionml.util.ProgressLog;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * What a sweep's log says: before training, its trial count, how many are up to date and an estimate of the time
 * the rest take; then "trial 3/18" as each starts. The estimate multiplies epochs and images by a speed: the
 * median measured by this sweep's trials already trained here, else the architecture's speed measured on a
 * 2-core machine (the performance page's figures). Early stopping makes it an upper bound.
 */
public final class SweepProgress {
    /** Training images per second on 2 cores of an AVX-512 EPYC, pinned kernels (performance page, best epochs). */
    private static final Map<String, Double> MEASURED_SPEED = Map.of(
            Architectures.CNN, 7_000.0, Architectures.DNN, 30_000.0, Architectures.CNN_DEEP, 2_800.0);

    private final List<SweptModel> sweeps;
    private final Map<String, String> trialLines = new HashMap<>();

    public SweepProgress(List<SweptModel> sweeps) {
        this.sweeps = List.copyOf(sweeps);
    }

    /**
     * Logs each sweep's plan.
     *
     * @param current     each trial's manifest when it is up to date (by trial name; absent: to train)
     * @param trainImages the images each epoch trains on (validation images excluded)
     */
    public void logPlan(Map<String, Optional<ModelManifest>> current, int trainImages, ProgressLog log) {
        for (SweptModel sweep : sweeps) {
            List<Trial> toTrain = new ArrayList<>();
            List<Double> speeds = new ArrayList<>();
            for (Trial trial : sweep.trials()) {
                Optional<ModelManifest> manifest = current.getOrDefault(trial.name(), Optional.empty());
                if (manifest.isPresent()) {
                    speeds.add(manifest.get().timings().imagesPerSecond());
                } else if (current.containsKey(trial.name())) {
                    toTrain.add(trial);
                }
            }
            int total = sweep.trials().size();
            for (int i = 0; i < toTrain.size(); i++) {
                trialLines.put(toTrain.get(i).name(), String.format(Locale.ROOT, "%s: trial %d/%d to train (%d of %d "
                        + "in the grid): %s", sweep.name(), i + 1, toTrain.size(),
                        sweep.trials().indexOf(toTrain.get(i)) + 1, total, toTrain.get(i).name()));
            }
            String grid = grid(sweep);
            if (toTrain.isEmpty()) {
                log.info("Sweep " + sweep.name() + ": " + grid + "; all up to date");
                continue;
            }
            double speed = speeds.isEmpty() ? MEASURED_SPEED.getOrDefault(
                    toTrain.get(0).spec().architecture(), MEASURED_SPEED.get(Architectures.CNN)) : median(speeds);
            double seconds = 0;
            for (Trial trial : toTrain) {
                seconds += (double) trial.spec().epochs() * trainImages / speed;
            }
            log.info(String.format(Locale.ROOT, "Sweep %s: %s; %d up to date, %d to train, about %s (%,.0f images/s, "
                            + "%s; early stopping shortens it)", sweep.name(), grid, total - toTrain.size(),
                    toTrain.size(), ProgressLog.shortDuration(seconds), speed,
                    speeds.isEmpty() ? "the architecture's speed on 2 cores" : "measured by this sweep's trials"));
        }
    }

    /** Logs each sweep as wholly up to date: the build trains nothing. */
    public void logUpToDate(ProgressLog log) {
        for (SweptModel sweep : sweeps) {
            log.info("Sweep " + sweep.name() + ": " + grid(sweep) + "; all up to date");
        }
    }

    private static String grid(SweptModel sweep) {
        int total = sweep.trials().size();
        return total + " trial" + (total == 1 ? "" : "s") + " (" + String.join(" x ", sweep.parameters())
                + "), selected by " + sweep.selectBy();
    }

    /** The line to log as a trial starts training, if the spec is a trial. */
    public Optional<String> trialLine(String specName) {
        return Optional.ofNullable(trialLines.get(specName));
    }

    private static double median(List<Double> values) {
        List<Double> sorted = new ArrayList<>(values);
        sorted.sort(Double::compare);
        int n = sorted.size();
        return n % 2 == 1 ? sorted.get(n / 2) : (sorted.get(n / 2 - 1) + sorted.get(n / 2)) / 2;
    }
}
