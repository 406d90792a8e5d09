package io.github.fashionml.maven;

import io.github.fashionml.FashionMlException;
import io.github.fashionml.model.ModelSpec;
import io.github.fashionml.sweep.SweepPlan;
import io.github.fashionml.sweep.SweptModel;
import io.github.fashionml.output.OutputLayout;
import io.github.fashionml.train.TrainJob;
import org.apache.maven.plugins.annotations.Component;
import org.apache.maven.plugins.annotations.LifecyclePhase;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;
import org.apache.maven.project.MavenProjectHelper;

import java.io.File;
import java.io.IOException;
import java.util.List;

/**
 * Trains the configured networks on the data {@code fetch-data} verified, into
 * {@code target/fashion-ml/<model>/} ({@code model.zip}, {@code history.json}, {@code manifest.json}, and
 * {@code model.onnx} for any runtime that reads ONNX), holding out
 * a validation split of the training images to judge each epoch on; the test images are left to
 * {@code evaluate}. A model
 * whose inputs (data, spec, seed, threads, native build, versions) are unchanged and whose files are intact is
 * not trained again; otherwise the log says which input changed.
 */
@Mojo(name = "train", defaultPhase = LifecyclePhase.COMPILE, threadSafe = true)
public class TrainMojo extends AbstractTrainingMojo {

    /** Train even when the recorded model is up to date. */
    @Parameter(property = "fashionml.force", defaultValue = "false")
    private boolean force;

    /**
     * Attach each {@code model.zip} (type {@code zip}) and {@code model.onnx} (type {@code onnx}) to the project,
     * classifier = model name, for install/deploy.
     */
    @Parameter(property = "fashionml.attach", defaultValue = "false")
    private boolean attach;


    @Component
    private MavenProjectHelper projectHelper;

    @Override
    protected void run() throws FashionMlException, IOException {
        SweepPlan plan = sweepPlan();
        jobRunner().run(new TrainJob(plan, verifiedDataset(), trainingOptions(force)));
        if (attach) {
            OutputLayout layout = new OutputLayout(outputDirectory.toPath());
            List<String> names = new java.util.ArrayList<>();
            plan.specs().stream().map(ModelSpec::name).filter(n -> !plan.isTrial(n)).forEach(names::add);
            // A swept model is the trial its selection chose; trials are attached only as legs (none yet).
            plan.sweeps().stream().map(SweptModel::name).filter(n -> layout.modelFile(n).toFile().isFile())
                    .forEach(names::add);
            for (String name : names) {
                attach(layout.modelFile(name).toFile(), "zip", name);
                attach(layout.onnxFile(name).toFile(), "onnx", name);
            }
        }
    }

    private void attach(File file, String type, String classifier) {
        projectHelper.attachArtifact(project, type, classifier, file);
        getLog().info("Attached " + file + " as " + project.getArtifactId() + "-" + project.getVersion() + "-"
                + classifier + "." + type);
    }
}
