package io.github.fashionml.report;

import io.github.fashionml.ConfigurationException;
import io.github.fashionml.compare.Comparison;
import io.github.fashionml.compare.ModelSummary;
import io.github.fashionml.output.OutputLayout;
import io.github.fashionml.util.Json;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;

/**
 * Which models the report shows: those a build trained and evaluated, in the comparison's order (else by name),
 * found in the output directory the build goals wrote to.
 */
public final class ReportModels {
    private ReportModels() {
    }

    /**
     * Where the build goals wrote, as the report sees it: {@code configured} (the report's own setting), unless it
     * holds no evaluated model and {@code alternative} does. A project that moves the outputs with a plugin-level
     * {@code <outputDirectory>} also sets the report's inherited Maven parameter of that name (otherwise the site's
     * folder): that is the folder it meant, and reading {@code configured} would give an empty report. A folder with
     * no evaluated model, such as the site's, is never chosen over {@code configured}.
     *
     * @param alternative another folder the project may have meant, or null
     */
    public static Path outputDirectory(Path configured, Path alternative) throws IOException {
        if (alternative != null && !alternative.equals(configured) && find(configured).isEmpty()
                && !find(alternative).isEmpty()) {
            return alternative;
        }
        return configured;
    }

    /**
     * The models to report on: every evaluated model in {@code outputDirectory}, or those that {@code modelNames}
     * names, in the same order. As the build goals do for {@code <models>}, a name with no evaluated model is an
     * error naming it and listing the models there are, so a typo never gives a report that silently lacks it.
     *
     * @param modelNames comma-separated names, or null/blank for all
     */
    public static List<String> select(Path outputDirectory, String modelNames)
            throws ConfigurationException, IOException {
        List<String> found = find(outputDirectory);
        if (modelNames == null || modelNames.isBlank()) {
            return found;
        }
        Set<String> wanted = io.github.fashionml.model.ModelSelection.names(modelNames);
        List<String> unknown = wanted.stream().filter(name -> !found.contains(name)).toList();
        if (!unknown.isEmpty()) {
            boolean one = unknown.size() == 1;
            throw new ConfigurationException("fashionml.modelNames names " + unknown + ", which "
                    + (one ? "has" : "have") + " no trained and evaluated model in " + outputDirectory
                    + ". Evaluated models: " + (found.isEmpty() ? "none" : String.join(", ", found))
                    + ". Name some of those, or train and evaluate " + (one ? "it" : "them") + " first (mvn verify).");
        }
        return found.stream().filter(wanted::contains).toList();
    }

    /** Every model in {@code outputDirectory} with a manifest and an evaluation, in the comparison's order. */
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
