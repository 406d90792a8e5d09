package io.github.fashionml.data.folder;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** Groups the images by content and builds the {@link DuplicateReport}. */
final class DuplicateFinder {
    private DuplicateFinder() {
    }

    static DuplicateReport find(List<IndexedImage> train, List<IndexedImage> test) {
        Map<String, Group> bySha = new HashMap<>();
        for (IndexedImage image : train) {
            bySha.computeIfAbsent(image.sha256(), k -> new Group()).add(image, false);
        }
        for (IndexedImage image : test) {
            bySha.computeIfAbsent(image.sha256(), k -> new Group()).add(image, true);
        }
        List<List<String>> acrossSplits = new ArrayList<>();
        List<List<String>> acrossClasses = new ArrayList<>();
        for (Group group : bySha.values()) {
            if (group.inTrain && group.inTest) {
                acrossSplits.add(group.sortedPaths());
            }
            if (group.classes.size() > 1) {
                acrossClasses.add(group.sortedPaths());
            }
        }
        return new DuplicateReport(acrossSplits.size(), firstFew(acrossSplits), acrossClasses.size(),
                firstFew(acrossClasses));
    }

    private static List<List<String>> firstFew(List<List<String>> groups) {
        groups.sort((a, b) -> NaturalOrder.comparePaths(a.get(0), b.get(0)));
        return groups.stream().limit(DuplicateReport.EXAMPLES)
                .map(g -> g.size() <= DuplicateReport.EXAMPLES ? g : g.subList(0, DuplicateReport.EXAMPLES))
                .toList();
    }

    private static final class Group {
        final List<String> paths = new ArrayList<>(2);
        final Set<Integer> classes = new HashSet<>(2);
        boolean inTrain;
        boolean inTest;

        void add(IndexedImage image, boolean test) {
            paths.add(image.relativePath());
            classes.add(image.classIndex());
            inTrain |= !test;
            inTest |= test;
        }

        List<String> sortedPaths() {
            paths.sort(NaturalOrder.PATHS);
            return paths;
        }
    }
}
