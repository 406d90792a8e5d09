package io.github.fashionml.maven;

import io.github.fashionml.ConfigurationException;
import io.github.fashionml.data.source.HttpProxy;
import io.github.fashionml.data.source.MirrorAccess;
import io.github.fashionml.data.source.MirrorCredentials;
import org.eclipse.aether.RepositorySystemSession;
import org.eclipse.aether.repository.Authentication;
import org.eclipse.aether.repository.AuthenticationContext;
import org.eclipse.aether.repository.Proxy;
import org.eclipse.aether.repository.RemoteRepository;

import java.net.URI;

/**
 * {@code settings.xml}'s answers for a mirror, found as Maven finds a repository's: its proxy selector picks the
 * {@code <proxy>} (active, protocol, {@code nonProxyHosts}), its authentication selector the {@code <server>} by id,
 * and its authentication context decrypts their passwords ({@code settings-security.xml}). Which mirrors may get a
 * server's credentials is the core's rule ({@link io.github.fashionml.data.source.DownloadSettings}).
 *
 * @param session the build's repository session; null (no settings) means direct connections and no servers
 */
record MavenMirrorAccess(RepositorySystemSession session) implements MirrorAccess {

    @Override
    public HttpProxy proxyFor(URI base) {
        if (session == null || session.getProxySelector() == null) {
            return null;
        }
        RemoteRepository repository = new RemoteRepository.Builder("fashion-ml-mirror", "default", base.toString())
                .build();
        Proxy proxy = session.getProxySelector().getProxy(repository);
        if (proxy == null) {
            return null;
        }
        String username = null;
        String password = null;
        RemoteRepository proxied = new RemoteRepository.Builder(repository).setProxy(proxy).build();
        try (AuthenticationContext context = AuthenticationContext.forProxy(session, proxied)) {
            if (context != null) {
                username = context.get(AuthenticationContext.USERNAME);
                password = context.get(AuthenticationContext.PASSWORD);
            }
        }
        return new HttpProxy(proxy.getHost(), proxy.getPort(), username, password);
    }

    @Override
    public MirrorCredentials credentialsFor(String serverId, URI base) throws ConfigurationException {
        RemoteRepository repository = new RemoteRepository.Builder(serverId, "default", base.toString()).build();
        Authentication authentication = session == null || session.getAuthenticationSelector() == null ? null
                : session.getAuthenticationSelector().getAuthentication(repository);
        if (authentication == null) {
            throw new ConfigurationException("serverId '" + serverId + "' names no <server> with credentials in "
                    + "settings.xml. Add <server><id>" + serverId + "</id><username>…</username><password>…"
                    + "</password></server> to ~/.m2/settings.xml, or leave serverId unset for mirrors that need "
                    + "none.");
        }
        RemoteRepository authenticated = new RemoteRepository.Builder(repository).setAuthentication(authentication)
                .build();
        try (AuthenticationContext context = AuthenticationContext.forRepository(session, authenticated)) {
            return new MirrorCredentials(serverId, context.get(AuthenticationContext.USERNAME),
                    context.get(AuthenticationContext.PASSWORD));
        }
    }
}
