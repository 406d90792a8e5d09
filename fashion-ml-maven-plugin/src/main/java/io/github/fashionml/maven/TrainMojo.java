package io.github.fashionml.maven;

import io.github.fashionml.FashionMlException;
import io.github.fashionml.model.ModelConfig;
import io.github.fashionml.model.ModelSpec;
import io.github.fashionml.sweep.SweepPlan;
import io.github.fashionml.sweep.SweptModel;
import io.github.fashionml.output.OutputLayout;
import io.github.fashionml.train.TrainJob;
import io.github.fashionml.train.TrainingRun;
import org.apache.maven.plugins.annotations.Component;
import org.apache.maven.plugins.annotations.LifecyclePhase;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;
import org.apache.maven.project.MavenProject;
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
public class TrainMojo extends AbstractModelsMojo {

    /** Epochs for every model, overriding their own. */
    @Parameter(property = "fashionml.epochs")
    private Integer epochs;

    /** Batch size for every model, overriding their own. */
    @Parameter(property = "fashionml.batchSize")
    private Integer batchSize;

    /** Learning rate for every model, overriding their own. */
    @Parameter(property = "fashionml.learningRate")
    private Double learningRate;

    /** Seed for every model, overriding their own. */
    @Parameter(property = "fashionml.seed")
    private Long seed;

    /** Native threads for every model (0: each architecture's best), overriding their own. */
    @Parameter(property = "fashionml.threads")
    private Integer threads;

    /** Train on the first N training images only (0: all 60,000). For quick runs; part of the fingerprint. */
    @Parameter(property = "fashionml.trainLimit", defaultValue = "0")
    private int trainLimit;

    /** Evaluate on the first N test images only (0: all 10,000). Training reads no test image. */
    @Parameter(property = "fashionml.testLimit", defaultValue = "0")
    private int testLimit;

    /**
     * Training images held out for validation, stratified by class and chosen from each model's seed: the model
     * never trains on them, and each epoch, early stopping and the plateau schedule are judged on them. Default:
     * a tenth of the training images (6,000 of 60,000). 0 trains on every image and allows neither early
     * stopping nor the plateau schedule. Part of the fingerprint.
     */
    @Parameter(property = "fashionml.validationSize")
    private Integer validationSize;

    /** Train even when the recorded model is up to date. */
    @Parameter(property = "fashionml.force", defaultValue = "false")
    private boolean force;

    /**
     * Attach each {@code model.zip} (type {@code zip}) and {@code model.onnx} (type {@code onnx}) to the project,
     * classifier = model name, for install/deploy.
     */
    @Parameter(property = "fashionml.attach", defaultValue = "false")
    private boolean attach;


    @Parameter(defaultValue = "${project}", readonly = true, required = true)
    private MavenProject project;

    @Component
    private MavenProjectHelper projectHelper;

    @Override
    protected void run() throws FashionMlException, IOException {
        ModelConfig overrides = new ModelConfig();
        overrides.epochs = epochs;
        overrides.batchSize = batchSize;
        overrides.learningRate = learningRate;
        overrides.seed = seed;
        overrides.threads = threads;
        SweepPlan plan = SweepPlan.of(models, overrides, modelNames);
        jobRunner().run(new TrainJob(plan, verifiedDataset(),
                new TrainingRun.Options(outputDirectory.toPath(), force, trainLimit, testLimit, validationSize,
                        project.getBasedir() == null ? null : project.getBasedir().toPath())));
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
