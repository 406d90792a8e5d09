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
        for (int i = 0; i < s.length(); i++) {
            if (s.charAt(i) >= FIRST_NOT_SURELY_NFC) {
                return Normalizer.normalize(s, Normalizer.Form.NFC);
            }
        }
        // The common case, and the one sorting spends its time on: nothing below U+0300 changes under NFC.
        return s;
    }

    /** U+0300, the first combining mark: every character below it is NFC on its own and composes with nothing. */
    private static final char FIRST_NOT_SURELY_NFC = '\u0300';

    public static int compare(String a, String b) {
        String x = nfc(a);
        String y = nfc(b);
        return compareRanges(x, 0, x.length(), y, 0, y.length());
    }

    public static int comparePaths(String a, String b) {
        // '/' composes with nothing, so normalising the whole path normalises each segment.
        String x = nfc(a);
        String y = nfc(b);
        int i = 0;
        int j = 0;
        while (true) {
            int endX = segmentEnd(x, i);
            int endY = segmentEnd(y, j);
            int c = compareRanges(x, i, endX, y, j, endY);
            if (c != 0) {
                return c;
            }
            boolean moreX = endX < x.length();
            boolean moreY = endY < y.length();
            if (!moreX || !moreY) {
                return Boolean.compare(moreX, moreY);
            }
            i = endX + 1;
            j = endY + 1;
        }
    }

    private static int segmentEnd(String s, int start) {
        int slash = s.indexOf('/', start);
        return slash < 0 ? s.length() : slash;
    }

    /** Both passes over {@code x[i, endX)} and {@code y[j, endY)}, which are in NFC. */
    private static int compareRanges(String x, int i, int endX, String y, int j, int endY) {
        int byValue = compareOnce(x, i, endX, y, j, endY, false);
        // Equal values and equal run lengths leave nothing to differ: the ranges are the same.
        return byValue != 0 ? byValue : compareOnce(x, i, endX, y, j, endY, true);
    }

    /** One pass; with {@code byRunLength}, equal-valued digit runs are told apart by length. */
    private static int compareOnce(String x, int i, int endX, String y, int j, int endY, boolean byRunLength) {
        while (i < endX && j < endY) {
            if (isDigit(x.charAt(i)) && isDigit(y.charAt(j))) {
                int runX = runEnd(x, i, endX);
                int runY = runEnd(y, j, endY);
                int c = byRunLength ? Integer.compare(runX - i, runY - j) : compareNumbers(x, i, runX, y, j, runY);
                if (c != 0) {
                    return c;
                }
                i = runX;
                j = runY;
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
        return Boolean.compare(i < endX, j < endY);
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

    private static int runEnd(String s, int start, int limit) {
        int end = start;
        while (end < limit && isDigit(s.charAt(end))) {
            end++;
        }
        return end;
    }
}
