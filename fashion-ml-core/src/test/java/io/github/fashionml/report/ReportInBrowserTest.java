package io.github.fashionml.report;

import io.github.fashionml.testing.HeadlessChromium;
import io.github.fashionml.testing.TestData;
import io.github.fashionml.testing.TrainedOutputs;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Opens the rendered pages in headless Chromium from {@code file://}: each loads without errors, every image
 * loads, the charts have their SVG elements, hostile names show as text; screenshots go to
 * {@code target/report-screenshots/} for a person to look at.
 */
class ReportInBrowserTest {
    private static final Path SCREENSHOTS = Path.of("target", "report-screenshots");

    @Test
    void pagesLoadCleanlyWithTheirChartsAndHostileTextStaysText() throws Exception {
        Path outputs = ReportRendererTest.copyWithHostileModel(TrainedOutputs.directory(),
                TestData.scratchDirectory("hostile-outputs"));
        Path site = TestData.scratchDirectory("site");
        List<String> models = List.of("cnn", ReportRendererTest.HOSTILE_MODEL);
        ReportPages.Overview overview = new ReportRenderer().render(outputs, models, site, null);

        try (HeadlessChromium chromium = new HeadlessChromium()) {
            assertEquals(List.of(), chromium.load(site.resolve("index.html").toUri()), "errors on index.html");
            assertEquals(2, chromium.evaluate("document.querySelectorAll('table.models tbody tr').length").asInt());
            assertImagesLoaded(chromium, "index.html");
            assertTrue(chromium.evaluate("document.querySelectorAll('.tiles img').length").asInt() >= 10);
            assertEquals(ReportRendererTest.HOSTILE_MODEL,
                    chromium.evaluate("document.querySelectorAll('table.models tbody tr td a')[1].textContent")
                            .asText(), "the hostile model name is shown as text");
            assertEquals(0, chromium.evaluate("document.querySelectorAll('main img[src=x]').length").asInt());
            // Side by side: validation accuracy and loss of both models, each kept epoch ringed, each line
            // labelled by name (readable without colour), and the per-class F1 bars of both models.
            assertEquals(2, chromium.evaluate("document.querySelectorAll('svg.line-chart').length").asInt());
            assertEquals(4, chromium.evaluate("document.querySelectorAll('svg.line-chart polyline').length").asInt());
            assertEquals(4, chromium.evaluate("document.querySelectorAll('svg.line-chart circle.kept-ring').length")
                    .asInt());
            assertEquals(ReportRendererTest.HOSTILE_MODEL, chromium.evaluate("document.querySelectorAll("
                    + "'svg.line-chart text.series-label')[1].textContent").asText(), "a hostile name stays text");
            assertEquals(20, chromium.evaluate("document.querySelectorAll('svg.bar-chart rect.bar').length").asInt(),
                    "10 classes x 2 models");
            assertEquals(20, chromium.evaluate("document.querySelectorAll('svg.bar-chart text.bar-label').length")
                    .asInt(), "each bar numbered, as the legend says");
            assertTrue(chromium.evaluate("document.querySelector('svg.bar-chart .legend text').textContent").asText()
                    .equals("1 = cnn"));
            assertEquals(0, chromium.evaluate("document.querySelectorAll('script').length").asInt(),
                    "no JavaScript in the report");
            assertEquals(0, chromium.evaluate("Array.from(document.querySelectorAll('[src],[href]')).filter(e => "
                    + "/^(https?:)?\\/\\//.test(e.getAttribute('src') || e.getAttribute('href'))).length").asInt(),
                    "nothing loads from the network");
            chromium.screenshot(SCREENSHOTS.resolve("index.png"));

            for (ReportPages.ModelPage page : overview.models()) {
                List<String> errors = chromium.load(site.resolve(page.page()).toUri());
                assertEquals(List.of(), errors, "errors on " + page.page());
                assertEquals(100, chromium.evaluate("document.querySelectorAll('svg.heatmap g.cell rect').length")
                        .asInt(), "a 10x10 confusion heatmap");
                assertEquals(2, chromium.evaluate("document.querySelectorAll('svg.line-chart').length").asInt());
                assertEquals(4, chromium.evaluate("document.querySelectorAll('svg.line-chart polyline').length")
                        .asInt(), "training and validation lines in both charts");
                assertEquals(4, chromium.evaluate("document.querySelectorAll('svg.line-chart .legend').length")
                        .asInt());
                assertTrue(chromium.evaluate("document.querySelectorAll('svg.line-chart text.tick').length").asInt()
                        >= 10, "axes have tick labels");
                assertEquals(10, chromium.evaluate("document.querySelectorAll('table.report tbody tr').length")
                        .asInt());
                assertImagesLoaded(chromium, page.page());
                assertEquals(0, chromium.evaluate("document.querySelectorAll('main script').length").asInt());
                assertTrue(!chromium.evaluate("document.title").asText().contains("pwned"));
                chromium.screenshot(SCREENSHOTS.resolve(page.page().replace(".html", ".png")
                        .replaceAll("[^A-Za-z0-9._-]", "_")));
            }
            chromium.load(site.resolve(ReportBuilder.pageName(ReportRendererTest.HOSTILE_MODEL)).toUri());
            assertEquals(ReportRendererTest.HOSTILE_CLASS,
                    chromium.evaluate("document.querySelector('table.report tbody th').textContent").asText());
        }
    }

    private static void assertImagesLoaded(HeadlessChromium chromium, String page) throws Exception {
        int broken = chromium.evaluate("Array.from(document.images).filter(i => !i.complete || i.naturalWidth === 0)"
                + ".length").asInt();
        assertEquals(0, broken, "images that did not load on " + page);
    }
}
