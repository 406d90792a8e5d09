package io.github.fashionml.maven;

import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

import javax.xml.parsers.DocumentBuilderFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The integration tests run under Maven 3.9 and 4 in two halves: those {@code mvn verify} runs there, and those
 * {@code -Pmaven-matrix} adds. Together they must be every IT in src/it, each once, or a new IT would silently run
 * under the build's Maven only.
 */
class PluginItMatrixTest {
    private static final String PROPERTY = "it.otherMavens.tests";

    @Test
    void theTwoHalvesOfTheMavenMatrixAreEveryIntegrationTestOnce() throws Exception {
        Document pom = DocumentBuilderFactory.newInstance().newDocumentBuilder().parse(Path.of("pom.xml").toFile());
        List<String> lists = new ArrayList<>();
        NodeList values = pom.getElementsByTagName(PROPERTY);
        for (int i = 0; i < values.getLength(); i++) {
            lists.add(((Element) values.item(i)).getTextContent().trim());
        }
        assertEquals(2, lists.size(), "the default list and the maven-matrix profile's list of " + PROPERTY);

        Set<String> inVerify = names(lists.get(0));
        Set<String> inMatrix = names(lists.get(1));
        Set<String> both = new TreeSet<>(inVerify);
        both.retainAll(inMatrix);
        assertTrue(both.isEmpty(), "in both halves: " + both);

        Set<String> its = new TreeSet<>();
        try (Stream<Path> dirs = Files.list(Path.of("src/it"))) {
            dirs.filter(d -> Files.isRegularFile(d.resolve("pom.xml"))).forEach(d -> its.add(d.getFileName().toString()));
        }
        Set<String> listed = new TreeSet<>(inVerify);
        listed.addAll(inMatrix);
        assertEquals(its, listed, "every IT in src/it must be in one of the two lists of " + PROPERTY
                + " in pom.xml: the Maven-API ones in the default, the rest in the maven-matrix profile");
    }

    private static Set<String> names(String list) {
        Set<String> names = new TreeSet<>();
        for (String name : list.split(",")) {
            names.add(name.trim());
        }
        return names;
    }
}
