package io.github.fashionml.maven;

import io.github.fashionml.ConfigurationException;
import io.github.fashionml.FashionMlException;
import io.github.fashionml.scaleout.LegCoordinates;
import io.github.fashionml.scaleout.LegRepository;
import org.eclipse.aether.DefaultRepositorySystemSession;
import org.eclipse.aether.RepositorySystem;
import org.eclipse.aether.RepositorySystemSession;
import org.eclipse.aether.artifact.Artifact;
import org.eclipse.aether.artifact.DefaultArtifact;
import org.eclipse.aether.deployment.DeployRequest;
import org.eclipse.aether.deployment.DeploymentException;
import org.eclipse.aether.repository.LocalRepository;
import org.eclipse.aether.repository.RemoteRepository;
import org.eclipse.aether.repository.RepositoryPolicy;
import org.eclipse.aether.resolution.ArtifactRequest;
import org.eclipse.aether.resolution.ArtifactResolutionException;
import org.eclipse.aether.resolution.ArtifactResult;
import org.eclipse.aether.transfer.ArtifactNotFoundException;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/**
 * Legs in a Maven repository, through Maven Resolver as Maven itself uses it: resolution honours the
 * settings' mirrors, servers (credentials by the repository's id) and proxies; deployment, like
 * maven-deploy-plugin's, honours servers and proxies and never a mirror.
 */
final class MavenLegRepository implements LegRepository {
    /** The repository's id when {@code legRepository} is a bare URL: give {@code id::url} to use a server's id. */
    static final String DEFAULT_ID = "fashion-ml-legs";

    private final RepositorySystem system;
    private final RepositorySystemSession session;
    private final RemoteRepository repository;

    MavenLegRepository(RepositorySystem system, RepositorySystemSession session, String spec)
            throws ConfigurationException {
        this.system = system;
        this.session = session;
        this.repository = parse(spec);
    }

    static RemoteRepository parse(String spec) throws ConfigurationException {
        if (spec == null || spec.isBlank()) {
            throw new ConfigurationException("No leg repository: set -Dfashionml.legRepository to its URL "
                    + "(file:///srv/legs, https://nexus.example.com/repository/legs) or id::url, the id naming a "
                    + "<server> of settings.xml for credentials");
        }
        String id = DEFAULT_ID;
        String url = spec.trim();
        int separator = url.indexOf("::");
        if (separator >= 0) {
            id = url.substring(0, separator);
            url = url.substring(separator + 2);
        }
        if (id.isBlank() || !url.matches("[A-Za-z][A-Za-z0-9+.-]*:.+")) {
            throw new ConfigurationException("fashionml.legRepository is '" + spec + "': give a URL such as "
                    + "file:///srv/legs or id::https://nexus.example.com/repository/legs");
        }
        // Every fetch asks the repository: a leg published a minute ago by another job must be seen.
        RepositoryPolicy always = new RepositoryPolicy(true, RepositoryPolicy.UPDATE_POLICY_ALWAYS,
                RepositoryPolicy.CHECKSUM_POLICY_FAIL);
        return new RemoteRepository.Builder(id, "default", url).setPolicy(always).build();
    }

    @Override
    public String describe() {
        return repository.getId() + " (" + repository.getUrl() + ")";
    }

    @Override
    public Optional<Path> fetch(LegCoordinates coordinates) throws FashionMlException {
        return fetch(session, coordinates);
    }

    private Optional<Path> fetch(RepositorySystemSession from, LegCoordinates coordinates) throws FashionMlException {
        List<RemoteRepository> repositories = system.newResolutionRepositories(from, List.of(repository));
        try {
            ArtifactResult result = system.resolveArtifact(from,
                    new ArtifactRequest(artifact(coordinates), repositories, null));
            return Optional.of(result.getArtifact().getFile().toPath());
        } catch (ArtifactResolutionException e) {
            boolean absent = e.getResults().stream().flatMap(r -> r.getExceptions().stream())
                    .allMatch(x -> x instanceof ArtifactNotFoundException);
            if (absent) {
                return Optional.empty();
            }
            throw new FashionMlException("Cannot read " + coordinates + " from the leg repository " + describe()
                    + " (" + e.getMessage() + "): check the URL, the network, and a <server> with id '"
                    + repository.getId() + "' in settings.xml for credentials", e);
        }
    }

    @Override
    public void publish(LegCoordinates coordinates, Path file) throws FashionMlException {
        DeployRequest request = new DeployRequest();
        request.setRepository(system.newDeploymentRepository(session, repository));
        request.addArtifact(artifact(coordinates).setFile(file.toFile()));
        try {
            system.deploy(session, request);
        } catch (DeploymentException e) {
            throw new FashionMlException("Cannot publish " + coordinates + " to the leg repository " + describe()
                    + " (" + e.getMessage() + "): check the URL, write access, and a <server> with id '"
                    + repository.getId() + "' in settings.xml for credentials", e);
        }
    }

    /** What the repository holds now, not a copy this machine's local repository kept. */
    @Override
    public Optional<Path> fetchPublished(LegCoordinates coordinates) throws FashionMlException, IOException {
        Path temporary = Files.createTempDirectory("fashion-ml-leg-check");
        try {
            DefaultRepositorySystemSession fresh = new DefaultRepositorySystemSession(session);
            fresh.setLocalRepositoryManager(system.newLocalRepositoryManager(fresh,
                    new LocalRepository(temporary.toFile())));
            Optional<Path> found = fetch(fresh, coordinates);
            if (found.isEmpty()) {
                return found;
            }
            Path copy = Files.createTempFile("fashion-ml-leg", ".zip");
            Files.copy(found.get(), copy, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
            copy.toFile().deleteOnExit();
            return Optional.of(copy);
        } finally {
            io.github.fashionml.util.AtomicFiles.deleteTree(temporary);
        }
    }

    private static Artifact artifact(LegCoordinates c) {
        return new DefaultArtifact(c.groupId(), c.artifactId(), "", LegCoordinates.TYPE, c.version());
    }
}
