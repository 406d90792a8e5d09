package io.github.fashionml.maven;

import io.github.fashionml.ConfigurationException;
import io.github.fashionml.FashionMlException;
import io.github.fashionml.compare.CompareJob;
import org.apache.maven.plugins.annotations.Component;
import org.apache.maven.plugins.annotations.LifecyclePhase;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;
import org.eclipse.aether.RepositorySystem;
import org.eclipse.aether.RepositorySystemSession;
import org.eclipse.aether.artifact.DefaultArtifact;
import org.eclipse.aether.repository.RemoteRepository;
import org.eclipse.aether.resolution.ArtifactRequest;
import org.eclipse.aether.resolution.ArtifactResolutionException;

import java.io.File;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;

/**
 * Compares the evaluated models side by side (accuracy with confidence interval, macro F1, per-class F1,
 * parameters, training time, images/s), tests every pair with McNemar's test on the same test images, and
 * optionally checks a model against a baseline, failing the build on a regression. Writes
 * {@code target/fashion-ml/comparison.json}.
 */
@Mojo(name = "compare", defaultPhase = LifecyclePhase.VERIFY, threadSafe = true)
public class CompareMojo extends AbstractModelsMojo {

    /** An earlier {@code evaluation.json} to check against. */
    @Parameter(property = "fashionml.baseline")
    private File baseline;

    /**
     * A published model to check against, by coordinates {@code groupId:artifactId:zip:classifier:version} (as
     * the train goal attaches them); it is resolved from the project's repositories and evaluated on the same
     * test images. Needs {@code baselineModel}.
     */
    @Parameter(property = "fashionml.baselineArtifact")
    private String baselineArtifact;

    /** The model of this build to check against the baseline. Default: the baseline evaluation's model name. */
    @Parameter(property = "fashionml.baselineModel")
    private String baselineModel;

    /** How far accuracy may drop below the baseline (absolute, 0.005 = half a percentage point). */
    @Parameter(property = "fashionml.tolerance", defaultValue = "0.005")
    private double tolerance;

    @Component
    private RepositorySystem repositorySystem;

    @Parameter(defaultValue = "${repositorySystemSession}", readonly = true)
    private RepositorySystemSession repositorySession;

    @Parameter(defaultValue = "${project.remoteProjectRepositories}", readonly = true)
    private List<RemoteRepository> remoteRepositories;

    @Override
    protected void run() throws FashionMlException, IOException {
        List<String> names = selectedNames();
        if (names.isEmpty()) {
            return;
        }
        if (baseline != null && baselineArtifact != null) {
            throw new ConfigurationException("Set either baseline (an evaluation.json) or baselineArtifact "
                    + "(a published model), not both.");
        }
        Path baselineFile = baseline != null ? baseline.toPath()
                : baselineArtifact != null ? resolve(baselineArtifact) : null;
        jobRunner().run(new CompareJob(names, outputDirectory.toPath(), baselineFile, baselineModel,
                tolerance, qualityGates(), baselineArtifact != null ? verifiedDataset() : null));
    }

    private Path resolve(String coordinates) throws FashionMlException {
        DefaultArtifact artifact;
        try {
            artifact = new DefaultArtifact(coordinates);
        } catch (IllegalArgumentException e) {
            throw new ConfigurationException("baselineArtifact '" + coordinates + "' is not groupId:artifactId:zip:"
                    + "classifier:version (for example com.example:fashion-classifier:zip:cnn:1.0)");
        }
        try {
            File file = repositorySystem.resolveArtifact(repositorySession,
                    new ArtifactRequest(artifact, remoteRepositories, null)).getArtifact().getFile();
            getLog().info("Baseline model " + coordinates + " resolved to " + file);
            return file.toPath();
        } catch (ArtifactResolutionException e) {
            throw new FashionMlException("Cannot resolve the baseline model " + coordinates + " (" + e.getMessage()
                    + "). Publish it with the train goal's attach option (mvn install -Dfashionml.attach=true), or "
                    + "check the coordinates and repositories.", e);
        }
    }
}
