package io.github.fashionml.maven;

import io.github.fashionml.FashionMlException;
import io.github.fashionml.nativeblas.NativeSettings;
import io.github.fashionml.scaleout.LegPlan;
import org.apache.maven.plugins.annotations.Component;
import org.apache.maven.plugins.annotations.Parameter;
import org.eclipse.aether.RepositorySystem;
import org.eclipse.aether.RepositorySystemSession;

import java.io.IOException;

/** Goals that split training across the jobs of a CI matrix: {@code plan}, {@code publish-legs}, {@code gather}. */
abstract class AbstractLegsMojo extends AbstractTrainingMojo {
    /**
     * The Maven repository legs are published to and gathered from: a URL ({@code file:///srv/legs},
     * {@code https://nexus.example.com/repository/legs}) or {@code id::url}, the id naming a {@code <server>} of
     * settings.xml for credentials. Resolution honours the settings' mirrors and proxies.
     */
    @Parameter(property = "fashionml.legRepository")
    protected String legRepository;

    @Component
    private RepositorySystem repositorySystem;

    @Parameter(defaultValue = "${repositorySystemSession}", readonly = true, required = true)
    private RepositorySystemSession repositorySession;

    /** The legs of the models selected, with their fingerprints: computed without native code. */
    protected LegPlan legPlan() throws FashionMlException, IOException {
        return LegPlan.of(sweepPlan(), verifiedDataset(), trainingOptions(false),
                NativeSettings.plan(nd4jClassifier, kernels),
                new LegPlan.Project(project.getGroupId(), project.getArtifactId(), project.getVersion()));
    }

    protected MavenLegRepository repository() throws FashionMlException {
        return new MavenLegRepository(repositorySystem, repositorySession, legRepository);
    }
}
