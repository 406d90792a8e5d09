package io.github.fashionml.data.source;

import io.github.fashionml.ConfigurationException;
import io.github.fashionml.data.FashionMnistFile;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class MirrorTest {
    @Test
    void httpsMirrorResolvesFileNames() throws ConfigurationException {
        Mirror m = Mirror.parse("https://example.org/fmnist", false);
        assertEquals("https://example.org/fmnist/train-images-idx3-ubyte.gz",
                m.uriOf(FashionMnistFile.TRAIN_IMAGES).toString());
    }

    @Test
    void plainHttpIsRefusedWithoutOptIn() {
        ConfigurationException e = assertThrows(ConfigurationException.class,
                () -> Mirror.parse("http://example.org/data/", false));
        assertTrue(e.getMessage().contains("plain HTTP"), e.getMessage());
        assertTrue(e.getMessage().contains("-Dfashionml.allowInsecureMirrors=true"), e.getMessage());
    }

    @Test
    void plainHttpIsAcceptedWithOptIn() throws ConfigurationException {
        assertEquals("http", Mirror.parse("http://127.0.0.1:8080/data/", true).base().getScheme());
    }

    @Test
    void otherSchemesAndGarbageAreRefused() {
        assertThrows(ConfigurationException.class, () -> Mirror.parse("ftp://example.org/data/", true));
        assertThrows(ConfigurationException.class, () -> Mirror.parse("file:///tmp/data/", true));
        ConfigurationException e = assertThrows(ConfigurationException.class, () -> Mirror.parse("not a url", true));
        assertTrue(e.getMessage().contains("'not a url'"), e.getMessage());
    }

    @Test
    void defaultsAreHttpsAndBlankEntriesIgnored() throws ConfigurationException {
        List<Mirror> mirrors = Mirror.parseAll(Mirror.DEFAULTS, false);
        assertEquals(2, mirrors.size());
        assertTrue(mirrors.get(0).base().toString().contains("zalandoresearch"), "the official upstream comes first");
        assertEquals(1, Mirror.parseAll(List.of(" ", "https://example.org/"), false).size());
    }
}
