package io.github.fashionml.data;

import org.junit.jupiter.api.Test;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

class DatasetDescriptionTest {
    @Test
    void theDigestFoldsEachNameAndDigestWhateverTheOrderTheyCameIn() {
        Map<String, String> one = new LinkedHashMap<>();
        one.put("train/a.png", "aa");
        one.put("test/b.png", "bb");
        Map<String, String> other = new LinkedHashMap<>();
        other.put("test/b.png", "bb");
        other.put("train/a.png", "aa");
        assertEquals(DatasetDescription.fold(one), DatasetDescription.fold(other));
        // A renamed file, or a name and digest run together differently, is other content.
        assertNotEquals(DatasetDescription.fold(one), DatasetDescription.fold(Map.of("train/a.png", "aa",
                "test/c.png", "bb")));
        assertNotEquals(DatasetDescription.fold(Map.of("ab", "c")), DatasetDescription.fold(Map.of("a", "bc")));
    }

    @Test
    void fashionMnistIsTenGreyClassesOf28By28() {
        DatasetDescription d = DatasetDescription.fashionMnist(Map.of("train-images", "x"));
        assertEquals(10, d.classCount());
        assertEquals("T-shirt/top", d.classNames().get(0));
        assertEquals(new ImageShape(28, 28, 1), d.shape());
        assertEquals("28x28 grey", d.shape().toString());
        assertEquals(784, d.shape().samples());
    }

    @Test
    void badShapesAndASingleClassAreRefused() {
        assertThrows(IllegalArgumentException.class, () -> new ImageShape(0, 28, 1));
        assertThrows(IllegalArgumentException.class, () -> new ImageShape(28, 28, 4));
        assertThrows(IllegalArgumentException.class,
                () -> new DatasetDescription("one", List.of("only"), ImageShape.FASHION_MNIST, "d"));
    }
}
