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

    public FetchOptions withDataDirectory(Path dir) {
        return new FetchOptions(dir, cacheRoot, systemPackageDirectory, mirrors, offline, connectTimeout, readTimeout, expected);
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
}
