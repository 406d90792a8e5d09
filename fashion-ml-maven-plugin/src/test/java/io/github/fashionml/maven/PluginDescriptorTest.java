package io.github.fashionml.maven;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;
import org.w3c.dom.NodeList;

import javax.xml.parsers.DocumentBuilderFactory;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The plugin's descriptor (generated from the mojos' annotations) against what users read and what IDEs run:
 * every property, parameter and goal the README and the site name exists, the README's goals table lists every
 * goal with its default phase, and Eclipse m2e never trains on import.
 */
class PluginDescriptorTest {
    /** JVM system properties the core reads itself, not plugin parameters. */
    private static final Set<String> SYSTEM_PROPERTIES = Set.of("fashionml.blasThreads");
    /** Properties the docs name as renamed (the plugin rejects them with their new name). */
    private static final Set<String> RENAMED = Set.of("fashionml.models");
    private static final Pattern PROPERTY = Pattern.compile("(?<![\\w.])fashionml\\.([A-Za-z][A-Za-z0-9]*(?:\\.[A-Za-z][A-Za-z0-9]*)*)");

    private static Document descriptor;
    private static final Set<String> properties = new TreeSet<>();
    private static final Set<String> parameters = new TreeSet<>();
    private static final List<String> goals = new ArrayList<>();
    private static final List<String> boundGoals = new ArrayList<>();
    /** Each goal's default phase, "—" for none, as the README's goals table writes it. */
    private static final Map<String, String> phases = new TreeMap<>();

    @BeforeAll
    static void readDescriptor() throws Exception {
        try (InputStream in = PluginDescriptorTest.class.getResourceAsStream("/META-INF/maven/plugin.xml")) {
            descriptor = DocumentBuilderFactory.newInstance().newDocumentBuilder().parse(in);
        }
        NodeList mojos = descriptor.getElementsByTagName("mojo");
        for (int i = 0; i < mojos.getLength(); i++) {
            Element mojo = (Element) mojos.item(i);
            String goal = child(mojo, "goal").getTextContent();
            goals.add(goal);
            if (child(mojo, "phase") != null) {
                boundGoals.add(goal);
            }
            phases.put(goal, child(mojo, "phase") == null ? "—" : child(mojo, "phase").getTextContent());
            Element parameterList = child(mojo, "parameters");
            if (parameterList != null) {
                for (Node p = parameterList.getFirstChild(); p != null; p = p.getNextSibling()) {
                    if (p instanceof Element e && child(e, "name") != null) {
                        parameters.add(child(e, "name").getTextContent());
                    }
                }
            }
            Element configuration = child(mojo, "configuration");
            if (configuration != null) {
                for (Node c = configuration.getFirstChild(); c != null; c = c.getNextSibling()) {
                    Matcher m = Pattern.compile("\\$\\{(fashionml\\.[A-Za-z0-9.]+)}").matcher(c.getTextContent());
                    if (m.find()) {
                        properties.add(m.group(1));
                    }
                }
            }
        }
    }

    private static Element child(Element parent, String name) {
        for (Node n = parent.getFirstChild(); n != null; n = n.getNextSibling()) {
            if (n instanceof Element e && e.getTagName().equals(name)) {
                return e;
            }
        }
        return null;
    }

    private static List<Path> documentation() throws Exception {
        Path root = Path.of("..").toAbsolutePath().normalize();
        List<Path> docs = new ArrayList<>(List.of(root.resolve("README.md")));
        try (Stream<Path> site = Files.list(root.resolve("src/site/markdown"))) {
            site.filter(p -> p.toString().endsWith(".md")).sorted().forEach(docs::add);
        }
        return docs;
    }

    @Test
    void everyPropertyTheDocumentationNamesExists() throws Exception {
        List<String> unknown = new ArrayList<>();
        for (Path doc : documentation()) {
            Matcher m = PROPERTY.matcher(Files.readString(doc));
            while (m.find()) {
                String property = "fashionml." + m.group(1);
                if (!properties.contains(property) && !SYSTEM_PROPERTIES.contains(property) && !RENAMED.contains(property)) {
                    unknown.add(doc.getFileName() + ": " + property);
                }
            }
        }
        assertEquals(List.of(), unknown, "properties the docs name that no goal has; known: " + properties);
    }

    /** The parameter tables (first column: parameter names) of the README and the site pages (fetch-data's on the
     * data page, the forked JVM's in the configuration cookbook): every name must be a parameter of some goal. */
    @Test
    void everyParameterInTheDocumentationsParameterTablesExists() throws Exception {
        List<String> unknown = new ArrayList<>();
        Map<String, Integer> checked = new TreeMap<>();
        for (Path doc : documentation()) {
            List<String> lines = Files.readAllLines(doc);
            for (int i = 0; i < lines.size(); i++) {
                if (!lines.get(i).startsWith("| parameter |")) {
                    continue;
                }
                for (int j = i + 2; j < lines.size() && lines.get(j).startsWith("|"); j++) {
                    Matcher names = Pattern.compile("`([A-Za-z][A-Za-z0-9]*)`").matcher(lines.get(j).split("\\|")[1]);
                    while (names.find()) {
                        checked.merge(doc.getFileName().toString(), 1, Integer::sum);
                        if (!parameters.contains(names.group(1))) {
                            unknown.add(doc.getFileName() + ": " + names.group(1));
                        }
                    }
                }
            }
        }
        assertTrue(checked.getOrDefault("data.md", 0) > 5, "fetch-data's parameter table was found: " + checked);
        assertTrue(checked.getOrDefault("configuration.md", 0) >= 3, "the forked JVM's parameter table was found: "
                + checked);
        assertEquals(List.of(), unknown, "parameters the docs' tables name that no goal has");
    }

    /** The README's goals table: every goal of the plugin, none it lacks, each with its default phase. */
    @Test
    void theReadmesGoalsTableListsEveryGoalWithItsPhase() throws Exception {
        List<String> lines = Files.readAllLines(Path.of("..").toAbsolutePath().normalize().resolve("README.md"));
        Map<String, String> table = new TreeMap<>();
        for (int i = 0; i < lines.size(); i++) {
            if (!lines.get(i).startsWith("| goal | default phase |")) {
                continue;
            }
            for (int j = i + 2; j < lines.size() && lines.get(j).startsWith("|"); j++) {
                String[] cells = lines.get(j).split("\\|");
                table.put(cells[1].strip().replace("`", ""), cells[2].strip().replace("`", ""));
            }
        }
        assertEquals(new TreeMap<>(phases), table, "the README's goals table against the descriptor's goals and phases");
    }

    /** Goals the docs name in a POM ({@code <goal>x</goal>}) or on the command line ({@code fashion-ml:x}). */
    @Test
    void everyGoalTheDocumentationNamesExists() throws Exception {
        Pattern goal = Pattern.compile("<goal>([^<]+)</goal>|(?<![\\w-])fashion-ml:([a-z][a-z-]*)");
        List<String> unknown = new ArrayList<>();
        int checked = 0;
        for (Path doc : documentation()) {
            Matcher m = goal.matcher(Files.readString(doc));
            while (m.find()) {
                String name = m.group(1) != null ? m.group(1) : m.group(2);
                checked++;
                if (!goals.contains(name)) {
                    unknown.add(doc.getFileName() + ": " + name);
                }
            }
        }
        assertTrue(checked > 5, "goal names were found in the docs");
        assertEquals(List.of(), unknown, "goals the docs name that the plugin does not have; known: " + goals);
    }

    @Test
    void eclipseM2eNeverTrainsOnImport() throws Exception {
        Document mapping;
        try (InputStream in = PluginDescriptorTest.class
                .getResourceAsStream("/META-INF/m2e/lifecycle-mapping-metadata.xml")) {
            mapping = DocumentBuilderFactory.newInstance().newDocumentBuilder().parse(in);
        }
        Set<String> ignored = new TreeSet<>();
        Set<String> executed = new TreeSet<>();
        NodeList executions = mapping.getElementsByTagName("pluginExecution");
        for (int i = 0; i < executions.getLength(); i++) {
            Element execution = (Element) executions.item(i);
            Element action = child(execution, "action");
            boolean ignore = child(action, "ignore") != null;
            if (!ignore) {
                assertEquals("false", child(child(action, "execute"), "runOnIncremental").getTextContent(),
                        "executed goals must not run on every incremental build");
            }
            NodeList goalNodes = execution.getElementsByTagName("goal");
            for (int g = 0; g < goalNodes.getLength(); g++) {
                (ignore ? ignored : executed).add(goalNodes.item(g).getTextContent());
            }
        }
        assertTrue(ignored.containsAll(List.of("train", "evaluate", "compare", "reproduce")), ignored.toString());
        assertEquals(Set.of("fetch-data"), executed);
        for (String goal : boundGoals) {
            assertTrue(ignored.contains(goal) || executed.contains(goal), "m2e has no mapping for the bound goal "
                    + goal + ": an import would ask the user, or run it");
        }
        assertTrue(goals.containsAll(ignored), "the mapping names goals the plugin does not have: " + ignored);
    }
}
