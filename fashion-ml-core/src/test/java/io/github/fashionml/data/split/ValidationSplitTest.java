package io.github.fashionml.data.split;

import io.github.fashionml.ConfigurationException;
import org.junit.jupiter.api.Test;

import java.util.Arrays;
import java.util.HashSet;
import java.util.Set;
import java.util.SplittableRandom;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ValidationSplitTest {

    /** 58,000 labels with uneven classes (class c has 4,000 + 400 c images), in a shuffled order. */
    private static byte[] unevenLabels() {
        byte[] labels = new byte[0];
        for (int c = 0; c < 10; c++) {
            byte[] more = new byte[4_000 + 400 * c];
            Arrays.fill(more, (byte) c);
            byte[] joined = Arrays.copyOf(labels, labels.length + more.length);
            System.arraycopy(more, 0, joined, labels.length, more.length);
            labels = joined;
        }
        SplittableRandom random = new SplittableRandom(3);
        for (int i = labels.length - 1; i > 0; i--) {
            int j = random.nextInt(i + 1);
            byte t = labels[i];
            labels[i] = labels[j];
            labels[j] = t;
        }
        return labels;
    }

    @Test
    void eachClassKeepsItsShareAndTheSetsAreDisjointAndComplete() throws Exception {
        byte[] labels = unevenLabels();
        ValidationSplit split = ValidationSplit.stratified(labels, 6_000, 42);
        assertEquals(6_000, split.validation().length);
        assertEquals(labels.length - 6_000, split.training().length);
        int[] perClass = new int[10];
        for (int i : split.validation()) {
            perClass[labels[i]]++;
        }
        for (int c = 0; c < 10; c++) {
            long classSize = 4_000 + 400L * c;
            double share = 6_000.0 * classSize / labels.length;
            assertTrue(Math.abs(perClass[c] - share) < 1, "class " + c + ": " + perClass[c] + " held out, share " + share);
        }
        Set<Integer> seen = new HashSet<>();
        for (int i : split.training()) {
            assertTrue(seen.add(i));
        }
        for (int i : split.validation()) {
            assertTrue(seen.add(i), "image " + i + " is in both sets");
        }
        assertEquals(labels.length, seen.size(), "every image is in one set");
        assertTrue(isAscending(split.training()) && isAscending(split.validation()));
    }

    @Test
    void theSameSeedGivesTheSameSplitAndAnotherSeedAnother() throws Exception {
        byte[] labels = unevenLabels();
        ValidationSplit a = ValidationSplit.stratified(labels, 6_000, 42);
        ValidationSplit b = ValidationSplit.stratified(labels, 6_000, 42);
        ValidationSplit c = ValidationSplit.stratified(labels, 6_000, 43);
        assertArrayEquals(a.validation(), b.validation());
        assertEquals(a.summary(), b.summary());
        assertFalse(Arrays.equals(a.validation(), c.validation()));
        assertNotEquals(a.indicesSha256(), c.indicesSha256());
        assertEquals(new ValidationSplit.Summary(6_000, 42, a.indicesSha256()), a.summary());
    }

    @Test
    void sizeZeroHoldsNothingOut() throws Exception {
        ValidationSplit none = ValidationSplit.stratified(unevenLabels(), 0, 1);
        assertEquals(0, none.validation().length);
        assertEquals(58_000, none.training().length);
    }

    @Test
    void aSizeThatDoesNotFitIsRefusedWithTheFix() {
        byte[] labels = unevenLabels();
        ConfigurationException tooLarge = assertThrows(ConfigurationException.class,
                () -> ValidationSplit.stratified(labels, 58_000, 1));
        assertTrue(tooLarge.getMessage().contains("validationSize 58000 does not fit 58000 training images"),
                tooLarge.getMessage());
        assertTrue(tooLarge.getMessage().contains("-Dfashionml.validationSize"), tooLarge.getMessage());
        assertThrows(ConfigurationException.class, () -> ValidationSplit.stratified(labels, -1, 1));

        // Two images of class 9 among twenty: holding out half takes both of them.
        byte[] small = new byte[20];
        small[18] = 9;
        small[19] = 9;
        ConfigurationException empty = assertThrows(ConfigurationException.class,
                () -> ValidationSplit.stratified(small, 19, 1));
        assertTrue(empty.getMessage().contains("holds out all"), empty.getMessage());
        assertTrue(empty.getMessage().contains("leaving none to train on"), empty.getMessage());
    }

    private static boolean isAscending(int[] values) {
        for (int i = 1; i < values.length; i++) {
            if (values[i] <= values[i - 1]) {
                return false;
            }
        }
        return true;
    }
}
