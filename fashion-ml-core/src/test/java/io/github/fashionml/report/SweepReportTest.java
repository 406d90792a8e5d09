package io.github.fashionml.report;

import io.github.fashionml.output.OutputLayout;
import io.github.fashionml.provenance.ModelManifest;
import io.github.fashionml.sweep.Selection;
import io.github.fashionml.testing.TrainedOutputs;
import io.github.fashionml.util.Json;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A swept model's page shows how its trial was chosen (from {@code selection.json}): the candidates ranked on
 * validation figures, the selected one marked and alone with a test figure, a chart, and a line on the overview.
 */
class SweepReportTest {
    @TempDir
    Path dir;

    private static final Pattern ROW = Pattern.compile("<tr( class=\"selected\")?>(.*?)</tr>");

    @Test
    void theSweepSectionRanksCandidatesOnValidationAndShowsTheTestFigureForTheSelectedTrialOnly() throws Exception {
        Path outputs = sweptOutputs(dir.resolve("outputs"));
        Path site = dir.resolve("site");
        new ReportRenderer().render(outputs, List.of("cnn", "dnn"), site, null);
        String page = Files.readString(site.resolve("model-dnn.html"));
        String section = section(page);
        assertTrue(section.contains("This model is trial <code>dnn_lr0.002_seed1</code>, selected of 6 trials."),
                section);
        assertTrue(section.contains("ranked on validation figures: the mean validationAccuracy over their seeds"),
                section);
        assertTrue(section.contains("The test set was read for the selected trial only"), section);
        assertTrue(section.contains("<strong>Rule:</strong> The candidate (trials that differ only in their seed) "
                + "with the best mean"), "the rule, HTML-escaped as every value");
        assertTrue(section.contains("<strong>Why this trial:</strong> highest mean validationAccuracy 0.9200 over "
                + "2 seeds (sd 0.0141)"), section);

        // Every candidate, best first: rank, swept value, mean, sd and seeds; only the selected row is marked and
        // only it has a test accuracy (dnn's own evaluation).
        List<List<String>> rows = rows(table(section, "sweep"));
        assertEquals(List.of(
                List.of("selected", "1", "0.002", "0.9200", "0.0141", "2", testAccuracy(outputs), "✓ selected"),
                List.of("", "2", "0.001", "0.8800", "0.0283", "2", "", ""),
                List.of("", "3", "0.005", "0.8400", "0.0141", "2", "", "")), rows);
        assertTrue(table(section, "sweep").contains("<th>rank</th><th>learningRate</th><th>mean validationAccuracy"
                + "</th><th>± sd</th><th>seeds</th><th>test accuracy</th>"), section);

        // The chart: the means against the learning rate, the selected value marked, each point described.
        assertTrue(section.contains("aria-label=\"validationAccuracy by learningRate (mean over seeds)\""), section);
        assertEquals(3, count(section, "<circle class=\"marker\""), "a point per candidate");
        assertTrue(section.contains("<title>learningRate 0.002: mean validationAccuracy 0.9200 ± 0.0141 over 2 "
                + "seeds, rank 1, selected</title>"), section);
        assertTrue(section.contains(">selected</text>"), "the selected value is marked");
        List<String> ticks = new ArrayList<>();
        Matcher tick = Pattern.compile("text-anchor=\"middle\">([0-9.]+)</text>").matcher(section);
        while (tick.find()) {
            ticks.add(tick.group(1));
        }
        assertEquals(List.of("0.001", "0.002", "0.005"), ticks, "the x axis in numeric order");

        // Every trial, the selected one marked, in the collapsed table.
        List<List<String>> trialRows = rows(table(section, "sweep-trials"));
        assertEquals(6, trialRows.size());
        assertEquals(List.of("selected", "dnn_lr0.002_seed1", "0.002", "1", "0.9300", "0.2500", "3 of 4"),
                trialRows.get(2));

        String index = decoded(Files.readString(site.resolve("index.html")));
        assertTrue(index.contains("<li><a href=\"model-dnn.html#sweep\">dnn</a>: selected trial dnn_lr0.002_seed1 "
                + "of 6 on validationAccuracy (mean 0.9200 ± 0.0141 over 2 seeds)</li>"), index);
        assertEquals(1, count(index, "<li><a href="), "cnn was not swept");
        assertFalse(Files.readString(site.resolve("model-cnn.html")).contains("<h2 id=\"sweep\">"));
    }

    @Test
    void onlySeedsSweptGiveABarPerSeedAndTwoParametersALinePerCombination() throws Exception {
        Path outputs = copy(TrainedOutputs.directory(), dir.resolve("outputs"));
        String kept = parametersSha256(outputs, "dnn");
        Selection seeds = new Selection("dnn", "validationLoss", List.of("seed"), Selection.RULE,
                new Selection.Selected("dnn_seed2", Map.of("seed", "2"), 0.30, "the only candidate"),
                List.of(new Selection.Candidate(1, Map.of(), List.of("dnn_seed1", "dnn_seed2", "dnn_seed3"), 0.30,
                        0.02)),
                List.of(trial("dnn_seed1", null, "1", 0.9, 0.28, "x"), trial("dnn_seed2", null, "2", 0.9, 0.30, kept),
                        trial("dnn_seed3", null, "3", 0.9, 0.32, "y")));
        Json.write(new OutputLayout(outputs).selectionFile("dnn"), seeds);
        new ReportRenderer().render(outputs, List.of("dnn"), dir.resolve("seeds"), null);
        String section = section(Files.readString(dir.resolve("seeds/model-dnn.html")));
        assertEquals(3, count(section, "<rect class=\"bar\""), section);
        assertTrue(section.contains("<title>dnn_seed2: validationLoss 0.3000 (selected)</title>"), section);
        assertTrue(section.contains(">seed 2 ✓</text>"), section);
        assertEquals(List.of(List.of("selected", "1", "0.3000", "0.0200", "3", testAccuracy(outputs),
                "✓ selected")), rows(table(section, "sweep")));

        // learningRate x batchSize, one seed each: a line per batch size, no standard deviation.
        List<Selection.TrialResult> trials = new ArrayList<>();
        List<Selection.Candidate> candidates = new ArrayList<>();
        int rank = 1;
        for (String bs : List.of("64", "128")) {
            for (String lr : List.of("0.01", "0.001")) {
                String name = "dnn_lr" + lr + "_bs" + bs;
                Map<String, String> values = new LinkedHashMap<>(Map.of("learningRate", lr, "batchSize", bs));
                trials.add(new Selection.TrialResult(name, values, 0.9 - rank / 100.0, 0.4, 2, 2,
                        rank == 1 ? kept : "z" + rank));
                candidates.add(new Selection.Candidate(rank, values, List.of(name), 0.9 - rank / 100.0, null));
                rank++;
            }
        }
        Selection grid = new Selection("dnn", "validationAccuracy", List.of("learningRate", "batchSize"),
                Selection.RULE, new Selection.Selected("dnn_lr0.01_bs64", trials.get(0).values(), 0.89, "best"),
                candidates, trials);
        Json.write(new OutputLayout(outputs).selectionFile("dnn"), grid);
        new ReportRenderer().render(outputs, List.of("dnn"), dir.resolve("grid"), null);
        section = section(Files.readString(dir.resolve("grid/model-dnn.html")));
        assertEquals(2, count(section, "<polyline class=\"series\""), "a line per batch size");
        assertTrue(section.contains("class=\"series-label\" x=\"504\""), "each line named at its end");
        assertTrue(section.contains(">batchSize 64</text>") && section.contains(">batchSize 128</text>"), section);
        List<List<String>> rows = rows(table(section, "sweep"));
        assertEquals(List.of("selected", "1", "0.01", "64", "0.8900", "—", "1", testAccuracy(outputs),
                "✓ selected"), rows.get(0));
        assertEquals(List.of("", "4", "0.001", "128", "0.8600", "—", "1", "", ""), rows.get(3));
    }

    @Test
    void anEvaluationOfAnotherTrialShowsNoTestFigure() throws Exception {
        Path outputs = copy(TrainedOutputs.directory(), dir.resolve("outputs"));
        Selection selection = new Selection("dnn", "validationAccuracy", List.of("learningRate"), Selection.RULE,
                new Selection.Selected("dnn_lr0.002", Map.of("learningRate", "0.002"), 0.9, "best"),
                List.of(new Selection.Candidate(1, Map.of("learningRate", "0.002"), List.of("dnn_lr0.002"), 0.9,
                        null)),
                List.of(trial("dnn_lr0.002", "0.002", null, 0.9, 0.3, "not-the-evaluated-parameters")));
        Json.write(new OutputLayout(outputs).selectionFile("dnn"), selection);
        new ReportRenderer().render(outputs, List.of("dnn"), dir.resolve("site"), null);
        String section = section(Files.readString(dir.resolve("site/model-dnn.html")));
        assertEquals(List.of(List.of("selected", "1", "0.002", "0.9000", "—", "1", "", "✓ selected")),
                rows(table(section, "sweep")));
        assertTrue(section.contains("not of the selected trial dnn_lr0.002: run the evaluate goal again"), section);
    }

    @Test
    void aModelWithoutSelectionHasNoSweepSection() throws Exception {
        Path outputs = TrainedOutputs.directory();
        new ReportRenderer().render(outputs, List.of("cnn", "dnn"), dir.resolve("site"), null);
        for (String page : List.of("model-cnn.html", "model-dnn.html")) {
            String html = Files.readString(dir.resolve("site").resolve(page));
            assertFalse(html.contains("Sweep") || html.contains("sweep"), page);
        }
        String index = Files.readString(dir.resolve("site/index.html"));
        assertFalse(index.contains("Sweeps") || index.contains("sweeps"), index);
    }

    /**
     * A copy of a build's outputs in which dnn was swept: learningRate 0.001, 0.002, 0.005 x seeds 1, 2; 0.002 has
     * the best mean, and its seed 1 is the trial dnn is.
     */
    static Path sweptOutputs(Path target) throws Exception {
        Path outputs = copy(TrainedOutputs.directory(), target);
        String kept = parametersSha256(outputs, "dnn");
        List<Selection.TrialResult> trials = List.of(
                trial("dnn_lr0.001_seed1", "0.001", "1", 0.90, 0.31, "a1"),
                trial("dnn_lr0.001_seed2", "0.001", "2", 0.86, 0.36, "a2"),
                trial("dnn_lr0.002_seed1", "0.002", "1", 0.93, 0.25, kept),
                trial("dnn_lr0.002_seed2", "0.002", "2", 0.91, 0.27, "b2"),
                trial("dnn_lr0.005_seed1", "0.005", "1", 0.85, 0.40, "c1"),
                trial("dnn_lr0.005_seed2", "0.005", "2", 0.83, 0.42, "c2"));
        Selection selection = new Selection("dnn", "validationAccuracy", List.of("learningRate", "seed"),
                Selection.RULE, new Selection.Selected("dnn_lr0.002_seed1", Map.of("learningRate", "0.002",
                "seed", "1"), 0.93, "highest mean validationAccuracy 0.9200 over 2 seeds (sd 0.0141)"),
                List.of(candidate(1, "0.002", 0.92, Math.sqrt(0.0002), "dnn_lr0.002_seed1", "dnn_lr0.002_seed2"),
                        candidate(2, "0.001", 0.88, Math.sqrt(0.0008), "dnn_lr0.001_seed1", "dnn_lr0.001_seed2"),
                        candidate(3, "0.005", 0.84, Math.sqrt(0.0002), "dnn_lr0.005_seed1", "dnn_lr0.005_seed2")),
                trials);
        Json.write(new OutputLayout(outputs).selectionFile("dnn"), selection);
        return outputs;
    }

    private static Selection.TrialResult trial(String name, String rate, String seed, double accuracy, double loss,
                                               String parametersSha256) {
        Map<String, String> values = new LinkedHashMap<>();
        if (rate != null) {
            values.put("learningRate", rate);
        }
        if (seed != null) {
            values.put("seed", seed);
        }
        return new Selection.TrialResult(name, values, accuracy, loss, 3, 4, parametersSha256);
    }

    private static Selection.Candidate candidate(int rank, String rate, double mean, Double sd, String... trials) {
        return new Selection.Candidate(rank, Map.of("learningRate", rate), List.of(trials), mean, sd);
    }

    private static String parametersSha256(Path outputs, String model) throws Exception {
        return Json.read(new OutputLayout(outputs).manifestFile(model), ModelManifest.class, "").outputs()
                .parametersSha256();
    }

    private static String testAccuracy(Path outputs) throws Exception {
        double accuracy = Json.MAPPER.readTree(new OutputLayout(outputs).evaluationFile("dnn").toFile())
                .get("accuracy").asDouble();
        return String.format(java.util.Locale.ROOT, "%.4f", accuracy);
    }

    /** The page's sweep section, from its heading to the next one, entities decoded (± is written &plusmn;). */
    private static String section(String page) {
        int start = page.indexOf("<h2 id=\"sweep\">");
        assertTrue(start >= 0, "no sweep section");
        return decoded(page.substring(start, page.indexOf("<h2>", start + 1)));
    }

    /** The entities HtmlEscaping writes for the characters these pages show. */
    private static String decoded(String html) {
        return html.replace("&plusmn;", "±").replace("&mdash;", "—").replace("&amp;", "&");
    }

    private static String table(String html, String cssClass) {
        int start = html.indexOf("<table class=\"" + cssClass + "\">");
        assertTrue(start >= 0, "no table " + cssClass);
        return html.substring(start, html.indexOf("</table>", start));
    }

    /** Each body row as its class ("selected" or "") and its cells' text. */
    private static List<List<String>> rows(String table) {
        String body = table.substring(table.indexOf("<tbody>"));
        List<List<String>> rows = new ArrayList<>();
        Matcher row = ROW.matcher(body);
        while (row.find()) {
            List<String> cells = new ArrayList<>(List.of(row.group(1) == null ? "" : "selected"));
            Matcher cell = Pattern.compile("<td[^>]*>(.*?)</td>").matcher(row.group(2));
            while (cell.find()) {
                cells.add(cell.group(1));
            }
            rows.add(cells);
        }
        return rows;
    }

    private static int count(String text, String part) {
        return text.split(Pattern.quote(part), -1).length - 1;
    }

    /** A copy of a build's outputs, without the data cache. */
    private static Path copy(Path outputs, Path target) throws Exception {
        try (Stream<Path> walk = Files.walk(outputs)) {
            for (Path p : walk.toList()) {
                Path to = target.resolve(outputs.relativize(p).toString());
                if (p.startsWith(outputs.resolve("cache"))) {
                    continue;
                }
                if (Files.isDirectory(p)) {
                    Files.createDirectories(to);
                } else {
                    Files.copy(p, to);
                }
            }
        }
        return target;
    }
}
