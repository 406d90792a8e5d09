package io.github.fashionml.maven;

import io.github.fashionml.ConfigurationException;
import io.github.fashionml.data.source.Mirror;
import io.github.fashionml.data.source.MirrorCredentials;
import org.eclipse.aether.DefaultRepositorySystemSession;
import org.eclipse.aether.util.repository.AuthenticationBuilder;
import org.eclipse.aether.util.repository.DefaultAuthenticationSelector;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** A settings.xml server's credentials reach the mirrors when serverId names it, and only then. */
class MavenServersTest {
    private static final List<Mirror> MIRRORS = List.of(new Mirror(URI.create("https://data.example.org/fashion/")));

    private static DefaultRepositorySystemSession sessionWithServer(String id) {
        DefaultRepositorySystemSession session = new DefaultRepositorySystemSession();
        session.setAuthenticationSelector(new DefaultAuthenticationSelector().add(id,
                new AuthenticationBuilder().addUsername("reader").addPassword("s3cret").build()));
        return session;
    }

    @Test
    void theNamedServersCredentialsGoWithEveryMirror() throws Exception {
        List<Mirror> mirrors = MavenServers.apply(MIRRORS, sessionWithServer("data-mirror"), "data-mirror");
        assertEquals(new MirrorCredentials("data-mirror", "reader", "s3cret"), mirrors.get(0).credentials());
    }

    @Test
    void noServerIdMeansNoCredentials() throws Exception {
        assertEquals(MIRRORS, MavenServers.apply(MIRRORS, sessionWithServer("data-mirror"), null));
    }

    @Test
    void anUnknownServerIdIsAnErrorThatSaysWhatToAdd() {
        ConfigurationException e = assertThrows(ConfigurationException.class,
                () -> MavenServers.apply(MIRRORS, sessionWithServer("data-mirror"), "data-mirorr"));
        assertTrue(e.getMessage().startsWith("serverId 'data-mirorr' names no <server> with credentials in "
                + "settings.xml"), e.getMessage());
    }

    @Test
    void aPlainHttpMirrorNeverGetsThePassword() {
        ConfigurationException e = assertThrows(ConfigurationException.class, () -> MavenServers.apply(
                List.of(new Mirror(URI.create("http://data.example.org/fashion/"))), sessionWithServer("data-mirror"),
                "data-mirror"));
        assertTrue(e.getMessage().contains("would send its password to http://data.example.org/fashion/ in clear "
                + "text"), e.getMessage());
    }
}
