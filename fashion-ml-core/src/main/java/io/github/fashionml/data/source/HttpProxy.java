package io.github.fashionml.data.source;

import java.net.InetSocketAddress;
import java.net.Proxy;

/**
 * An HTTP proxy to download through, as a Maven {@code settings.xml} {@code <proxy>} gives it (the plugin asks
 * Maven which proxy, if any, applies to each mirror, so {@code nonProxyHosts} is Maven's own rule).
 *
 * @param username null when the proxy needs no credentials
 */
public record HttpProxy(String host, int port, String username, String password) {

    public Proxy toProxy() {
        return new Proxy(Proxy.Type.HTTP, InetSocketAddress.createUnresolved(host, port));
    }

    @Override
    public String toString() {
        // Never the password: this goes to the log.
        return host + ":" + port + (username == null ? "" : " (as " + username + ")");
    }
}
