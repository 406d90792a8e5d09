package io.github.fashionml.data.source;

import io.github.fashionml.ConfigurationException;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The user's download settings become mirrors; a server's credentials reach only the user's own https mirrors. */
class DownloadSettingsTest {
    private static final HttpProxy PROXY = new HttpProxy("proxy.internal", 3128, null, null);
    private static final String OWN = "https://data.example.org/fashion/";

    /** Answers as a settings.xml with one proxy and one server would, and records what it was asked. */
    private final List<String> asked = new ArrayList<>();
    private final MirrorAccess settings = new MirrorAccess() {
        @Override
        public HttpProxy proxyFor(URI base) {
            asked.add("proxy " + base);
            return PROXY;
        }

        @Override
        public MirrorCredentials credentialsFor(String serverId, URI base) {
            asked.add("credentials of " + serverId + " for " + base);
            return new MirrorCredentials(serverId, "reader", "s3cret");
        }
    };

    @Test
    void withoutMirrorsThePublicDefaultsAreUsedThroughTheProxy() throws Exception {
        List<Mirror> mirrors = new DownloadSettings(true, null, false, null).resolve(settings);
        assertEquals(Mirror.DEFAULTS, mirrors.stream().map(Mirror::toString).toList());
        assertTrue(mirrors.stream().allMatch(m -> PROXY.equals(m.proxy()) && m.credentials() == null),
                mirrors.toString());
    }

    @Test
    void theServersCredentialsGoToOwnMirrorsAndNeverToAPublicDefault() throws Exception {
        List<Mirror> mirrors = new DownloadSettings(true, List.of(OWN, " ", Mirror.DEFAULTS.get(1)), false,
                "data-mirror").resolve(settings);
        assertEquals(2, mirrors.size());
        assertEquals(new MirrorCredentials("data-mirror", "reader", "s3cret"), mirrors.get(0).credentials());
        assertNull(mirrors.get(1).credentials(), "a public default mirror listed by hand gets no credentials");
        assertEquals(List.of("proxy " + OWN, "credentials of data-mirror for " + OWN,
                "proxy " + Mirror.DEFAULTS.get(1)), asked);
    }

    @Test
    void aServerIdWithoutOwnMirrorsIsRefusedEvenWithDownloadsOff() {
        for (boolean download : new boolean[] {true, false}) {
            ConfigurationException e = assertThrows(ConfigurationException.class,
                    () -> new DownloadSettings(download, List.of(), false, "data-mirror").resolve(settings));
            assertEquals("serverId 'data-mirror' is set, but no <mirrors>: the credentials are for your own mirror "
                    + "and never go to the public default ones. List it in <mirrors>, or leave serverId unset.",
                    e.getMessage());
        }
        ConfigurationException onlyDefaults = assertThrows(ConfigurationException.class,
                () -> new DownloadSettings(true, Mirror.DEFAULTS, false, "data-mirror").resolve(settings));
        assertTrue(onlyDefaults.getMessage().contains("lists only public default mirrors"), onlyDefaults.getMessage());
        assertEquals(List.of(), asked, "nothing looked up for settings that cannot work");
    }

    @Test
    void aPlainHttpMirrorNeverGetsThePasswordNorIsItLookedUp() {
        ConfigurationException e = assertThrows(ConfigurationException.class, () -> new DownloadSettings(true,
                List.of("http://data.example.org/fashion/"), true, "data-mirror").resolve(settings));
        assertEquals("serverId 'data-mirror' would send its password to http://data.example.org/fashion/ in clear "
                + "text. Use the mirror's https:// address, or leave serverId unset.", e.getMessage());
        assertTrue(asked.stream().noneMatch(a -> a.startsWith("credentials")), asked.toString());
    }

    @Test
    void downloadsOffMeansNoMirrorAndNoLookup() throws Exception {
        assertEquals(List.of(), new DownloadSettings(false, List.of("not even a URL"), false, null).resolve(settings));
        assertEquals(List.of(), asked);
    }
}
