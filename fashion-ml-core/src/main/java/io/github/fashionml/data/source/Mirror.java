package io.github.fashionml.data.source;

import io.github.fashionml.ConfigurationException;
import io.github.fashionml.data.FashionMnistFile;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.List;
import java.util.Locale;

/**
 * A base URL that serves the four {@code .gz} files. Only HTTPS unless plain HTTP is explicitly allowed.
 *
 * @param proxy       the HTTP proxy to reach it through, or null for a direct connection
 * @param credentials what to answer the mirror's own authentication challenge with, or null
 */
public record Mirror(URI base, HttpProxy proxy, MirrorCredentials credentials) {

    public Mirror(URI base) {
        this(base, null, null);
    }

    public Mirror withProxy(HttpProxy value) {
        return new Mirror(base, value, credentials);
    }

    public Mirror withCredentials(MirrorCredentials value) {
        return new Mirror(base, proxy, value);
    }

    /** The official upstream repository first, then the copy Keras downloads from. */
    public static final List<String> DEFAULTS = List.of(
            "https://raw.githubusercontent.com/zalandoresearch/fashion-mnist/master/data/fashion/",
            "https://storage.googleapis.com/tensorflow/tf-keras-datasets/");

    private static final List<URI> DEFAULT_BASES = DEFAULTS.stream().map(URI::create).toList();

    /** Whether this is one of the public {@link #DEFAULTS}, which never get a server's credentials. */
    public boolean isPublicDefault() {
        return DEFAULT_BASES.contains(base);
    }

    public static Mirror parse(String text, boolean allowInsecureHttp) throws ConfigurationException {
        String trimmed = text == null ? "" : text.trim();
        URI uri;
        try {
            uri = new URI(trimmed.endsWith("/") ? trimmed : trimmed + "/");
        } catch (URISyntaxException e) {
            throw new ConfigurationException("Mirror '" + text + "' is not a valid URL (" + e.getReason()
                    + "). Give a base URL such as https://example.org/fashion-mnist/ in <mirrors>.");
        }
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
        if (uri.getHost() == null || !(scheme.equals("https") || scheme.equals("http"))) {
            throw new ConfigurationException("Mirror '" + text + "' is not an http(s) URL with a host. Give a base URL "
                    + "such as https://example.org/fashion-mnist/ in <mirrors>.");
        }
        if (scheme.equals("http") && !allowInsecureHttp) {
            throw new ConfigurationException("Mirror '" + text + "' uses plain HTTP, which is refused by default. Use its "
                    + "https:// address, or opt in with <allowInsecureMirrors>true</allowInsecureMirrors> "
                    + "(-Dfashionml.allowInsecureMirrors=true); downloads are still verified by SHA-256.");
        }
        return new Mirror(uri);
    }

    public static List<Mirror> parseAll(List<String> texts, boolean allowInsecureHttp) throws ConfigurationException {
        java.util.ArrayList<Mirror> mirrors = new java.util.ArrayList<>();
        for (String text : texts) {
            if (text != null && !text.isBlank()) {
                mirrors.add(parse(text, allowInsecureHttp));
            }
        }
        return List.copyOf(mirrors);
    }

    public URI uriOf(FashionMnistFile file) {
        return base.resolve(file.gzipFileName());
    }

    @Override
    public String toString() {
        return base.toString();
    }
}
