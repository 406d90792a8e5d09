package io.github.fashionml.maven;

import io.github.fashionml.data.source.HttpProxy;
import io.github.fashionml.data.source.Mirror;
import org.eclipse.aether.DefaultRepositorySystemSession;
import org.eclipse.aether.repository.Proxy;
import org.eclipse.aether.util.repository.AuthenticationBuilder;
import org.eclipse.aether.util.repository.DefaultProxySelector;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

/** settings.xml proxies reach the mirrors by Maven's own rules: protocol, nonProxyHosts, credentials. */
class MavenProxiesTest {

    @Test
    void eachMirrorGetsTheProxyMavenWouldUseForARepositoryThere() {
        DefaultRepositorySystemSession session = new DefaultRepositorySystemSession();
        session.setProxySelector(new DefaultProxySelector()
                .add(new Proxy("http", "proxy.internal", 3128, new AuthenticationBuilder().addUsername("builder")
                        .addPassword("s3cret").build()), "localhost|*.lan"));
        List<Mirror> mirrors = MavenProxies.apply(List.of(
                new Mirror(URI.create("http://mirror.example.org/fashion/")),
                new Mirror(URI.create("http://files.lan/fashion/")),
                new Mirror(URI.create("https://mirror.example.org/fashion/"))), session);
        assertEquals(new HttpProxy("proxy.internal", 3128, "builder", "s3cret"), mirrors.get(0).proxy());
        assertNull(mirrors.get(1).proxy(), "nonProxyHosts: direct");
        assertEquals(mirrors.get(0).proxy(), mirrors.get(2).proxy(), "Maven's http proxy serves https too");
    }

    @Test
    void noProxiesConfiguredMeansDirectConnections() {
        DefaultRepositorySystemSession session = new DefaultRepositorySystemSession();
        List<Mirror> mirrors = List.of(new Mirror(URI.create("https://mirror.example.org/fashion/")));
        assertEquals(mirrors, MavenProxies.apply(mirrors, session));
    }
}
