package io.github.fashionml.maven;

import io.github.fashionml.FashionMlException;
import io.github.fashionml.scaleout.LegGatherer;
import org.apache.maven.plugins.annotations.LifecyclePhase;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;

import java.io.IOException;

/**
 * The gather job's first step, before {@code train}: with {@code -Dfashionml.gather=true}, resolves every planned
 * leg that is not already here from {@code legRepository}, checks each file's SHA-256 and the leg's fingerprint
 * against this configuration, and unpacks it into the output tree. A missing or stale leg fails, naming it and
 * its coordinates. Then {@code train} trains nothing (and selects each sweep's trial), and {@code evaluate},
 * {@code compare} and {@code report} cover every leg.
 */
@Mojo(name = "gather", defaultPhase = LifecyclePhase.PROCESS_RESOURCES, threadSafe = true)
public class GatherMojo extends AbstractLegsMojo {
    /** Gather the legs; without it this goal does nothing, so it can stay bound in the POM. */
    @Parameter(property = "fashionml.gather", defaultValue = "false")
    private boolean gather;

    /** Retrain stale legs (published from other inputs) here instead of failing. */
    @Parameter(property = "fashionml.retrainStale", defaultValue = "false")
    private boolean retrainStale;

    @Override
    protected void run() throws FashionMlException, IOException {
        if (!gather) {
            getLog().debug("gather: fashionml.gather is not set; nothing gathered");
            return;
        }
        new LegGatherer(repository(), progressLog()).gather(legPlan(), outputDirectory.toPath(), retrainStale);
    }
}
