package io.github.fashionml.data.source;

import io.github.fashionml.util.ProgressLog;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.HttpURLConnection;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Locale;

/**
 * Streams one URL to a file, with a connect timeout and a read timeout (so a stalled server cannot hang
 * the build) and progress in the log. HttpURLConnection is used because, unlike java.net.http.HttpClient,
 * it bounds the time between two reads of the body.
 */
final class HttpDownloader {
    private static final long PROGRESS_STEP = 25;
    private static final String TUNNELING_SCHEMES = "jdk.http.auth.tunneling.disabledSchemes";

    private final Duration connectTimeout;
    private final Duration readTimeout;

    HttpDownloader(Duration connectTimeout, Duration readTimeout) {
        this.connectTimeout = connectTimeout;
        this.readTimeout = readTimeout;
    }

    private static String megabytes(long bytes) {
        return bytes < 100_000 ? String.format(Locale.ROOT, "%.1f kB", bytes / 1e3)
                : String.format(Locale.ROOT, "%.1f MB", bytes / 1e6);
    }

    /**
     * Downloads {@code uri} of {@code mirror} into {@code target} (overwriting it), through the mirror's proxy if
     * it has one, answering the proxy's and the mirror's authentication challenges with their credentials;
     * returns the number of bytes written.
     */
    long download(URI uri, Path target, ProgressLog log, Mirror mirror) throws IOException {
        HttpProxy proxy = mirror.proxy();
        MirrorCredentials credentials = mirror.credentials();
        if (proxy != null && proxy.username() != null && "https".equalsIgnoreCase(uri.getScheme())
                && System.getProperty(TUNNELING_SCHEMES) == null) {
            // The JDK withholds Basic credentials from HTTPS tunnels through a proxy unless this is cleared; it is
            // read once per JVM, so it helps only if nothing used HttpURLConnection before (see the 407 message).
            System.setProperty(TUNNELING_SCHEMES, "");
        }
        HttpURLConnection connection = (HttpURLConnection) (proxy == null ? uri.toURL().openConnection()
                : uri.toURL().openConnection(proxy.toProxy()));
        if ((proxy != null && proxy.username() != null) || credentials != null) {
            connection.setAuthenticator(authenticator(proxy, credentials, uri.getHost()));
        }
        connection.setConnectTimeout(Math.toIntExact(connectTimeout.toMillis()));
        connection.setReadTimeout(Math.toIntExact(readTimeout.toMillis()));
        connection.setInstanceFollowRedirects(true);
        connection.setRequestProperty("User-Agent", "fashion-ml");
        try {
            int status = connection.getResponseCode();
            if (status == HttpURLConnection.HTTP_PROXY_AUTH && proxy != null) {
                throw new IOException("HTTP 407: the proxy " + proxy + " refused the credentials; check the <proxy> "
                        + "of settings.xml (for HTTPS through a proxy that wants Basic credentials, start Maven with "
                        + "MAVEN_OPTS=-D" + TUNNELING_SCHEMES + "=)");
            }
            if (status == HttpURLConnection.HTTP_UNAUTHORIZED) {
                throw new IOException("HTTP 401: the mirror wants credentials" + (credentials == null
                        ? "; give them in a settings.xml <server> and name its id in <serverId>"
                        : " and refused those of " + credentials + "; check that <server> in settings.xml"));
            }
            if (status != HttpURLConnection.HTTP_OK) {
                throw new IOException("HTTP " + status + (connection.getResponseMessage() == null ? ""
                        : " " + connection.getResponseMessage()));
            }
            long expected = connection.getContentLengthLong();
            long started = System.nanoTime();
            long written = 0;
            long nextReport = PROGRESS_STEP;
            try (InputStream in = connection.getInputStream(); OutputStream out = Files.newOutputStream(target)) {
                byte[] buffer = new byte[1 << 16];
                int n;
                while ((n = in.read(buffer)) > 0) {
                    out.write(buffer, 0, n);
                    written += n;
                    if (expected > (1 << 20) && written * 100 / expected >= nextReport && written < expected) {
                        log.info(String.format(Locale.ROOT, "  %d%% of %s (%s)", written * 100 / expected,
                                uri, megabytes(expected)));
                        nextReport = (written * 100 / expected / PROGRESS_STEP + 1) * PROGRESS_STEP;
                    }
                }
            }
            if (expected >= 0 && written != expected) {
                throw new IOException("connection closed after " + written + " of " + expected + " bytes");
            }
            double seconds = Math.max(1e-3, (System.nanoTime() - started) / 1e9);
            log.info(String.format(Locale.ROOT, "  downloaded %s in %.1f s", megabytes(written), seconds));
            return written;
        } catch (java.net.SocketTimeoutException e) {
            throw new IOException("no data for " + readTimeout.toSeconds() + " s (" + e.getMessage() + ")", e);
        } finally {
            connection.disconnect();
        }
    }

    /**
     * Answers a proxy's challenge with the proxy's credentials, and the mirror's own challenge with the mirror's,
     * only when the mirror's host asks: a redirect to another host does not get them.
     */
    static java.net.Authenticator authenticator(HttpProxy proxy, MirrorCredentials credentials, String mirrorHost) {
        return new java.net.Authenticator() {
            @Override
            protected java.net.PasswordAuthentication getPasswordAuthentication() {
                if (getRequestorType() == RequestorType.PROXY) {
                    return proxy == null || proxy.username() == null ? null
                            : new java.net.PasswordAuthentication(proxy.username(),
                            proxy.password() == null ? new char[0] : proxy.password().toCharArray());
                }
                return credentials == null || !mirrorHost.equalsIgnoreCase(getRequestingHost()) ? null
                        : new java.net.PasswordAuthentication(credentials.username(),
                        credentials.password() == null ? new char[0] : credentials.password().toCharArray());
            }
        };
    }
}
