package io.github.fashionml.report;

import io.github.fashionml.compare.Comparison;
import io.github.fashionml.compare.ModelSummary;
import io.github.fashionml.output.OutputLayout;
import io.github.fashionml.util.Json;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/** Finds the models a build trained and evaluated, in the comparison's order (else by name). */
public final class ReportModels {
    private ReportModels() {
    }

    public static List<String> find(Path outputDirectory) throws IOException {
        List<String> found = new ArrayList<>();
        if (!Files.isDirectory(outputDirectory)) {
            return found;
        }
        try (Stream<Path> dirs = Files.list(outputDirectory)) {
            dirs.filter(d -> Files.isRegularFile(d.resolve(OutputLayout.MANIFEST_FILE))
                            && Files.isRegularFile(d.resolve(OutputLayout.EVALUATION_FILE)))
                    .map(d -> d.getFileName().toString()).sorted().forEach(found::add);
        }
        Path comparison = new OutputLayout(outputDirectory).comparisonFile();
        if (Files.isRegularFile(comparison)) {
            List<String> ordered = new ArrayList<>();
            for (ModelSummary m : Json.read(comparison, Comparison.class, "run the compare goal again").models()) {
                if (found.contains(m.model())) {
                    ordered.add(m.model());
                }
            }
            found.stream().filter(m -> !ordered.contains(m)).forEach(ordered::add);
            return ordered;
        }
        return found;
    }
}
