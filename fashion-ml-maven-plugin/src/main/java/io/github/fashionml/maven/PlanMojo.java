package io.github.fashionml.maven;

import io.github.fashionml.FashionMlException;
import io.github.fashionml.output.OutputLayout;
import io.github.fashionml.scaleout.LegPlan;
import org.apache.maven.plugins.annotations.Mojo;

import java.io.IOException;

/**
 * Writes {@code target/fashion-ml/plan.json}: every leg the configuration trains (each model without a sweep,
 * each sweep trial) with its fingerprint and the coordinates it is published under, and logs the legs' names as
 * one compact JSON array for a CI matrix ({@code fromJSON}). Loads no native code; needs {@code fetch-data}'s
 * {@code dataset.json}. Run it as {@code mvn generate-resources fashion-ml:plan}.
 */
@Mojo(name = "plan", threadSafe = true)
public class PlanMojo extends AbstractLegsMojo {
    @Override
    protected void run() throws FashionMlException, IOException {
        LegPlan plan = legPlan();
        OutputLayout layout = new OutputLayout(outputDirectory.toPath());
        plan.write(layout.planFile());
        getLog().info(plan.legs().size() + " legs planned in " + layout.planFile());
        getLog().info("Legs: " + plan.namesJson());
    }
}
