package io.github.fashionml.data;

import io.github.fashionml.data.idx.IdxFormatException;
import io.github.fashionml.data.idx.IdxImages;
import io.github.fashionml.data.idx.IdxReader;
import io.github.fashionml.data.idx.IdxWriter;
import io.github.fashionml.testing.TestData;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class FashionMnistDataTest {
    @TempDir
    Path dir;

    @Test
    void loadsTheSubsetAndRecordsDigests() throws IOException {
        ImageDataset data = ImageDataset.load(TestData.subsetDirectory());
        assertEquals(TestData.TRAIN_COUNT, data.trainImages().count());
        assertEquals(TestData.TRAIN_COUNT, data.trainLabels().length);
        assertEquals(TestData.TEST_COUNT, data.testImages().count());
        assertEquals(TestData.subsetContents().get(FashionMnistFile.TRAIN_IMAGES).sha256(),
                data.sha256().get(FashionMnistFile.TRAIN_IMAGES));
        assertFalse(data.isOfficial(), "a subset is not the published dataset");
        ImageDataset smaller = data.subset(10, 5);
        assertEquals(10, smaller.trainImages().count());
        assertEquals(5, smaller.testLabels().length);
    }

    @Test
    void imageAndLabelCountsMustMatch() throws IOException {
        TestData.copySubsetTo(dir);
        byte[] labels = IdxReader.readLabels(dir.resolve("t10k-labels-idx1-ubyte.gz"), 10);
        IdxWriter.writeLabels(dir.resolve("t10k-labels-idx1-ubyte.gz"), java.util.Arrays.copyOf(labels, 60));
        IdxFormatException e = assertThrows(IdxFormatException.class, () -> ImageDataset.load(dir));
        assertTrue(e.getMessage().contains("holds 100 images but"), e.getMessage());
        assertTrue(e.getMessage().contains("holds 60 labels"), e.getMessage());
    }

    @Test
    void imagesMustBe28By28() throws IOException {
        TestData.copySubsetTo(dir);
        IdxWriter.writeImages(dir.resolve("t10k-images-idx3-ubyte.gz"), new IdxImages(100, 32, 32, new byte[100 * 32 * 32]));
        IdxFormatException e = assertThrows(IdxFormatException.class, () -> ImageDataset.load(dir));
        assertTrue(e.getMessage().contains("holds 32x32 grey images"), e.getMessage());
    }

    @Test
    void descriptorMatchesThePublishedDataset() {
        assertEquals(10, FashionMnist.CLASS_NAMES.size());
        assertEquals("Ankle boot", FashionMnist.CLASS_NAMES.get(9));
        assertEquals(47_040_016L, FashionMnistFile.TRAIN_IMAGES.size());
        assertEquals(16 + 60_000L * 784, FashionMnistFile.TRAIN_IMAGES.size());
        assertEquals(8 + 10_000L, FashionMnistFile.TEST_LABELS.size());
        assertEquals("t10k-images-idx3-ubyte.gz", FashionMnistFile.TEST_IMAGES.gzipFileName());
        assertEquals("train-labels", FashionMnistFile.TRAIN_LABELS.key());
    }
}
