package io.github.fashionml.data.folder;

import java.util.ArrayList;
import java.util.List;
import java.util.TreeMap;

/** The running counts behind {@link SkippedEntries}, filled while the folder is walked. */
final class SkipCounter {
    static final String SPECIAL = "(special)";

    int hidden;
    final TreeMap<String, Integer> otherByExtension = new TreeMap<>();
    int links;
    int brokenLinks;
    int linkCycles;
    int outsideClassFolders;
    final List<String> unlistedClassFolders = new ArrayList<>();

    void other(String extension) {
        otherByExtension.merge(extension, 1, Integer::sum);
    }

    SkippedEntries snapshot() {
        return new SkippedEntries(hidden, otherByExtension, links, brokenLinks, linkCycles, outsideClassFolders,
                unlistedClassFolders);
    }
}
