package io.github.fashionml.data.folder;

import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class NaturalOrderTest {

    @Test
    void digitRunsCompareAsNumbers() {
        assertEquals(List.of("1", "2", "10", "11"), sorted("10", "2", "11", "1"));
        assertTrue(NaturalOrder.compare("a2", "a10") < 0);
        assertEquals(List.of("img9.png", "img10.png", "img100.png"), sorted("img100.png", "img9.png", "img10.png"));
        // Longer than any long: compared digit by digit, never parsed.
        assertTrue(NaturalOrder.compare("x99", "x123456789012345678901234567890") < 0);
    }

    @Test
    void equalNumbersWithLeadingZerosHaveOneStableOrder() {
        assertTrue(NaturalOrder.compare("2", "02") < 0);
        assertTrue(NaturalOrder.compare("02", "2") > 0);
        assertTrue(NaturalOrder.compare("a2", "a02") < 0);
        // The value decides first; the run length only when everything else ties.
        assertTrue(NaturalOrder.compare("a02b", "a2c") < 0);
        assertTrue(NaturalOrder.compare("a2b", "a02c") < 0);
        assertEquals(List.of("1", "01", "001", "2", "02", "10"), sorted("02", "001", "10", "2", "01", "1"));
        assertEquals(0, NaturalOrder.compare("007", "007"));
    }

    @Test
    void composedAndDecomposedSpellingsAreTheSameName() {
        String composed = "caf\u00e9";
        String decomposed = "cafe\u0301";
        assertEquals(0, NaturalOrder.compare(composed, decomposed));
        assertEquals(composed, NaturalOrder.nfc(decomposed));
        // Unnormalised, "e" + accent would sort before "z"; as é (U+00E9) it sorts after, in both spellings.
        assertTrue(NaturalOrder.compare(decomposed, "cafz") > 0);
        assertTrue(NaturalOrder.compare(composed, "cafz") > 0);
    }

    @Test
    void theRestIsByCodePointNotLocaleNorUtf16Units() {
        assertEquals(List.of("B", "Z", "a", "b"), sorted("b", "a", "Z", "B"));
        String halfwidth = "\uFF61";           // U+FF61
        String emoji = "\uD83D\uDE00";         // U+1F600, a surrogate pair
        assertTrue(halfwidth.compareTo(emoji) > 0, "String.compareTo orders UTF-16 units");
        assertTrue(NaturalOrder.compare(halfwidth, emoji) < 0);
    }

    @Test
    void pathsCompareSegmentBySegment() {
        assertTrue(NaturalOrder.comparePaths("a/z.png", "a-b/x.png") < 0);
        assertTrue(NaturalOrder.comparePaths("cat/2.png", "cat/10.png") < 0);
        assertTrue(NaturalOrder.comparePaths("cat/9/x.png", "cat/10.png") < 0);
        assertTrue(NaturalOrder.comparePaths("cat", "cat/x.png") < 0);
    }

    @Test
    void theOrderIsTotalAndIndependentOfTheInputOrder() {
        List<String> names = new ArrayList<>(List.of("a", "a1", "a01", "a001", "a2", "a10", "a1b", "a01a", "A", "b",
                "caf\u00e9", "x9y", "x09y", "x9", "", "0", "00", "1.2", "1.10", "\uFF61", "\uD83D\uDE00"));
        Random random = new Random(25);
        List<String> first = null;
        for (int round = 0; round < 20; round++) {
            Collections.shuffle(names, random);
            List<String> copy = new ArrayList<>(names);
            copy.sort(NaturalOrder.NAMES);
            if (first == null) {
                first = copy;
            }
            assertEquals(first, copy);
        }
        for (String a : names) {
            for (String b : names) {
                int ab = NaturalOrder.compare(a, b);
                assertEquals(Integer.signum(ab), -Integer.signum(NaturalOrder.compare(b, a)), a + " vs " + b);
                assertEquals(a.equals(b), ab == 0, a + " vs " + b);
            }
        }
    }

    private static List<String> sorted(String... names) {
        List<String> list = new ArrayList<>(List.of(names));
        list.sort(NaturalOrder.NAMES);
        return list;
    }
}
