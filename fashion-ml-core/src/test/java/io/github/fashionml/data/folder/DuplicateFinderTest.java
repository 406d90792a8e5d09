package io.github.fashionml.data.folder;

import io.github.fashionml.util.Sha256;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class DuplicateFinderTest {

    @Test
    void reportsContentInBothSplitsAndUnderTwoClasses() {
        List<IndexedImage> train = List.of(image("train/cat/1.png", 0, "A"), image("train/cat/2.png", 0, "B"),
                image("train/dog/9.png", 1, "B"), image("train/dog/3.png", 1, "C"), image("train/dog/4.png", 1, "C"));
        List<IndexedImage> test = List.of(image("test/cat/1.png", 0, "A"), image("test/dog/5.png", 1, "D"));
        DuplicateReport report = DuplicateFinder.find(train, test);
        assertEquals(1, report.acrossSplits());
        assertEquals(List.of(List.of("test/cat/1.png", "train/cat/1.png")), report.acrossSplitsExamples());
        assertEquals(1, report.acrossClasses(), "C twice in one class is not a label conflict");
        assertEquals(List.of(List.of("train/cat/2.png", "train/dog/9.png")), report.acrossClassesExamples());
        List<String> lines = report.describe();
        assertEquals(2, lines.size());
        assertTrue(lines.get(0).startsWith("1 image in both train and test"), lines.get(0));
        assertTrue(lines.get(0).contains("test/cat/1.png = train/cat/1.png"), lines.get(0));
        assertTrue(lines.get(1).contains("train/cat/2.png = train/dog/9.png"), lines.get(1));
    }

    @Test
    void keepsTheFirstFewExamplesInNaturalOrder() {
        List<IndexedImage> train = new ArrayList<>();
        List<IndexedImage> test = new ArrayList<>();
        for (int i = 12; i >= 1; i--) {
            train.add(image("train/a/" + i + ".png", 0, "x" + i));
            test.add(image("test/a/" + i + ".png", 0, "x" + i));
        }
        DuplicateReport report = DuplicateFinder.find(train, test);
        assertEquals(12, report.acrossSplits());
        assertEquals(DuplicateReport.EXAMPLES, report.acrossSplitsExamples().size());
        assertEquals(List.of("test/a/1.png", "train/a/1.png"), report.acrossSplitsExamples().get(0));
        assertEquals(List.of("test/a/5.png", "train/a/5.png"), report.acrossSplitsExamples().get(4));
        assertTrue(report.describe().get(0).endsWith("; ..."), report.describe().get(0));
        assertTrue(DuplicateFinder.find(train, List.of()).isEmpty());
    }

    private static IndexedImage image(String path, int classIndex, String content) {
        return new IndexedImage(path, classIndex, Sha256.of(content.getBytes(StandardCharsets.UTF_8)), 1, null);
    }
}
