package io.github.fashionml.report;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.fashionml.testing.TrainedOutputs;
import io.github.fashionml.util.Json;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ReportRendererTest {
    @TempDir
    Path dir;

    @Test
    void sameOutputsGiveTheSameBytes() throws Exception {
        Path outputs = TrainedOutputs.directory();
        List<String> models = ReportModels.find(outputs);
        assertEquals(List.of("cnn", "dnn"), models);
        new ReportRenderer().render(outputs, models, dir.resolve("a"), "built 2026-01-01T00:00:00Z");
        new ReportRenderer().render(outputs, models, dir.resolve("b"), "built 2026-01-01T00:00:00Z");
        List<Path> files;
        try (Stream<Path> walk = Files.walk(dir.resolve("a"))) {
            files = walk.filter(Files::isRegularFile).sorted().toList();
        }
        assertTrue(files.size() > 10, files.toString());
        for (Path a : files) {
            Path b = dir.resolve("b").resolve(dir.resolve("a").relativize(a));
            assertArrayEquals(Files.readAllBytes(a), Files.readAllBytes(b), a.toString());
        }
        String index = Files.readString(dir.resolve("a/index.html"));
        assertTrue(index.contains("built 2026-01-01T00:00:00Z"));
        assertTrue(index.contains("<a href=\"model-cnn.html\">cnn</a>"), index);
        assertTrue(index.contains("McNemar"), index);
        // Which data set it was: name, shape, classes, digest, and each class's training and test images.
        assertTrue(index.contains("fashion-mnist: 28x28 grey images, 10 classes; digest"), index);
        assertTrue(index.contains("<th>class</th><th>training images</th><th>test images</th>"), index);
        assertTrue(index.contains("<tr><td>Ankle boot</td><td class=\"num\">"), index);
        assertFalse(Files.exists(dir.resolve("a/.index.html.tmp")));

        // The model page's curves are training and validation, never test, and mark the kept epoch.
        String page = Files.readString(dir.resolve("a/model-cnn.html"));
        assertTrue(page.contains(">validation</text>"), "a validation curve's legend");
        assertFalse(page.contains(">test</text>"), "no test curve: the test set is evaluate's alone");
        assertTrue(page.contains("kept: epoch 2"), "the kept epoch is marked");

        // The page links the model's ONNX file, copied beside it, with its SHA-256.
        byte[] onnx = Files.readAllBytes(outputs.resolve("cnn/model.onnx"));
        assertArrayEquals(onnx, Files.readAllBytes(dir.resolve("a/onnx/cnn.onnx")));
        assertTrue(page.contains("<a href=\"onnx/cnn.onnx\" download>model.onnx</a>"), page);
        assertTrue(page.contains(io.github.fashionml.util.Sha256.of(onnx)), "the ONNX file's SHA-256 is shown");
    }

    @Test
    void twoConcurrentRendersIntoOneFolderLeaveCompletePages() throws Exception {
        Path outputs = TrainedOutputs.directory();
        List<String> models = ReportModels.find(outputs);
        Path site = dir.resolve("site");
        java.util.concurrent.ExecutorService pool = java.util.concurrent.Executors.newFixedThreadPool(2);
        try {
            List<java.util.concurrent.Future<ReportPages.Overview>> renders = pool.invokeAll(List.of(
                    () -> new ReportRenderer().render(outputs, models, site, null),
                    () -> new ReportRenderer().render(outputs, models, site, null)));
            for (var render : renders) {
                render.get();
            }
        } finally {
            pool.shutdownNow();
        }
        new ReportRenderer().render(outputs, models, dir.resolve("single"), null);
        for (String page : List.of("index.html", "model-cnn.html", "model-dnn.html", "report.css")) {
            assertArrayEquals(Files.readAllBytes(dir.resolve("single").resolve(page)),
                    Files.readAllBytes(site.resolve(page)), page);
        }
        try (Stream<Path> walk = Files.walk(site)) {
            assertTrue(walk.noneMatch(p -> p.getFileName().toString().endsWith(".tmp")), "no partial files");
        }
    }

    @Test
    void hostileNamesAreEscapedNeverMarkup() throws Exception {
        Path outputs = copyWithHostileModel(TrainedOutputs.directory(), dir.resolve("outputs"));
        String hostile = HOSTILE_MODEL;
        new ReportRenderer().render(outputs, List.of("cnn", hostile), dir.resolve("site"), null);
        String index = Files.readString(dir.resolve("site/index.html"));
        assertFalse(index.contains("<img src=x"), "model name inserted as markup");
        assertTrue(index.contains("&lt;img src=x onerror=alert(1)&gt;"), index);
        String page = Files.readString(dir.resolve("site").resolve(ReportBuilder.pageName(hostile)));
        assertFalse(page.contains("<script>"), "class name inserted as markup");
        assertTrue(page.contains("&lt;script&gt;document.title=&quot;pwned&quot;&lt;/script&gt;"), page);
    }

    static final String HOSTILE_MODEL = "<img src=x onerror=alert(1)>";
    static final String HOSTILE_CLASS = "<script>document.title=\"pwned\"</script> it's \"quoted\" & more";

    /** A copy of the outputs with the dnn model renamed to markup and a class name that is a script. */
    static Path copyWithHostileModel(Path outputs, Path target) throws Exception {
        try (Stream<Path> walk = Files.walk(outputs)) {
            for (Path p : walk.toList()) {
                Path to = target.resolve(outputs.relativize(p).toString().replace("dnn", HOSTILE_MODEL));
                if (Files.isDirectory(p)) {
                    Files.createDirectories(to);
                } else if (!p.startsWith(outputs.resolve("cache"))) {
                    Files.copy(p, to);
                }
            }
        }
        Path evaluation = target.resolve(HOSTILE_MODEL).resolve("evaluation.json");
        ObjectNode json = (ObjectNode) Json.MAPPER.readTree(evaluation.toFile());
        json.put("model", HOSTILE_MODEL);
        ((ObjectNode) ((ArrayNode) json.get("classes")).get(0)).put("name", HOSTILE_CLASS);
        Json.write(evaluation, json);
        Files.deleteIfExists(target.resolve("comparison.json"));
        return target;
    }
}
