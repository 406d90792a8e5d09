package io.github.fashionml.maven;

import io.github.fashionml.FashionMlException;
import io.github.fashionml.eval.EvaluationRun;
import io.github.fashionml.eval.QualityGate;
import io.github.fashionml.nativeblas.NativeBackend;
import org.apache.maven.plugins.annotations.LifecyclePhase;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;

import java.io.IOException;
import java.util.ArrayList;
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
     * Quality gates: {@code <gate>} elements with {@code <model>} (leave out for all models) and any of
     * {@code <minAccuracy>}, {@code <minMacroF1>}, {@code <minClassRecall>} (fractions in [0, 1]).
     */
    @Parameter
    private List<Gate> gates;

    /** A minimum accuracy for every model, in addition to {@code gates}. */
    @Parameter(property = "fashionml.minAccuracy")
    private Double minAccuracy;


    @Override
    protected void run() throws FashionMlException, IOException {
        List<QualityGate> checks = new ArrayList<>();
        if (gates != null) {
            gates.forEach(g -> checks.add(g.toQualityGate()));
        }
        if (minAccuracy != null) {
            checks.add(new QualityGate(null, minAccuracy, null, null));
        }
        List<String> names = selectedNames();
        new EvaluationRun(startBackend(), progressLog()).run(names, verifiedDataset(), outputDirectory.toPath(), checks);
    }
}
