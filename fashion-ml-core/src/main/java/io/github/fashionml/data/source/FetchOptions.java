package io.github.fashionml.data.source;

import io.github.fashionml.data.FashionMnistFile;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;

/**
 * Where to look for Fashion-MNIST, in this order: {@code dataDirectory} (if set), the cache, the system
 * package directory (if set), then the mirrors (unless offline).
 *
 * @param dataDirectory          a directory the user names explicitly, or null
 * @param cacheRoot              the per-user cache root
 * @param systemPackageDirectory where the Debian/Ubuntu package puts the files, or null to skip it
 * @param mirrors                HTTPS (or opted-in HTTP) base URLs, tried in order
 * @param offline                true to use local sources only (Maven's {@code -o})
 * @param expected               what each file's decompressed contents must be; the published files by default
 */
public record FetchOptions(Path dataDirectory, Path cacheRoot, Path systemPackageDirectory, List<Mirror> mirrors,
                           boolean offline, Duration connectTimeout, Duration readTimeout,
                           Map<FashionMnistFile, ExpectedContent> expected) {

    /** Where {@code apt-get install dataset-fashion-mnist} puts the files on Debian and Ubuntu. */
    public static final Path SYSTEM_PACKAGE_DIRECTORY = Path.of("/usr/share/datasets/fashion-mnist");

    public FetchOptions {
        mirrors = List.copyOf(mirrors);
        expected = Map.copyOf(expected);
        if (cacheRoot == null) {
            throw new IllegalArgumentException("cacheRoot is required");
        }
    }

    /** The defaults: no explicit directory, the user's cache, the system package, the default mirrors. */
    public static FetchOptions defaults() {
        List<Mirror> mirrors = Mirror.DEFAULTS.stream().map(text -> new Mirror(java.net.URI.create(text))).toList();
        return new FetchOptions(null, DataCache.defaultRoot(), SYSTEM_PACKAGE_DIRECTORY, mirrors, false,
                Duration.ofSeconds(20), Duration.ofSeconds(60), ExpectedContent.fashionMnist());
    }

    public FetchOptions withDataDirectory(Path dir) {
        return new FetchOptions(dir, cacheRoot, systemPackageDirectory, mirrors, offline, connectTimeout, readTimeout, expected);
    }

    public FetchOptions withCacheRoot(Path root) {
        return new FetchOptions(dataDirectory, root, systemPackageDirectory, mirrors, offline, connectTimeout, readTimeout, expected);
    }

    public FetchOptions withSystemPackageDirectory(Path dir) {
        return new FetchOptions(dataDirectory, cacheRoot, dir, mirrors, offline, connectTimeout, readTimeout, expected);
    }

    public FetchOptions withMirrors(List<Mirror> list) {
        return new FetchOptions(dataDirectory, cacheRoot, systemPackageDirectory, list, offline, connectTimeout, readTimeout, expected);
    }

    public FetchOptions withOffline(boolean value) {
        return new FetchOptions(dataDirectory, cacheRoot, systemPackageDirectory, mirrors, value, connectTimeout, readTimeout, expected);
    }

    /** Expect other contents: for subsets and tests. */
    public FetchOptions withExpected(Map<FashionMnistFile, ExpectedContent> contents) {
        return new FetchOptions(dataDirectory, cacheRoot, systemPackageDirectory, mirrors, offline, connectTimeout,
                readTimeout, contents);
    }

    public FetchOptions withTimeouts(Duration connect, Duration read) {
        return new FetchOptions(dataDirectory, cacheRoot, systemPackageDirectory, mirrors, offline, connect, read, expected);
    }
}
