package io.github.fashionml.data.source;

import java.net.InetSocketAddress;
import java.net.PasswordAuthentication;
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

    /** Answers the proxy's authentication challenge, for HTTP requests and HTTPS tunnels alike. */
    public java.net.Authenticator authenticator() {
        if (username == null) {
            return null;
        }
        return new java.net.Authenticator() {
            @Override
            protected PasswordAuthentication getPasswordAuthentication() {
                return getRequestorType() == RequestorType.PROXY
                        ? new PasswordAuthentication(username, password == null ? new char[0] : password.toCharArray())
                        : null;
            }
        };
    }

    @Override
    public String toString() {
        // Never the password: this goes to the log.
        return host + ":" + port + (username == null ? "" : " (as " + username + ")");
    }
}
