package io.github.fashionml.scaleout;

import io.github.fashionml.FashionMlException;
import io.github.fashionml.output.OutputLayout;
import io.github.fashionml.provenance.ModelManifest;
import io.github.fashionml.util.AtomicFiles;
import io.github.fashionml.util.ProgressLog;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** A leg job's last step: its trained legs, each archived ({@link LegArchive}) and published by coordinates. */
public final class LegPublisher {
    private final LegRepository repository;
    private final ProgressLog log;

    public LegPublisher(LegRepository repository, ProgressLog log) {
        this.repository = repository;
        this.log = log;
    }

    /** Publishes each leg of the plan; every one must be trained here, from the planned inputs. */
    public void publish(LegPlan plan, Path outputDirectory) throws FashionMlException, IOException {
        OutputLayout layout = new OutputLayout(outputDirectory);
        for (Leg leg : plan.legs()) {
            ModelManifest manifest = layout.readManifest(leg.name());
            if (!manifest.fingerprint().equals(leg.fingerprint())) {
                throw new FashionMlException("Leg '" + leg.name() + "' in " + layout.modelDirectory(leg.name())
                        + " was trained from other inputs than the plan's (fingerprint " + manifest.fingerprint()
                        .substring(0, 12) + ", planned " + leg.fingerprint().substring(0, 12) + "): run the train "
                        + "goal in the same build before publishing");
            }
            byte[] archive = LegArchive.pack(outputDirectory, leg.name());
            Path file = layout.root().resolve("legs").resolve(leg.name() + ".zip");
            AtomicFiles.createDirectories(file.getParent());
            AtomicFiles.write(file, out -> out.write(archive));
            LegCoordinates coordinates = LegCoordinates.parse(leg.coordinates());
            if (!coordinates.snapshot()) {
                var published = repository.fetchPublished(coordinates);
                if (published.isPresent()) {
                    if (!LegArchive.sameLeg(published.get(), leg, manifest.outputs().parametersSha256())) {
                        throw new FashionMlException(leg.coordinates() + " is already in the release repository "
                                + repository.describe() + " with another leg (other inputs or parameters); a "
                                + "release is never overwritten. Give the project a new version (or a -SNAPSHOT one "
                                + "while iterating), or delete the leg's artifact there by hand");
                    }
                    log.info("Leg " + leg.name() + ": already published as " + leg.coordinates() + " with the same "
                            + "fingerprint and parameters; left as it is");
                    continue;
                }
            }
            repository.publish(coordinates, file);
            log.info("Leg " + leg.name() + ": published as " + leg.coordinates() + " to " + repository.describe()
                    + " (" + Files.size(file) / 1024 + " KiB, fingerprint " + leg.fingerprint().substring(0, 12) + ")");
        }
    }
}
