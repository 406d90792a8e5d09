package io.github.fashionml.data.source;

import io.github.fashionml.ConfigurationException;

import java.net.URI;

/**
 * What the front end knows about reaching a mirror: the proxy on the way, and the credentials a named server holds.
 * The Maven plugin answers from {@code settings.xml} as Maven does for repositories; {@link DownloadSettings}
 * decides which mirrors may be given credentials at all.
 */
public interface MirrorAccess {

    /** The proxy to reach {@code base} through, or null for a direct connection. */
    HttpProxy proxyFor(URI base);

    /** The user name and password of server {@code serverId}; fails naming the server and the fix if it has none. */
    MirrorCredentials credentialsFor(String serverId, URI base) throws ConfigurationException;
}
