package io.github.fashionml.data.preprocess;

import io.github.fashionml.data.idx.IdxImages;
import org.junit.jupiter.api.Test;

import java.util.Arrays;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

class PreprocessorTest {

    private static IdxImages twoImages() {
        byte[] pixels = new byte[2 * 784];
        pixels[0] = (byte) 255;
        pixels[1] = (byte) 51;
        pixels[784] = 0;
        pixels[785] = (byte) 102;
        return new IdxImages(2, 28, 28, pixels);
    }

    @Test
    void scalesToUnitRangeAndOneHotEncodes() {
        PreparedSet set = Preprocessor.prepare(twoImages(), new byte[] {3, 9}, Layout.CNN, null);
        assertEquals(1f, set.features()[0]);
        assertEquals(0.2f, set.features()[1], 1e-6);
        assertEquals(0.4f, set.features()[785], 1e-6);
        assertArrayEquals(new long[] {2, 28, 28, 1}, set.shape());
        float[] first = Arrays.copyOfRange(set.oneHotLabels(), 0, 10);
        float[] second = Arrays.copyOfRange(set.oneHotLabels(), 10, 20);
        assertArrayEquals(new float[] {0, 0, 0, 1, 0, 0, 0, 0, 0, 0}, first);
        assertArrayEquals(new float[] {0, 0, 0, 0, 0, 0, 0, 0, 0, 1}, second);
    }

    @Test
    void denseLayoutIsFlat() {
        PreparedSet set = Preprocessor.prepare(twoImages(), new byte[] {3, 9}, Layout.DNN, null);
        assertArrayEquals(new long[] {2, 784}, set.shape());
        assertEquals(784, set.featuresPerImage());
    }

    @Test
    void standardisationCentresEachPixelOnTheTrainingMean() {
        IdxImages images = twoImages();
        Standardization s = Standardization.fit(images);
        assertEquals(0.5f, s.mean()[0], 1e-6);
        assertEquals(0.5f, s.std()[0], 1e-6);
        PreparedSet set = Preprocessor.prepare(images, new byte[] {0, 1}, Layout.DNN, s);
        assertEquals(1f, set.features()[0], 1e-6);
        assertEquals(-1f, set.features()[784], 1e-6);
        // A pixel that never varies is centred but not blown up by a zero deviation.
        assertEquals(0f, set.features()[2], 1e-6);
    }

    @Test
    void seededShuffleIsAReproduciblePermutation() {
        int[] a = Preprocessor.permutation(1000, 42);
        int[] b = Preprocessor.permutation(1000, 42);
        int[] c = Preprocessor.permutation(1000, 43);
        assertArrayEquals(a, b);
        assertFalse(Arrays.equals(a, c));
        int[] sorted = a.clone();
        Arrays.sort(sorted);
        for (int i = 0; i < sorted.length; i++) {
            assertEquals(i, sorted[i]);
        }
    }

    @Test
    void aBatchInAShuffledOrderKeepsImagesWithTheirLabels() {
        float[] features = Preprocessor.features(twoImages(), new int[] {1, 0}, 0, 1, null);
        assertEquals(784, features.length);
        assertEquals(0.4f, features[1], 1e-6);
        assertArrayEquals(new float[] {0, 0, 0, 0, 0, 0, 0, 0, 0, 1},
                Preprocessor.oneHot(new byte[] {3, 9}, new int[] {1, 0}, 0, 1, 10));
        // The second half of the same order: the first image.
        assertEquals(1f, Preprocessor.features(twoImages(), new int[] {1, 0}, 1, 2, null)[0]);
    }

    @Test
    void batchesGiveTheSameFloatsAsTheWholeSetStandardisedAtOnce() {
        IdxImages images = twoImages();
        Standardization s = Standardization.fit(images);
        float[] whole = Preprocessor.prepare(images, new byte[] {0, 1}, Layout.DNN, s).features();
        float[] second = Preprocessor.features(images, null, 1, 2, s);
        assertArrayEquals(Arrays.copyOfRange(whole, 784, 1568), second);
    }

    @Test
    void colourImagesAreChannelsLastWithOneStatisticPerSample() {
        // One 1x2 RGB image: red then blue; HWC order keeps each pixel's three samples together.
        IdxImages rgb = new IdxImages(1, 1, 2, 3, new byte[] {(byte) 255, 0, 0, 0, 0, (byte) 255});
        PreparedSet cnn = Preprocessor.prepare(rgb, new byte[] {0}, Layout.CNN, null);
        assertArrayEquals(new long[] {1, 1, 2, 3}, cnn.shape());
        assertArrayEquals(new float[] {1, 0, 0, 0, 0, 1}, cnn.features());
        assertArrayEquals(new long[] {1, 6}, Preprocessor.prepare(rgb, new byte[] {0}, Layout.DNN, null).shape());
        assertEquals(6, Standardization.fit(rgb).mean().length);
        assertEquals(255, rgb.sample(0, 0, 1, 2));
        assertEquals(0, rgb.sample(0, 0, 1, 0));
    }
}
