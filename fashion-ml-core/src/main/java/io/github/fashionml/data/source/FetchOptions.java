package io.github.fashionml.data.source;

import io.github.fashionml.ConfigurationException;
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
 * @param mirrors                HTTPS (or opted-in HTTP) base URLs, tried in order ({@link DownloadSettings} makes
 *                               them from the user's settings)
 * @param offline                true to use local sources only (Maven's {@code -o})
 * @param connectTimeout         how long a mirror may take to accept the connection; positive
 * @param readTimeout            how long a download may stall before the next mirror is tried; positive
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

    /**
     * Fails on options that cannot work, before anything is looked up: timeouts that are not positive, or a public
     * default mirror carrying a server's credentials (they are for the user's own mirror).
     */
    public void check() throws ConfigurationException {
        if (!positive(connectTimeout) || !positive(readTimeout)) {
            throw new ConfigurationException("connectTimeout and readTimeout must be positive numbers of seconds (got "
                    + seconds(connectTimeout) + " and " + seconds(readTimeout) + ")");
        }
        for (Mirror mirror : mirrors) {
            if (mirror.credentials() != null && mirror.isPublicDefault()) {
                throw new ConfigurationException("The credentials of " + mirror.credentials() + " would go to "
                        + mirror + ", a public default mirror: they are for your own mirror only. List your mirror "
                        + "in <mirrors>, or leave serverId unset.");
            }
        }
    }

    private static boolean positive(Duration timeout) {
        return timeout != null && !timeout.isNegative() && !timeout.isZero();
    }

    private static String seconds(Duration timeout) {
        return timeout == null ? "none" : timeout.toMillis() % 1000 == 0 ? Long.toString(timeout.toSeconds())
                : Double.toString(timeout.toMillis() / 1000.0);
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
