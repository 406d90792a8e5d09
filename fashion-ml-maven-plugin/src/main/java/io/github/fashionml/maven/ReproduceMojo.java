package io.github.fashionml.maven;

import io.github.fashionml.FashionMlException;
import io.github.fashionml.reproduce.Reproducer;
import io.github.fashionml.reproduce.Reproduction;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;

import java.io.IOException;
import java.util.List;

/**
 * Checks that the trained models are reproducible on this machine, as maven-artifact-plugin's {@code compare}
 * does for reproducible builds: retrains each model from its recorded {@code manifest.json} in a fresh JVM and
 * compares every epoch's parameter SHA-256 with the recorded {@code history.json}. On a difference the build
 * fails, naming the first differing epoch and every input that differs between the recorded manifest and this
 * machine (versions, threads, kernels, native build, data digests). Writes {@code <model>/reproduce.json}.
 * {@code -Dfashionml.reproduceEpochs=1} checks the first epoch only: cheap enough for every CI run.
 */
@Mojo(name = "reproduce", threadSafe = true)
public class ReproduceMojo extends AbstractModelsMojo {

    /** Epochs to retrain and compare per model; 0 (the default) retrains every recorded epoch. */
    @Parameter(property = "fashionml.reproduceEpochs", defaultValue = "0")
    private int reproduceEpochs;

    @Override
    protected void run() throws FashionMlException, IOException {
        List<Reproduction> results = new Reproducer(jobRunner()).run(outputDirectory.toPath(),
                io.github.fashionml.sweep.SweepPlan.of(models, null, modelNames).modelNames(),
                reproduceEpochs);
        getLog().info(results.size() + " model" + (results.size() == 1 ? "" : "s") + " reproduced bit for bit");
    }
}
