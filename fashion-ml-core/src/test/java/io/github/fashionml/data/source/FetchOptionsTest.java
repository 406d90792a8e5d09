package io.github.fashionml.data.source;

import io.github.fashionml.ConfigurationException;
import io.github.fashionml.testing.TestData;
import io.github.fashionml.util.ProgressLog;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

/** A resolver refuses options that cannot work when it is made, whoever made them: not only the Maven goal. */
class FetchOptionsTest {
    @TempDir
    Path dir;

    private FetchOptions options(List<Mirror> mirrors, Duration connect, Duration read) {
        return new FetchOptions(null, dir.resolve("cache"), null, mirrors, false, connect, read,
                TestData.subsetContents());
    }

    @Test
    void timeoutsMustBePositive() {
        ConfigurationException e = assertThrows(ConfigurationException.class, () -> new DatasetResolver(
                options(List.of(), Duration.ZERO, Duration.ofSeconds(60)), ProgressLog.silent()));
        assertEquals("connectTimeout and readTimeout must be positive numbers of seconds (got 0 and 60)",
                e.getMessage());
        e = assertThrows(ConfigurationException.class, () -> new DatasetResolver(
                options(List.of(), Duration.ofSeconds(20), Duration.ofSeconds(-1)), ProgressLog.silent()));
        assertEquals("connectTimeout and readTimeout must be positive numbers of seconds (got 20 and -1)",
                e.getMessage());
    }

    @Test
    void aPublicDefaultMirrorNeverCarriesCredentials() {
        Mirror upstream = new Mirror(URI.create(Mirror.DEFAULTS.get(0)))
                .withCredentials(new MirrorCredentials("data-mirror", "reader", "s3cret"));
        ConfigurationException e = assertThrows(ConfigurationException.class, () -> new DatasetResolver(
                options(List.of(upstream), Duration.ofSeconds(20), Duration.ofSeconds(60)), ProgressLog.silent()));
        assertEquals("The credentials of server 'data-mirror' (user reader) would go to " + Mirror.DEFAULTS.get(0)
                + ", a public default mirror: they are for your own mirror only. List your mirror in <mirrors>, or "
                + "leave serverId unset.", e.getMessage());
    }
}
