package io.github.fashionml.testing;

import io.github.fashionml.data.source.DatasetResolver;
import io.github.fashionml.data.source.FetchOptions;
import io.github.fashionml.data.source.Mirror;
import io.github.fashionml.util.ProgressLog;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

/** Fetches the subset from the mirror {@code args[1]} into the cache {@code args[0]}, then prints RESOLVED. */
public final class FetchInChildJvm {
    private FetchInChildJvm() {
    }

    public static void main(String[] args) throws Exception {
        FetchOptions options = new FetchOptions(null, Path.of(args[0]), null, List.of(Mirror.parse(args[1], true)),
                false, Duration.ofSeconds(5), Duration.ofSeconds(5), TestData.subsetContents());
        new DatasetResolver(options, ProgressLog.standardError()).resolve();
        System.out.println("RESOLVED");
    }
}
