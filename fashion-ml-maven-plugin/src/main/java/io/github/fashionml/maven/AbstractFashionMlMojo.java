package io.github.fashionml.maven;

import io.github.fashionml.FashionMlException;
import io.github.fashionml.data.source.ResolvedDataset;
import io.github.fashionml.util.ProgressLog;
import org.apache.maven.plugin.AbstractMojo;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugins.annotations.Parameter;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

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

    @Override
    public final void execute() throws MojoExecutionException, MojoFailureException {
        if (skip) {
            getLog().info("fashion-ml: skipped (fashionml.skip is true)");
            return;
        }
        try {
            run();
        } catch (FashionMlException e) {
            throw new MojoFailureException(e.getMessage(), e);
        } catch (IOException e) {
            throw new MojoExecutionException(e.getMessage(), e);
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

    protected ProgressLog progressLog() {
        return new ProgressLog() {
            @Override
            public void info(String message) {
                getLog().info(message);
            }

            @Override
            public void warn(String message) {
                getLog().warn(message);
            }
        };
    }
}
