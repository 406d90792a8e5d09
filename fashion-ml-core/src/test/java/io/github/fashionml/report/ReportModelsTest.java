package io.github.fashionml.report;

import io.github.fashionml.ConfigurationException;
import io.github.fashionml.output.OutputLayout;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

/** The report reads the folder the build goals wrote, and reports on the models named, all of which must exist. */
class ReportModelsTest {
    @TempDir
    Path dir;

    /** What train and evaluate leave for a model: its manifest and its evaluation (their contents are not read). */
    private Path evaluated(Path outputs, String... models) throws IOException {
        OutputLayout layout = new OutputLayout(outputs);
        for (String model : models) {
            Files.createDirectories(layout.modelDirectory(model));
            Files.writeString(layout.manifestFile(model), "{}");
            Files.writeString(layout.evaluationFile(model), "{}");
        }
        return outputs;
    }

    @Test
    void theConfiguredFolderWinsUnlessOnlyTheOtherHoldsModels() throws IOException {
        Path configured = dir.resolve("target/fashion-ml");
        Path moved = evaluated(dir.resolve("target/ml-outputs"), "dnn");
        assertEquals(moved, ReportModels.outputDirectory(configured, moved), "the plugin-level <outputDirectory>");
        assertEquals(configured, ReportModels.outputDirectory(configured, null));

        Path site = Files.createDirectories(dir.resolve("target/site/fashion-ml"));
        assertEquals(configured, ReportModels.outputDirectory(configured, site.getParent()),
                "a folder without models, such as the site's, is never chosen");

        evaluated(configured, "cnn");
        assertEquals(configured, ReportModels.outputDirectory(configured, moved), "both hold models: the report's own");
    }

    @Test
    void namedModelsAreKeptInTheFoundOrder() throws Exception {
        Path outputs = evaluated(dir.resolve("outputs"), "cnn", "dnn", "cnn-deep");
        Files.createDirectories(outputs.resolve("half-done"));
        Files.writeString(outputs.resolve("half-done/manifest.json"), "{}");
        assertEquals(List.of("cnn", "cnn-deep", "dnn"), ReportModels.select(outputs, null));
        assertEquals(List.of("cnn", "cnn-deep", "dnn"), ReportModels.select(outputs, " "));
        assertEquals(List.of("cnn", "dnn"), ReportModels.select(outputs, "dnn, cnn,,dnn"));
    }

    @Test
    void aNameWithNoEvaluatedModelIsAnErrorListingThoseThereAre() throws Exception {
        Path outputs = evaluated(dir.resolve("outputs"), "cnn", "dnn");
        Files.createDirectories(outputs.resolve("half-done"));
        Files.writeString(outputs.resolve("half-done/manifest.json"), "{}");
        ConfigurationException e = assertThrows(ConfigurationException.class,
                () -> ReportModels.select(outputs, "dnn,dnm,half-done"));
        assertEquals("fashionml.modelNames names [dnm, half-done], which have no trained and evaluated model in "
                + outputs + ". Evaluated models: cnn, dnn. Name some of those, or train and evaluate them first "
                + "(mvn verify).", e.getMessage());
    }
}
