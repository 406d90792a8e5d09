package io.github.fashionml.scaleout;

/**
 * Where a leg's artifact lives in a Maven repository: the project's groupId and version, and an artifactId of its
 * own, {@code <project artifactId>-leg-<leg>}, type {@code zip}. An artifactId per leg (not a classifier) keeps
 * concurrent legs from writing the same file: each deploy updates its artifactId's {@code maven-metadata.xml},
 * which legs sharing an artifactId would overwrite in turn.
 */
public record LegCoordinates(String groupId, String artifactId, String version) {
    public static final String TYPE = "zip";

    /** The coordinates of a leg of a project. */
    public static LegCoordinates of(String groupId, String projectArtifactId, String version, String leg) {
        return new LegCoordinates(groupId, projectArtifactId + "-leg-" + leg, version);
    }

    /** Parses {@code groupId:artifactId:zip:version}. */
    public static LegCoordinates parse(String coordinates) {
        String[] parts = coordinates.split(":");
        if (parts.length != 4 || !TYPE.equals(parts[2])) {
            throw new IllegalArgumentException("not groupId:artifactId:zip:version: " + coordinates);
        }
        return new LegCoordinates(parts[0], parts[1], parts[3]);
    }

    public boolean snapshot() {
        return version.endsWith("-SNAPSHOT");
    }

    /** {@code groupId:artifactId:zip:version}, as Maven names an artifact. */
    @Override
    public String toString() {
        return groupId + ":" + artifactId + ":" + TYPE + ":" + version;
    }
}
