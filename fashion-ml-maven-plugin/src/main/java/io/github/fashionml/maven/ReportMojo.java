package io.github.fashionml.maven;

import io.github.fashionml.FashionMlException;
import io.github.fashionml.report.ReportModels;
import io.github.fashionml.report.ReportRenderer;
import org.apache.maven.plugins.annotations.LifecyclePhase;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;
import org.apache.maven.reporting.AbstractMavenReport;
import org.apache.maven.reporting.MavenReportException;

import java.io.File;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;

/**
 * The fashion-ml site report: an overview of the build's models (accuracy with confidence interval, macro F1,
 * McNemar verdicts, training time, data provenance) and a page per model (classification report, confusion
 * matrix heatmap, training curves, network summary, manifest, misclassified images). Add it to
 * {@code <reporting>} for {@code mvn site}, or run {@code mvn fashion-ml:report} to write it to
 * {@code target/site/fashion-ml/}. Reads what train, evaluate and compare wrote; trains nothing.
 */
@Mojo(name = "report", defaultPhase = LifecyclePhase.SITE, threadSafe = true)
public class ReportMojo extends AbstractMavenReport {

    /** Where train, evaluate and compare wrote their outputs. */
    @Parameter(property = "fashionml.outputDirectory", defaultValue = "${project.build.directory}/fashion-ml")
    private File buildOutputDirectory;

    /**
     * Report on these models only (comma-separated); default: every model trained and evaluated. A name with no
     * trained and evaluated model is an error that lists the models there are.
     */
    @Parameter(property = "fashionml.modelNames")
    private String modelNames;

    /** Where a standalone run ({@code mvn fashion-ml:report}) writes: the site's folder, as {@code mvn site} does. */
    @Parameter(defaultValue = "${project.reporting.outputDirectory}", readonly = true, required = true)
    private File siteOutputDirectory;

    /** True when the site plugin renders us; a standalone run leaves it false. */
    private boolean partOfSite;

    /** Skips every fashion-ml goal. */
    @Parameter(property = "fashionml.skip", defaultValue = "false")
    private boolean skip;

    @Override
    public void setReportOutputDirectory(File directory) {
        partOfSite = true;
        super.setReportOutputDirectory(directory);
    }

    @Override
    public String getOutputName() {
        return "fashion-ml/index";
    }

    @Override
    public String getName(Locale locale) {
        return "fashion-ml";
    }

    @Override
    public String getDescription(Locale locale) {
        return "Classification reports, confusion matrices, training curves and comparisons of the trained models.";
    }

    @Override
    public boolean isExternalReport() {
        return true;
    }

    @Override
    public boolean canGenerateReport() {
        if (skip) {
            getLog().info("fashion-ml: skipped (fashionml.skip is true)");
            return false;
        }
        try {
            Path outputs = outputsDirectory();
            if (ReportModels.find(outputs).isEmpty()) {
                getLog().warn("fashion-ml: no evaluated models in " + outputs + "; run mvn verify "
                        + "(train and evaluate) before the report, with the same <outputDirectory>");
                return false;
            }
        } catch (IOException e) {
            getLog().warn("fashion-ml: cannot read " + buildOutputDirectory + ": " + e.getMessage());
            return false;
        }
        return true;
    }

    @Parameter(defaultValue = "${session}", readonly = true, required = true)
    private org.apache.maven.execution.MavenSession session;

    @Override
    protected void executeReport(Locale locale) throws MavenReportException {
        File root = partOfSite ? getReportOutputDirectory() : siteOutputDirectory;
        Path site = root.toPath().resolve("fashion-ml");
        try {
            if (session != null) {
                AbstractFashionMlMojo.checkRenamedProperties(session.getUserProperties());
            }
            Path outputs = outputsDirectory();
            List<String> models = ReportModels.select(outputs, modelNames);
            if (!outputs.equals(buildOutputDirectory.toPath())) {
                getLog().info("fashion-ml: reading the build's outputs from " + outputs + ", the configured "
                        + "<outputDirectory>");
            }
            new ReportRenderer().render(outputs, models, site, outputTimestampLabel());
            getLog().info("fashion-ml report for " + models + " written to " + site.resolve("index.html"));
        } catch (FashionMlException | IOException e) {
            throw new MavenReportException(e.getMessage(), e);
        }
    }

    /** Where the build goals wrote: the core chooses between this report's setting and the inherited one. */
    private Path outputsDirectory() throws IOException {
        return ReportModels.outputDirectory(buildOutputDirectory.toPath(),
                outputDirectory == null ? null : outputDirectory.toPath());
    }

    /** The reproducible build timestamp, when the project sets one; never the wall clock. */
    private String outputTimestampLabel() {
        return outputTimestamp == null || outputTimestamp.isBlank() || outputTimestamp.length() == 1
                ? null : "built " + outputTimestamp;
    }
}
