package io.github.fashionml.maven;

import io.github.fashionml.data.source.HttpProxy;
import io.github.fashionml.data.source.Mirror;
import org.eclipse.aether.RepositorySystemSession;
import org.eclipse.aether.repository.AuthenticationContext;
import org.eclipse.aether.repository.Proxy;
import org.eclipse.aether.repository.RemoteRepository;

import java.util.ArrayList;
import java.util.List;

/**
 * The {@code settings.xml} proxies, applied to the mirrors as Maven applies them to repositories: Maven's own
 * proxy selector decides (active proxies, protocol, {@code nonProxyHosts}), and its authentication context
 * decrypts the credentials.
 */
final class MavenProxies {
    private MavenProxies() {
    }

    static List<Mirror> apply(List<Mirror> mirrors, RepositorySystemSession session) {
        if (session == null || session.getProxySelector() == null) {
            return mirrors;
        }
        List<Mirror> out = new ArrayList<>();
        for (Mirror mirror : mirrors) {
            RemoteRepository repository = new RemoteRepository.Builder("fashion-ml-mirror", "default",
                    mirror.base().toString()).build();
            Proxy proxy = session.getProxySelector().getProxy(repository);
            if (proxy == null) {
                out.add(mirror);
                continue;
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
            out.add(mirror.withProxy(new HttpProxy(proxy.getHost(), proxy.getPort(), username, password)));
        }
        return out;
    }
}
