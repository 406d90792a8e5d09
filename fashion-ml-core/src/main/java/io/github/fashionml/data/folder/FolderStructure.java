package io.github.fashionml.data.folder;

import java.nio.file.Path;
import java.util.SortedMap;

/**
 * The folder's layout and its class folders, found before any class folder is walked.
 *
 * @param layout      which layout the folder has
 * @param trainPrefix the train side's relative path prefix: {@code ""}, or {@code "train/"} as spelled on disk
 * @param trainClasses the train side's class folders (all of them for {@link FolderLayout#CLASS_FOLDERS}), by NFC
 *                     name in natural order
 * @param testPrefix  {@code "test/"} as spelled on disk, or {@code null} without test folder
 * @param testClasses the test side's class folders; empty without test folder
 */
record FolderStructure(FolderLayout layout, String trainPrefix, SortedMap<String, Path> trainClasses,
                       String testPrefix, SortedMap<String, Path> testClasses) {
}
