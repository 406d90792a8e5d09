package io.github.fashionml.report;

import io.github.fashionml.testing.HeadlessChromium;
import io.github.fashionml.testing.TestData;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** A swept model's page in headless Chromium: it loads cleanly and its sweep table and chart are there. */
class SweepReportInBrowserTest {
    @Test
    void theSweepSectionLoadsWithItsTableAndChart() throws Exception {
        Path outputs = SweepReportTest.sweptOutputs(TestData.scratchDirectory("swept-outputs"));
        Path site = TestData.scratchDirectory("swept-site");
        new ReportRenderer().render(outputs, List.of("cnn", "dnn"), site, null);
        try (HeadlessChromium chromium = new HeadlessChromium()) {
            assertEquals(List.of(), chromium.load(site.resolve("index.html").toUri()), "errors on index.html");
            assertEquals("model-dnn.html#sweep",
                    chromium.evaluate("document.querySelector('ul.sweeps a').getAttribute('href')").asText());
            assertEquals(List.of(), chromium.load(site.resolve("model-dnn.html").toUri()), "errors on model-dnn.html");
            assertEquals(3, chromium.evaluate("document.querySelectorAll('table.sweep tbody tr').length").asInt());
            assertEquals(1, chromium.evaluate("document.querySelectorAll('table.sweep tr.selected').length").asInt());
            assertEquals("✓ selected", chromium.evaluate("document.querySelector('table.sweep tr.selected')"
                    + ".lastElementChild.textContent").asText());
            assertEquals("0.0141", chromium.evaluate("document.querySelector('table.sweep tr.selected')"
                    + ".children[3].textContent").asText());
            // The sweep chart beside the two history charts; its points carry their figures as text.
            assertEquals(3, chromium.evaluate("document.querySelectorAll('svg.line-chart').length").asInt());
            assertEquals(3, chromium.evaluate("document.querySelectorAll('svg.line-chart circle.marker title')"
                    + ".length").asInt());
            chromium.evaluate("document.getElementById('sweep').scrollIntoView(), 0");
            chromium.screenshot(Path.of("target", "report-screenshots", "model-dnn-swept.png"));
        }
    }
}
