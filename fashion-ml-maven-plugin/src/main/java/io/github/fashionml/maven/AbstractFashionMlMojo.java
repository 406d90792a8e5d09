package io.github.fashionml.maven;

import io.github.fashionml.ConfigurationException;
import io.github.fashionml.FashionMlException;
import io.github.fashionml.data.source.ResolvedDataset;
import io.github.fashionml.util.ProgressLog;
import org.apache.maven.execution.MavenSession;
import org.apache.maven.plugin.AbstractMojo;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugins.annotations.Parameter;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Properties;

/**
 * What every fashion-ml goal shares: the skip switch, the output directory, the log adapter, and the
 * mapping of core failures to Maven's two kinds (the user's input is wrong: failure; something broke: error).
 */
abstract class AbstractFashionMlMojo extends AbstractMojo {

    /** Skips every fashion-ml goal. */
    @Parameter(property = "fashionml.skip", defaultValue = "false")
    protected boolean skip;

    /** Where fashion-ml writes its outputs: {@code dataset.json}, and one folder per model. */
    @Parameter(property = "fashionml.outputDirectory", defaultValue = "${project.build.directory}/fashion-ml")
    protected File outputDirectory;

    @Parameter(defaultValue = "${session}", readonly = true, required = true)
    protected MavenSession session;

    /** Properties renamed before 0.1.0, with their new names: a property Maven no longer reads fails loudly. */
    private static final Map<String, String> RENAMED_PROPERTIES = Map.of("fashionml.models", "fashionml.modelNames");

    @Override
    public final void execute() throws MojoExecutionException, MojoFailureException {
        if (skip) {
            getLog().info("fashion-ml: skipped (fashionml.skip is true)");
            return;
        }
        try {
            if (session != null) {
                checkRenamedProperties(session.getUserProperties());
                if (session.getCurrentProject() != null) {
                    checkRenamedProperties(session.getCurrentProject().getProperties());
                }
            }
            run();
        } catch (FashionMlException e) {
            throw new MojoFailureException(e.getMessage(), e);
        } catch (IOException e) {
            throw new MojoExecutionException(e.getMessage(), e);
        }
    }

    /**
     * Fails on a property that was renamed: {@code -Dfashionml.models} looked like {@code <models>} but only
     * selected among them, so it became {@code fashionml.modelNames}, the parameter it sets.
     */
    static void checkRenamedProperties(Properties userProperties) throws ConfigurationException {
        for (Map.Entry<String, String> renamed : RENAMED_PROPERTIES.entrySet()) {
            if (userProperties.containsKey(renamed.getKey())) {
                throw new ConfigurationException("-D" + renamed.getKey() + " was renamed -D" + renamed.getValue()
                        + " in 0.1.0 (it selects among the configured <models>); use -D" + renamed.getValue() + "="
                        + userProperties.getProperty(renamed.getKey()) + ".");
            }
        }
    }

    /** The goal's work: read parameters, call the core. */
    protected abstract void run() throws FashionMlException, IOException, MojoFailureException,
            MojoExecutionException;

    /** The record fetch-data leaves, or an error that says how to make it. */
    protected ResolvedDataset verifiedDataset() throws FashionMlException, IOException {
        Path record = new io.github.fashionml.output.OutputLayout(outputDirectory.toPath()).datasetFile();
        if (!Files.isRegularFile(record)) {
            throw new FashionMlException("No verified dataset: " + record + " does not exist. The fetch-data goal "
                    + "must run first: add <goal>fetch-data</goal> to the plugin's <executions> (it binds to "
                    + "generate-resources), or run mvn fashion-ml:fetch-data before this goal.");
        }
        return ResolvedDataset.read(record);
    }

    /**
     * The build log. In a parallel build ({@code -T}) each line starts with the module's artifactId, since two
     * modules' progress lines interleave and otherwise look alike ("dnn: epoch 2/5").
     */
    protected ProgressLog progressLog() {
        String prefix = session != null && session.isParallel() && session.getCurrentProject() != null
                ? "[" + session.getCurrentProject().getArtifactId() + "] " : "";
        return new ProgressLog() {
            @Override
            public void info(String message) {
                getLog().info(prefix + message);
            }

            @Override
            public void warn(String message) {
                getLog().warn(prefix + message);
            }
        };
    }
}
