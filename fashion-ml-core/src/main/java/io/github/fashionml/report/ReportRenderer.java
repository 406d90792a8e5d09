package io.github.fashionml.report;

import io.github.fashionml.FashionMlException;
import io.github.fashionml.util.AtomicFiles;
import org.apache.velocity.Template;
import org.apache.velocity.VelocityContext;
import org.apache.velocity.app.VelocityEngine;
import org.apache.velocity.runtime.RuntimeConstants;
import org.apache.velocity.runtime.resource.loader.ClasspathResourceLoader;

import java.io.IOException;
import java.io.InputStream;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;

/**
 * Renders the report's HTML pages from Velocity templates: strict references (a misspelt one is an error, not
 * silent text), UTF-8, every inserted value HTML-escaped. Charts are inline SVG, so the pages need no
 * JavaScript and no network, and work from {@code file://}. The same inputs give the same bytes.
 */
public final class ReportRenderer {
    private static final String TEMPLATES = "io/github/fashionml/report/";

    private final VelocityEngine engine;

    public ReportRenderer() {
        engine = new VelocityEngine();
        engine.setProperty(RuntimeConstants.RESOURCE_LOADERS, "classpath");
        engine.setProperty("resource.loader.classpath.class", ClasspathResourceLoader.class.getName());
        engine.setProperty(RuntimeConstants.RUNTIME_REFERENCES_STRICT, true);
        engine.setProperty(RuntimeConstants.INPUT_ENCODING, StandardCharsets.UTF_8.name());
        engine.setProperty(RuntimeConstants.EVENTHANDLER_REFERENCEINSERTION, HtmlEscaping.class.getName());
        engine.setProperty(RuntimeConstants.SPACE_GOBBLING, "lines");
        // The plugin's class loader holds the templates; the context class loader may not.
        ClassLoader previous = Thread.currentThread().getContextClassLoader();
        Thread.currentThread().setContextClassLoader(ReportRenderer.class.getClassLoader());
        try {
            engine.init();
        } finally {
            Thread.currentThread().setContextClassLoader(previous);
        }
    }

    /** Builds the pages from the outputs in {@code outputDirectory} and writes them to {@code siteDirectory}. */
    public ReportPages.Overview render(Path outputDirectory, List<String> models, Path siteDirectory, String generated)
            throws FashionMlException, IOException {
        ReportPages.Overview overview = new ReportBuilder(outputDirectory).build(models, siteDirectory, generated);
        write(siteDirectory.resolve("index.html"), "index.vm", overview, null);
        for (ReportPages.ModelPage page : overview.models()) {
            write(siteDirectory.resolve(page.page()), "model.vm", overview, page);
        }
        try (InputStream css = ReportRenderer.class.getClassLoader().getResourceAsStream(TEMPLATES + "report.css")) {
            byte[] bytes = css.readAllBytes();
            AtomicFiles.write(siteDirectory.resolve("report.css"), out -> out.write(bytes));
        }
        return overview;
    }

    private void write(Path target, String template, ReportPages.Overview overview, ReportPages.ModelPage model)
            throws IOException {
        VelocityContext context = new VelocityContext();
        context.put("overview", overview);
        if (model != null) {
            context.put("model", model);
        }
        StringWriter out = new StringWriter();
        ClassLoader previous = Thread.currentThread().getContextClassLoader();
        Thread.currentThread().setContextClassLoader(ReportRenderer.class.getClassLoader());
        try {
            Template t = engine.getTemplate(TEMPLATES + template, StandardCharsets.UTF_8.name());
            t.merge(context, out);
        } finally {
            Thread.currentThread().setContextClassLoader(previous);
        }
        AtomicFiles.writeString(target, out.toString());
    }
}
