package io.github.fashionml.data.folder;

import java.nio.file.Path;
import java.util.List;

/**
 * A folder of labelled images, indexed: the data set's classes, its train and test images, and what the caller
 * should tell the user.
 *
 * @param directory    the absolute folder indexed
 * @param layout       its layout
 * @param classNames   the class names in index order, shared by train and test
 * @param testFraction the fraction used to split by content, or {@code null} when the folder has its own test/
 * @param train        the training images, by class index, then natural order of relative path
 * @param test         the test images, likewise
 * @param skipped      entries left out, with counts
 * @param duplicates   identical images in both splits or under two classes
 * @param changes      the difference from the previous index, and what was read
 * @param digest       {@link DatasetDigest} of the classes, images and caller's settings
 */
public record IndexedFolder(Path directory, FolderLayout layout, List<String> classNames, Double testFraction,
                            List<IndexedImage> train, List<IndexedImage> test, SkippedEntries skipped,
                            DuplicateReport duplicates, IndexChanges changes, String digest) {

    public IndexedFolder {
        classNames = List.copyOf(classNames);
        train = List.copyOf(train);
        test = List.copyOf(test);
    }
}
