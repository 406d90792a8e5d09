package io.github.fashionml.report;

import io.github.fashionml.data.ImageShape;
import io.github.fashionml.data.idx.IdxImages;
import io.github.fashionml.eval.Evaluation;
import io.github.fashionml.data.image.PngWriter;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** Writes the report's test images as PNG files under {@code images/} and describes them as tiles. */
final class ReportImages {
    static final int SAMPLES_PER_CLASS = 8;
    static final int MISCLASSIFIED_SHOWN = 24;

    private final IdxImages images;
    private final byte[] labels;
    private final List<String> classNames;
    private final Path siteDirectory;

    ReportImages(IdxImages images, byte[] labels, List<String> classNames, Path siteDirectory) {
        this.images = images;
        this.labels = labels;
        this.classNames = List.copyOf(classNames);
        this.siteDirectory = siteDirectory;
    }

    /** The first {@value #SAMPLES_PER_CLASS} test images of each class. */
    List<ReportPages.Tile> samples() throws IOException {
        List<ReportPages.Tile> tiles = new ArrayList<>();
        for (int c = 0; c < classNames.size(); c++) {
            int shown = 0;
            for (int i = 0; i < images.count() && shown < SAMPLES_PER_CLASS; i++) {
                if ((labels[i] & 0xFF) == c) {
                    tiles.add(new ReportPages.Tile(write(i), classNames.get(c), "test image " + i));
                    shown++;
                }
            }
        }
        return tiles;
    }

    /** A model's most confident mistakes, at most {@value #MISCLASSIFIED_SHOWN}. */
    List<ReportPages.Tile> misclassified(Evaluation e, List<String> names) throws IOException {
        var s = e.samples();
        List<Integer> wrong = new ArrayList<>();
        for (int i = 0; i < s.count() && i < images.count(); i++) {
            if (!s.correct(i)) {
                wrong.add(i);
            }
        }
        // The most confident mistakes first: the ones worth a look.
        wrong.sort((a, b) -> Float.compare(s.probability()[b], s.probability()[a]) != 0
                ? Float.compare(s.probability()[b], s.probability()[a]) : Integer.compare(a, b));
        List<ReportPages.Tile> tiles = new ArrayList<>();
        for (int i : wrong.subList(0, Math.min(MISCLASSIFIED_SHOWN, wrong.size()))) {
            tiles.add(new ReportPages.Tile(write(i), "actual " + names.get(s.actual()[i]), String.format(Locale.ROOT,
                    "predicted %s (%.1f%%), test image %d", names.get(s.predicted()[i]), 100 * s.probability()[i], i)));
        }
        return tiles;
    }

    /** Writes test image {@code index} once, and returns its path relative to the site. */
    private String write(int index) throws IOException {
        String src = "images/samples/test-" + index + ".png";
        Path target = siteDirectory.resolve(src);
        if (!Files.isRegularFile(target)) {
            int size = images.samplesPerImage();
            byte[] pixels = java.util.Arrays.copyOfRange(images.pixels(), index * size, (index + 1) * size);
            PngWriter.write(pixels, ImageShape.of(images), target);
        }
        return src;
    }
}
