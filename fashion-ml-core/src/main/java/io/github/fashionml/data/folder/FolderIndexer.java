package io.github.fashionml.data.folder;

import io.github.fashionml.ConfigurationException;
import io.github.fashionml.util.ProgressLog;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;
import java.util.function.LongSupplier;

/**
 * Indexes a folder of labelled images: finds the layout and classes, lists the images, hashes what the index cache
 * cannot vouch for, assigns the test images, and computes the digest. Reads no pixels; nothing here depends on
 * the order a file system lists entries in. The package documentation has the rules.
 *
 * <p>It logs progress on a large folder and warnings the user should see (an ignored index or test fraction,
 * duplicates, a class left without training or test images); the counts of what was skipped and changed are in
 * the result, for the caller's own summary line.
 */
public final class FolderIndexer {
    private final ProgressLog log;
    private final LongSupplier nanoClock;
    private final LongSupplier wallClockNanos;

    public FolderIndexer(ProgressLog log) {
        this(log, System::nanoTime, FolderIndexer::epochNanos);
    }

    /** With the clocks given: progress intervals ({@link System#nanoTime}) and "now" for racy mtimes (epoch ns). */
    FolderIndexer(ProgressLog log, LongSupplier nanoClock, LongSupplier wallClockNanos) {
        this.log = log;
        this.nanoClock = nanoClock;
        this.wallClockNanos = wallClockNanos;
    }

    /**
     * Indexes {@code options.directory()}; updates the index file when something was read or removed.
     *
     * @throws ConfigurationException the folder or the options cannot make a data set; the message names the
     *                                folder, class or setting at fault and the fix
     * @throws IOException            a folder cannot be listed or an image cannot be read
     */
    public IndexedFolder index(FolderIndexOptions options) throws ConfigurationException, IOException {
        options.check();
        Path root = options.directory().toAbsolutePath().normalize();
        IndexProgress progress = new IndexProgress(root.toString(), log, nanoClock);
        SkipCounter skipped = new SkipCounter();
        FolderScanner scanner = new FolderScanner(options.followLinks(), progress, skipped);

        FolderStructure structure = scanner.structure(root);
        List<String> classes = ClassSelection.choose(root, structure, options.classNames(), skipped);
        boolean split = structure.layout() == FolderLayout.TRAIN_TEST_FOLDERS;
        if (split && options.testFraction() != null) {
            log.warn("testFraction " + options.testFraction() + " is ignored: " + root + " has its own "
                    + structure.testPrefix() + " folder.");
        }
        Map<String, List<ListedFile>> trainFolders = walk(scanner, classes, structure.trainPrefix(),
                structure.trainClasses());
        Map<String, List<ListedFile>> testFolders = split
                ? walk(scanner, classes, structure.testPrefix(), structure.testClasses()) : Map.of();
        Map<String, List<ListedFile>> all = new LinkedHashMap<>(trainFolders);
        all.putAll(testFolders);
        ClassSelection.requireImages(root, all);

        List<ListedFile> files = all.values().stream().flatMap(List::stream).toList();
        Map<String, IndexEntry> previous = IndexFile.load(options.indexFile(), root, log);
        boolean previousIndex = options.indexFile() != null && !previous.isEmpty();
        ContentHasher.Result hashed = new ContentHasher(progress, wallClockNanos).hash(files, previous, previousIndex);
        if (options.indexFile() != null && (hashed.changes().hashed() > 0 || hashed.changes().removed() > 0)) {
            IndexFile.save(options.indexFile(), root, hashed.entries(), log);
        }

        List<IndexedImage> train = new ArrayList<>();
        List<IndexedImage> test = new ArrayList<>();
        for (int c = 0; c < classes.size(); c++) {
            for (ListedFile file : trainFolders.get(structure.trainPrefix() + classes.get(c))) {
                IndexedImage image = image(file, c, hashed);
                (!split && ContentSplit.isTest(image.sha256(), options.effectiveTestFraction()) ? test : train)
                        .add(image);
            }
            if (split) {
                for (ListedFile file : testFolders.get(structure.testPrefix() + classes.get(c))) {
                    test.add(image(file, c, hashed));
                }
            }
        }
        Comparator<IndexedImage> order = Comparator.comparingInt(IndexedImage::classIndex)
                .thenComparing(IndexedImage::relativePath, NaturalOrder.PATHS);
        train.sort(order);
        test.sort(order);
        warnAboutEmptySides(classes, train, test);
        DuplicateReport duplicates = DuplicateFinder.find(train, test);
        duplicates.describe().forEach(log::warn);
        return new IndexedFolder(root, structure.layout(), classes, split ? null : options.effectiveTestFraction(),
                train, test, skipped.snapshot(), duplicates, hashed.changes(),
                DatasetDigest.of(classes, train, test, options.settings()));
    }

    /** The images of each chosen class folder, by the folder's relative path ({@code train/cat}). */
    private static Map<String, List<ListedFile>> walk(FolderScanner scanner, List<String> classes, String prefix,
                                                      SortedMap<String, Path> folders)
            throws ConfigurationException, IOException {
        Map<String, List<ListedFile>> images = new LinkedHashMap<>();
        for (String name : classes) {
            images.put(prefix + name, scanner.images(folders.get(name), prefix + name));
        }
        return images;
    }

    private static IndexedImage image(ListedFile file, int classIndex, ContentHasher.Result hashed) {
        return new IndexedImage(file.relativePath(), classIndex, hashed.sha256(file), file.size(), file.path());
    }

    /**
     * A content-hash split is not stratified: a class of a few images may end up with none on one side. Said, not
     * refused, since a small trial folder is a fair thing to index.
     */
    private void warnAboutEmptySides(List<String> classes, List<IndexedImage> train, List<IndexedImage> test) {
        int[] trainCounts = counts(classes.size(), train);
        int[] testCounts = counts(classes.size(), test);
        for (int c = 0; c < classes.size(); c++) {
            if (trainCounts[c] == 0 || testCounts[c] == 0) {
                log.warn("Class '" + classes.get(c) + "' has " + trainCounts[c] + " training and " + testCounts[c]
                        + " test images: add images to it (the split is by content, so more images fill both sides).");
            }
        }
    }

    private static int[] counts(int classes, List<IndexedImage> images) {
        int[] counts = new int[classes];
        images.forEach(image -> counts[image.classIndex()]++);
        return counts;
    }

    private static long epochNanos() {
        Instant now = Instant.now();
        return now.getEpochSecond() * 1_000_000_000L + now.getNano();
    }
}
