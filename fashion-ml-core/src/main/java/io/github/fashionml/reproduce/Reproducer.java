package io.github.fashionml.reproduce;

import io.github.fashionml.FashionMlException;
import io.github.fashionml.fork.JobRunner;
import io.github.fashionml.output.OutputLayout;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * What the {@code reproduce} goal calls: retrains the recorded models in a fresh JVM ({@link ReproduceJob}) and
 * fails, naming the first differing epoch and the inputs that differ, when any model does not reproduce.
 */
public final class Reproducer {
    private final JobRunner runner;

    /** @param runner runs the retraining in a child JVM, whatever its fork setting says */
    public Reproducer(JobRunner runner) {
        this.runner = runner;
    }

    /**
     * @param epochs epochs to retrain and compare (0: all, and the kept parameters)
     */
    public List<Reproduction> run(Path outputDirectory, List<String> models, int epochs)
            throws FashionMlException, IOException {
        if (epochs < 0) {
            throw new io.github.fashionml.ConfigurationException("reproduceEpochs must be 0 (every recorded epoch) "
                    + "or more (got " + epochs + ")");
        }
        OutputLayout layout = new OutputLayout(outputDirectory);
        if (!Files.isRegularFile(layout.datasetFile())) {
            throw new FashionMlException("No " + layout.datasetFile() + ": reproduce checks a built project; run mvn "
                    + "verify (or the fetch-data and train goals) first.");
        }
        for (String model : models) {
            layout.readManifest(model);
            Files.deleteIfExists(layout.reproductionFile(model));
        }
        try {
            runner.runInChild(new ReproduceJob(models, outputDirectory, epochs));
        } catch (FashionMlException e) {
            throw new FashionMlException("The reproduction could not compare, so no model was judged: "
                    + e.getMessage(), e);
        }
        List<Reproduction> results = ReproductionRun.read(outputDirectory, models);
        List<String> failures = results.stream().filter(r -> !r.reproduced()).map(Reproduction::summary).toList();
        if (!failures.isEmpty()) {
            throw new FashionMlException("Not reproduced on this machine:\n  - " + String.join("\n  - ", failures)
                    + "\nThe recorded manifest.json and this run's reproduce.json list every input.");
        }
        return results;
    }
}
