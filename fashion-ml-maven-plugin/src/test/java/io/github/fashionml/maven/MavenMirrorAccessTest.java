package io.github.fashionml.maven;

import io.github.fashionml.ConfigurationException;
import io.github.fashionml.data.source.HttpProxy;
import io.github.fashionml.data.source.MirrorCredentials;
import org.eclipse.aether.DefaultRepositorySystemSession;
import org.eclipse.aether.repository.Proxy;
import org.eclipse.aether.util.repository.AuthenticationBuilder;
import org.eclipse.aether.util.repository.DefaultAuthenticationSelector;
import org.eclipse.aether.util.repository.DefaultProxySelector;
import org.junit.jupiter.api.Test;

import java.net.URI;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** settings.xml's proxies and servers reach the mirrors by Maven's own rules. */
class MavenMirrorAccessTest {
    private static final URI MIRROR = URI.create("https://data.example.org/fashion/");

    private static DefaultRepositorySystemSession sessionWithServer(String id) {
        DefaultRepositorySystemSession session = new DefaultRepositorySystemSession();
        session.setAuthenticationSelector(new DefaultAuthenticationSelector().add(id,
                new AuthenticationBuilder().addUsername("reader").addPassword("s3cret").build()));
        return session;
    }

    @Test
    void eachMirrorGetsTheProxyMavenWouldUseForARepositoryThere() {
        DefaultRepositorySystemSession session = new DefaultRepositorySystemSession();
        session.setProxySelector(new DefaultProxySelector()
                .add(new Proxy("http", "proxy.internal", 3128, new AuthenticationBuilder().addUsername("builder")
                        .addPassword("s3cret").build()), "localhost|*.lan"));
        MavenMirrorAccess access = new MavenMirrorAccess(session);
        HttpProxy proxy = access.proxyFor(URI.create("http://mirror.example.org/fashion/"));
        assertEquals(new HttpProxy("proxy.internal", 3128, "builder", "s3cret"), proxy);
        assertNull(access.proxyFor(URI.create("http://files.lan/fashion/")), "nonProxyHosts: direct");
        assertEquals(proxy, access.proxyFor(URI.create("https://mirror.example.org/fashion/")),
                "Maven's http proxy serves https too");
    }

    @Test
    void noProxiesConfiguredMeansDirectConnections() {
        assertNull(new MavenMirrorAccess(new DefaultRepositorySystemSession()).proxyFor(MIRROR));
        assertNull(new MavenMirrorAccess(null).proxyFor(MIRROR));
    }

    @Test
    void theNamedServersCredentialsAreDecrypted() throws Exception {
        assertEquals(new MirrorCredentials("data-mirror", "reader", "s3cret"),
                new MavenMirrorAccess(sessionWithServer("data-mirror")).credentialsFor("data-mirror", MIRROR));
    }

    @Test
    void anUnknownServerIdIsAnErrorThatSaysWhatToAdd() {
        ConfigurationException e = assertThrows(ConfigurationException.class,
                () -> new MavenMirrorAccess(sessionWithServer("data-mirror")).credentialsFor("data-mirorr", MIRROR));
        assertTrue(e.getMessage().startsWith("serverId 'data-mirorr' names no <server> with credentials in "
                + "settings.xml"), e.getMessage());
    }
}
