package io.github.fashionml.maven;

import io.github.fashionml.ConfigurationException;
import io.github.fashionml.data.source.Mirror;
import io.github.fashionml.data.source.MirrorCredentials;
import org.eclipse.aether.RepositorySystemSession;
import org.eclipse.aether.repository.Authentication;
import org.eclipse.aether.repository.AuthenticationContext;
import org.eclipse.aether.repository.RemoteRepository;

import java.util.ArrayList;
import java.util.List;

/**
 * A {@code settings.xml} {@code <server>}'s credentials for the mirrors, looked up by its id as Maven looks up a
 * repository's: Maven's authentication selector finds the server and its authentication context decrypts the
 * password ({@code settings-security.xml}).
 */
final class MavenServers {
    private MavenServers() {
    }

    static List<Mirror> apply(List<Mirror> mirrors, RepositorySystemSession session, String serverId)
            throws ConfigurationException {
        if (serverId == null || serverId.isBlank() || mirrors.isEmpty()) {
            return mirrors;
        }
        List<Mirror> out = new ArrayList<>();
        for (Mirror mirror : mirrors) {
            if (!"https".equalsIgnoreCase(mirror.base().getScheme())) {
                throw new ConfigurationException("serverId '" + serverId + "' would send its password to " + mirror
                        + " in clear text. Use the mirror's https:// address, or leave serverId unset.");
            }
            RemoteRepository repository = new RemoteRepository.Builder(serverId, "default", mirror.base().toString())
                    .build();
            Authentication authentication = session == null || session.getAuthenticationSelector() == null ? null
                    : session.getAuthenticationSelector().getAuthentication(repository);
            if (authentication == null) {
                throw new ConfigurationException("serverId '" + serverId + "' names no <server> with credentials in "
                        + "settings.xml. Add <server><id>" + serverId + "</id><username>…</username><password>…"
                        + "</password></server> to ~/.m2/settings.xml, or leave serverId unset for mirrors that need "
                        + "none.");
            }
            RemoteRepository authenticated = new RemoteRepository.Builder(repository)
                    .setAuthentication(authentication).build();
            try (AuthenticationContext context = AuthenticationContext.forRepository(session, authenticated)) {
                out.add(mirror.withCredentials(new MirrorCredentials(serverId,
                        context.get(AuthenticationContext.USERNAME), context.get(AuthenticationContext.PASSWORD))));
            }
        }
        return out;
    }
}
