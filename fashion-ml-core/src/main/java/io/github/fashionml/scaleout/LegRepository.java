package io.github.fashionml.scaleout;

import io.github.fashionml.FashionMlException;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Optional;

/** The Maven repository legs are published to and gathered from (the plugin's is Maven Resolver's). */
public interface LegRepository {
    /**
     * The leg's artifact as a local file, or empty when the repository does not have it.
     *
     * @throws FashionMlException when the repository cannot be reached or read: not the same as "absent"
     */
    Optional<Path> fetch(LegCoordinates coordinates) throws FashionMlException, IOException;

    /**
     * What the repository itself holds under these coordinates now (not a copy cached on this machine), or empty.
     */
    Optional<Path> fetchPublished(LegCoordinates coordinates) throws FashionMlException, IOException;

    /** Publishes the file under these coordinates, replacing a snapshot's earlier file. */
    void publish(LegCoordinates coordinates, Path file) throws FashionMlException, IOException;

    /** Where it is, for messages. */
    String describe();
}
