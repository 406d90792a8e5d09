package io.github.fashionml.maven;

import io.github.fashionml.ConfigurationException;
import io.github.fashionml.model.ModelConfig;
import io.github.fashionml.sweep.SweepPlan;
import io.github.fashionml.train.TrainingRun;
import org.apache.maven.plugins.annotations.Parameter;
import org.apache.maven.project.MavenProject;

/**
 * Goals that decide what trains and from which inputs: {@code train}, and {@code plan} and {@code gather}, which
 * must compute the same fingerprints. Configure these once at plugin level.
 */
abstract class AbstractTrainingMojo extends AbstractModelsMojo {

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

    @Parameter(defaultValue = "${project}", readonly = true, required = true)
    protected MavenProject project;

    /** The models and sweep trials selected, with the command-line overrides applied. */
    protected SweepPlan sweepPlan() throws ConfigurationException {
        ModelConfig overrides = new ModelConfig();
        overrides.epochs = epochs;
        overrides.batchSize = batchSize;
        overrides.learningRate = learningRate;
        overrides.seed = seed;
        overrides.threads = threads;
        return SweepPlan.of(models, overrides, modelNames);
    }

    protected TrainingRun.Options trainingOptions(boolean force) {
        return new TrainingRun.Options(outputDirectory.toPath(), force, trainLimit, testLimit, validationSize,
                project.getBasedir() == null ? null : project.getBasedir().toPath());
    }
}
