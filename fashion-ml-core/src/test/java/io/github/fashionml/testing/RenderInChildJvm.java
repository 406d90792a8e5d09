package io.github.fashionml.testing;

import io.github.fashionml.report.ReportModels;
import io.github.fashionml.report.ReportRenderer;

import java.nio.file.Path;
import java.util.List;

/** Renders the report of {@code args[0]} into {@code args[1]} over and over, until it is killed. */
public final class RenderInChildJvm {
    private RenderInChildJvm() {
    }

    public static void main(String[] args) throws Exception {
        Path outputs = Path.of(args[0]);
        List<String> models = ReportModels.find(outputs);
        for (int n = 1; ; n++) {
            new ReportRenderer().render(outputs, models, Path.of(args[1]), "built 2026-01-01T00:00:00Z");
            System.out.println("RENDERED " + n);
            System.out.flush();
        }
    }
}
