package io.github.fashionml.maven;

import io.github.fashionml.FashionMlException;
import io.github.fashionml.eval.EvaluateJob;
import org.apache.maven.plugins.annotations.LifecyclePhase;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;

import java.io.IOException;
import java.util.List;

/**
 * Evaluates each trained model on the test images: accuracy with a 95% confidence interval, per-class
 * precision, recall, F1 and support, macro and weighted averages, the confusion matrix, top confusions and log
 * loss, written to {@code target/fashion-ml/<model>/evaluation.json} and printed as a classification report.
 * Fails the build when a model misses a quality gate.
 */
@Mojo(name = "evaluate", defaultPhase = LifecyclePhase.TEST, threadSafe = true)
public class EvaluateMojo extends AbstractModelsMojo {

    /**
     * False reports missed quality gates as warnings and lets the build go on, as surefire's
     * {@code testFailureIgnore} does for tests: for exploratory builds.
     */
    @Parameter(property = "fashionml.failOnGate", defaultValue = "true")
    private boolean failOnGate;



    @Override
    protected void run() throws FashionMlException, IOException {
        List<String> names = selectedNames();
        if (names.isEmpty()) {
            return;
        }
        jobRunner().run(new EvaluateJob(names, verifiedDataset(), outputDirectory.toPath(), qualityGates(),
                failOnGate));
    }
}
