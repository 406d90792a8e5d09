package io.github.fashionml.reproduce;

import io.github.fashionml.FashionMlException;
import io.github.fashionml.fork.ForkedJvm;
import io.github.fashionml.output.OutputLayout;
import io.github.fashionml.util.ProgressLog;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * What the {@code reproduce} goal calls: retrains the recorded models in a fresh JVM ({@link ReproduceMain}) and
 * fails, naming the first differing epoch and the inputs that differ, when any model does not reproduce.
 */
public final class Reproducer {
    private final ProgressLog log;

    public Reproducer(ProgressLog log) {
        this.log = log;
    }

    /**
     * @param classpath the fashion-ml core and its dependencies, for the child JVM
     * @param epochs    epochs to retrain and compare (0: all, and the kept parameters)
     */
    public List<Reproduction> run(List<Path> classpath, Path outputDirectory, List<String> models, int epochs,
                                  String nd4jClassifier, String kernels) throws FashionMlException, IOException {
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
        List<String> args = new ArrayList<>(List.of(outputDirectory.toString(), Integer.toString(epochs),
                nd4jClassifier, kernels));
        args.addAll(models);
        int exit;
        try {
            exit = new ForkedJvm(null, classpath, List.of(), Map.of()).run(ReproduceMain.class.getName(), args, log);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new FashionMlException("interrupted while reproducing; the child JVM was stopped");
        }
        if (exit != 0) {
            throw new FashionMlException("The reproduction JVM " + (exit == 2 ? "could not compare (see the ERROR "
                    + "line above)" : "died with exit code " + exit) + "; no model was judged.");
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
