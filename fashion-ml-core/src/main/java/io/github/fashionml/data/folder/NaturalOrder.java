package io.github.fashionml.data.folder;

import java.text.Normalizer;
import java.util.Comparator;

/**
 * The one order of class names and file paths, the same on every OS, file system and locale: runs of ASCII digits
 * compare as numbers ({@code 2} before {@code 10}), everything else by Unicode code point after NFC normalisation
 * (so a name typed on macOS, whose file system hands out NFD, sorts as the same name typed on Linux).
 *
 * <p>Digit runs of equal value but different length ({@code 02} and {@code 2}) compare equal in the first pass;
 * when the whole strings tie that way, the first such run decides, the shorter one first ({@code a2} before
 * {@code a02}). The order is total: only NFC-equal strings compare as 0.
 */
public final class NaturalOrder {
    /** Natural order of single names (class folders, file names). */
    public static final Comparator<String> NAMES = NaturalOrder::compare;

    /**
     * Natural order of relative paths with {@code /} separators, segment by segment, so the files of one folder
     * stay together ({@code a/z.png} before {@code a-b/x.png}, whatever {@code /} and {@code -} code points say).
     */
    public static final Comparator<String> PATHS = NaturalOrder::comparePaths;

    private NaturalOrder() {
    }

    /** NFC: the one spelling every name and path is kept in. */
    public static String nfc(String s) {
        return Normalizer.normalize(s, Normalizer.Form.NFC);
    }

    public static int compare(String a, String b) {
        String x = nfc(a);
        String y = nfc(b);
        int byValue = compareNormalized(x, y, false);
        if (byValue != 0) {
            return byValue;
        }
        // Equal values and equal run lengths leave nothing to differ: the strings are the same.
        return compareNormalized(x, y, true);
    }

    public static int comparePaths(String a, String b) {
        String[] x = a.split("/", -1);
        String[] y = b.split("/", -1);
        for (int i = 0; i < Math.min(x.length, y.length); i++) {
            int c = compare(x[i], y[i]);
            if (c != 0) {
                return c;
            }
        }
        return Integer.compare(x.length, y.length);
    }

    /** One pass over both strings; with {@code byRunLength}, equal-valued digit runs are told apart by length. */
    private static int compareNormalized(String x, String y, boolean byRunLength) {
        int i = 0;
        int j = 0;
        while (i < x.length() && j < y.length()) {
            if (isDigit(x.charAt(i)) && isDigit(y.charAt(j))) {
                int endX = runEnd(x, i);
                int endY = runEnd(y, j);
                int c = byRunLength ? Integer.compare(endX - i, endY - j) : compareNumbers(x, i, endX, y, j, endY);
                if (c != 0) {
                    return c;
                }
                i = endX;
                j = endY;
            } else {
                int cx = x.codePointAt(i);
                int cy = y.codePointAt(j);
                if (cx != cy) {
                    return Integer.compare(cx, cy);
                }
                i += Character.charCount(cx);
                j += Character.charCount(cy);
            }
        }
        return Boolean.compare(i < x.length(), j < y.length());
    }

    /** Compares two digit runs by value, of any length: without leading zeros, the longer run is the larger. */
    private static int compareNumbers(String x, int i, int endX, String y, int j, int endY) {
        while (i < endX - 1 && x.charAt(i) == '0') {
            i++;
        }
        while (j < endY - 1 && y.charAt(j) == '0') {
            j++;
        }
        int byLength = Integer.compare(endX - i, endY - j);
        if (byLength != 0) {
            return byLength;
        }
        for (; i < endX; i++, j++) {
            int c = Character.compare(x.charAt(i), y.charAt(j));
            if (c != 0) {
                return c;
            }
        }
        return 0;
    }

    private static boolean isDigit(char c) {
        return c >= '0' && c <= '9';
    }

    private static int runEnd(String s, int start) {
        int end = start;
        while (end < s.length() && isDigit(s.charAt(end))) {
            end++;
        }
        return end;
    }
}
