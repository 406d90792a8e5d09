package io.github.fashionml.data.folder;

import io.github.fashionml.util.Sha256;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

class DatasetDigestTest {
    private static final List<String> CLASSES = List.of("cat", "dog");

    @Test
    void theOrderOfTheListsDoesNotMatter() {
        List<IndexedImage> train = new ArrayList<>(List.of(image("cat/1.png", 0), image("cat/2.png", 0),
                image("dog/10.png", 1)));
        List<IndexedImage> test = List.of(image("dog/3.png", 1));
        String digest = DatasetDigest.of(CLASSES, train, test, "");
        Collections.reverse(train);
        assertEquals(digest, DatasetDigest.of(CLASSES, train, test, ""));
    }

    @Test
    void everythingTheNetworkSeesChangesIt() {
        List<IndexedImage> train = List.of(image("cat/1.png", 0), image("dog/2.png", 1));
        List<IndexedImage> test = List.of(image("dog/3.png", 1));
        String digest = DatasetDigest.of(CLASSES, train, test, "grey 28x28");
        // renamed
        assertNotEquals(digest, DatasetDigest.of(CLASSES, List.of(renamed(train.get(0), "cat/1b.png"), train.get(1)),
                test, "grey 28x28"));
        // edited
        assertNotEquals(digest, DatasetDigest.of(CLASSES, List.of(new IndexedImage("cat/1.png", 0,
                Sha256.of("other".getBytes(StandardCharsets.UTF_8)), 5, null), train.get(1)), test, "grey 28x28"));
        // moved to the other side
        assertNotEquals(digest, DatasetDigest.of(CLASSES, List.of(train.get(0)), List.of(train.get(1), test.get(0)),
                "grey 28x28"));
        // other settings, class names, class order
        assertNotEquals(digest, DatasetDigest.of(CLASSES, train, test, "rgb 32x32"));
        assertNotEquals(digest, DatasetDigest.of(List.of("cat", "dogs"), train, test, "grey 28x28"));
        assertNotEquals(digest, DatasetDigest.of(List.of("dog", "cat"), List.of(relabelled(train.get(0), 1),
                relabelled(train.get(1), 0)), List.of(relabelled(test.get(0), 0)), "grey 28x28"));
    }

    @Test
    void fieldsAreLengthPrefixedSoBoundariesCannotShift() {
        List<IndexedImage> none = List.of();
        assertNotEquals(DatasetDigest.of(List.of("ab", "c"), none, none, ""),
                DatasetDigest.of(List.of("a", "bc"), none, none, ""));
        assertNotEquals(DatasetDigest.of(List.of("a", "b"), none, none, "x"),
                DatasetDigest.of(List.of("a", "b"), none, none, ""));
    }

    private static IndexedImage image(String path, int classIndex) {
        return new IndexedImage(path, classIndex, Sha256.of(path.getBytes(StandardCharsets.UTF_8)), path.length(),
                Path.of("/elsewhere", path));
    }

    private static IndexedImage renamed(IndexedImage image, String path) {
        return new IndexedImage(path, image.classIndex(), image.sha256(), image.size(), image.file());
    }

    private static IndexedImage relabelled(IndexedImage image, int classIndex) {
        return new IndexedImage(image.relativePath(), classIndex, image.sha256(), image.size(), image.file());
    }
}
