package io.github.fashionml.maven;

import io.github.fashionml.FashionMlException;
import io.github.fashionml.compare.ComparisonRun;
import org.apache.maven.plugins.annotations.LifecyclePhase;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;

import java.io.File;
import java.io.IOException;

/**
 * Compares the evaluated models side by side (accuracy with confidence interval, macro F1, per-class F1,
 * parameters, training time, images/s), tests every pair with McNemar's test on the same test images, and
 * optionally checks a model against a baseline evaluation, failing the build on a regression. Writes
 * {@code target/fashion-ml/comparison.json}.
 */
@Mojo(name = "compare", defaultPhase = LifecyclePhase.VERIFY, threadSafe = true)
public class CompareMojo extends AbstractModelsMojo {

    /** An earlier {@code evaluation.json} to check against. */
    @Parameter(property = "fashionml.baseline")
    private File baseline;

    /** The model of this build to check against the baseline. Default: the baseline's own model name. */
    @Parameter(property = "fashionml.baselineModel")
    private String baselineModel;

    /** How far accuracy may drop below the baseline (absolute, 0.005 = half a percentage point). */
    @Parameter(property = "fashionml.tolerance", defaultValue = "0.005")
    private double tolerance;

    @Override
    protected void run() throws FashionMlException, IOException {
        ComparisonRun.Baseline check = baseline == null ? null
                : new ComparisonRun.Baseline(baseline.toPath(), baselineModel, tolerance);
        new ComparisonRun(progressLog()).run(selectedNames(), outputDirectory.toPath(), check);
    }
}
