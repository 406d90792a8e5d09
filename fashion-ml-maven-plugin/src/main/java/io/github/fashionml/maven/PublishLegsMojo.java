package io.github.fashionml.maven;

import io.github.fashionml.FashionMlException;
import io.github.fashionml.scaleout.LegPublisher;
import org.apache.maven.plugins.annotations.LifecyclePhase;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;

import java.io.IOException;

/**
 * A matrix job's last step: with {@code -Dfashionml.publishLegs=true}, publishes each selected leg
 * ({@code -Dfashionml.modelNames=<leg>}, trained by {@code train} in the same build) to {@code legRepository}
 * as one deterministic zip, under {@code <groupId>:<artifactId>-leg-<leg>:zip:<version>}. A release already
 * there holding another leg (other inputs or parameters) fails, naming its coordinates; the same leg is left as
 * it is.
 */
@Mojo(name = "publish-legs", defaultPhase = LifecyclePhase.VERIFY, threadSafe = true)
public class PublishLegsMojo extends AbstractLegsMojo {
    /** Publish the trained legs; without it this goal does nothing, so it can stay bound in the POM. */
    @Parameter(property = "fashionml.publishLegs", defaultValue = "false")
    private boolean publishLegs;

    @Override
    protected void run() throws FashionMlException, IOException {
        if (!publishLegs) {
            getLog().debug("publish-legs: fashionml.publishLegs is not set; nothing published");
            return;
        }
        new LegPublisher(repository(), progressLog()).publish(legPlan(), outputDirectory.toPath());
    }
}
