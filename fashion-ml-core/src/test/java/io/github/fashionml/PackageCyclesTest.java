package io.github.fashionml;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
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
 * No package of the core uses one that uses it back (issue #24): layers stay layers, and a package can be read,
 * tested and moved with what is below it. A use is an import or an inline qualified name
 * ({@code io.github.fashionml.x.Y}) in {@code src/main/java}; the failure names each cycle and the files that make
 * each of its edges.
 */
class PackageCyclesTest {
    private static final String ROOT_PACKAGE = "io.github.fashionml";
    /** A package name followed by a class name: the capital letter ends the package. */
    private static final Pattern QUALIFIED =
            Pattern.compile("io\\.github\\.fashionml(?:\\.[a-z][a-z0-9_]*)*(?=\\.[A-Z])");

    @Test
    void noPackageUsesOneThatUsesItBack() throws IOException {
        Path sources = Path.of("src", "main", "java", "io", "github", "fashionml");
        assertTrue(Files.isDirectory(sources), "run from the fashion-ml-core module: " + sources.toAbsolutePath());
        Map<String, Map<String, Set<String>>> uses = uses(sources);
        List<Set<String>> cycles = stronglyConnected(uses).stream().filter(c -> c.size() > 1).toList();
        StringBuilder report = new StringBuilder();
        for (Set<String> cycle : cycles) {
            report.append("\ncycle ").append(cycle).append(':');
            for (String from : cycle) {
                for (String to : cycle) {
                    Set<String> files = uses.get(from).get(to);
                    if (files != null) {
                        report.append("\n  ").append(from).append(" -> ").append(to).append(" in ").append(files);
                    }
                }
            }
        }
        assertEquals("", report.toString(), "packages that use each other (move the shared type below both, or "
                + "let the lower package depend on an interface):");
    }

    @Test
    void theScanSeesImportsAndQualifiedNames() {
        Matcher m = QUALIFIED.matcher("import io.github.fashionml.output.OutputLayout; "
                + "new io.github.fashionml.data.source.ResolvedDataset(x); io.github.fashionml.ConfigurationException");
        List<String> found = new ArrayList<>();
        while (m.find()) {
            found.add(m.group());
        }
        assertEquals(List.of("io.github.fashionml.output", "io.github.fashionml.data.source", "io.github.fashionml"),
                found);
        Map<String, Map<String, Set<String>>> graph = new TreeMap<>();
        graph.put("a", Map.of("b", Set.of()));
        graph.put("b", Map.of("c", Set.of()));
        graph.put("c", Map.of("a", Set.of()));
        graph.put("d", Map.of("a", Set.of()));
        assertEquals(List.of(Set.of("a", "b", "c")),
                stronglyConnected(graph).stream().filter(c -> c.size() > 1).toList());
    }

    /** For each package: the packages it uses, each with the files that use it. */
    private static Map<String, Map<String, Set<String>>> uses(Path sources) throws IOException {
        Map<Path, String> packageOf = new HashMap<>();
        try (Stream<Path> files = Files.walk(sources)) {
            files.filter(f -> f.toString().endsWith(".java")).forEach(f -> {
                Path dir = sources.relativize(f.getParent());
                packageOf.put(f, dir.toString().isEmpty() ? ROOT_PACKAGE
                        : ROOT_PACKAGE + "." + dir.toString().replace(dir.getFileSystem().getSeparator(), "."));
            });
        }
        Set<String> packages = new HashSet<>(packageOf.values());
        Map<String, Map<String, Set<String>>> uses = new TreeMap<>();
        packages.forEach(p -> uses.put(p, new TreeMap<>()));
        for (Map.Entry<Path, String> file : packageOf.entrySet()) {
            Matcher m = QUALIFIED.matcher(Files.readString(file.getKey(), StandardCharsets.UTF_8));
            while (m.find()) {
                String used = m.group();
                if (packages.contains(used) && !used.equals(file.getValue())) {
                    uses.get(file.getValue()).computeIfAbsent(used, k -> new TreeSet<>())
                            .add(file.getKey().getFileName().toString());
                }
            }
        }
        return uses;
    }

    /** Tarjan's strongly connected components, each as a sorted set of packages. */
    private static List<Set<String>> stronglyConnected(Map<String, Map<String, Set<String>>> graph) {
        Map<String, Integer> index = new HashMap<>();
        Map<String, Integer> low = new HashMap<>();
        Deque<String> stack = new ArrayDeque<>();
        Set<String> onStack = new HashSet<>();
        List<Set<String>> components = new ArrayList<>();
        for (String start : new TreeSet<>(graph.keySet())) {
            if (!index.containsKey(start)) {
                visit(start, graph, index, low, stack, onStack, components);
            }
        }
        return components;
    }

    private static void visit(String node, Map<String, Map<String, Set<String>>> graph, Map<String, Integer> index,
                              Map<String, Integer> low, Deque<String> stack, Set<String> onStack,
                              List<Set<String>> components) {
        index.put(node, index.size());
        low.put(node, index.get(node));
        stack.push(node);
        onStack.add(node);
        for (String next : graph.getOrDefault(node, Map.of()).keySet()) {
            if (!index.containsKey(next)) {
                visit(next, graph, index, low, stack, onStack, components);
                low.put(node, Math.min(low.get(node), low.get(next)));
            } else if (onStack.contains(next)) {
                low.put(node, Math.min(low.get(node), index.get(next)));
            }
        }
        if (low.get(node).equals(index.get(node))) {
            Set<String> component = new TreeSet<>();
            String member;
            do {
                member = stack.pop();
                onStack.remove(member);
                component.add(member);
            } while (!member.equals(node));
            components.add(component);
        }
    }
}
