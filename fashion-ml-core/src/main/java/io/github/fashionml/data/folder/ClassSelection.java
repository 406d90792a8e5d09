package io.github.fashionml.data.folder;

import io.github.fashionml.ConfigurationException;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Which classes a folder has, in index order. Without {@code classNames}: every class folder, in natural order;
 * with them: those folders in that order. Train and test share that one index. Each problem is collected, so one
 * run names them all.
 */
final class ClassSelection {
    private ClassSelection() {
    }

    /**
     * The class names in index order; class folders left out are added to {@code skipped}. Emptiness is checked
     * after the walk, by {@link #requireImages}.
     */
    static List<String> choose(Path root, FolderStructure structure, List<String> requested, SkipCounter skipped)
            throws ConfigurationException {
        Set<String> train = structure.trainClasses().keySet();
        Set<String> test = structure.testClasses().keySet();
        boolean split = structure.layout() == FolderLayout.TRAIN_TEST_FOLDERS;
        List<String> problems = new ArrayList<>();
        List<String> classes;
        if (requested == null) {
            classes = List.copyOf(train);
            if (split) {
                for (String name : train) {
                    if (!test.contains(name)) {
                        problems.add("class '" + name + "' has a folder in " + structure.trainPrefix() + " but none in "
                                + structure.testPrefix() + ": add " + structure.testPrefix() + name + "/ with images, "
                                + "remove " + structure.trainPrefix() + name + "/, or choose the classes with classNames");
                    }
                }
                for (String name : test) {
                    if (!train.contains(name)) {
                        problems.add("class '" + name + "' has a folder in " + structure.testPrefix() + " but none in "
                                + structure.trainPrefix() + ": add " + structure.trainPrefix() + name + "/ with images, "
                                + "remove " + structure.testPrefix() + name + "/, or choose the classes with classNames");
                    }
                }
            }
            if (problems.isEmpty() && classes.size() < 2) {
                problems.add(classes.isEmpty()
                        ? structure.trainPrefix() + " has no class folders: put each class's images in "
                        + structure.trainPrefix() + "<class>/ and " + structure.testPrefix() + "<class>/"
                        : "there is only one class folder, '" + classes.get(0) + "/', and a classifier needs at least "
                        + "two: add a folder of images for each other class");
            }
        } else {
            Set<String> names = new LinkedHashSet<>();
            for (String name : requested) {
                String nfc = NaturalOrder.nfc(name);
                if (!names.add(nfc)) {
                    problems.add("classNames lists '" + name + "' twice: list each class once");
                }
            }
            classes = List.copyOf(names);
            if (classes.size() < 2) {
                problems.add("classNames lists " + (classes.isEmpty() ? "no class" : "only '" + classes.get(0) + "'")
                        + ", and a classifier needs at least two: list two or more class folders, or leave "
                        + "classNames unset to use every class folder");
            }
            for (String name : classes) {
                missingFolder(name, structure.trainPrefix(), train, problems);
                if (split) {
                    missingFolder(name, structure.testPrefix(), test, problems);
                }
            }
            unlisted(structure.trainPrefix(), train, names, skipped);
            if (split) {
                unlisted(structure.testPrefix(), test, names, skipped);
            }
        }
        if (!problems.isEmpty()) {
            throw new ConfigurationException("The image folder " + root + " cannot be used:\n  - "
                    + String.join("\n  - ", problems));
        }
        return classes;
    }

    /** Fails naming every class folder (relative path to its images) that holds no image. */
    static void requireImages(Path root, Map<String, List<ListedFile>> imagesByClassFolder)
            throws ConfigurationException {
        List<String> empty = new ArrayList<>();
        imagesByClassFolder.forEach((folder, images) -> {
            if (images.isEmpty()) {
                empty.add(folder + "/");
            }
        });
        if (!empty.isEmpty()) {
            throw new ConfigurationException("In the image folder " + root + ", the class "
                    + (empty.size() == 1 ? "folder " : "folders ") + String.join(", ", empty) + " hold"
                    + (empty.size() == 1 ? "s" : "") + " no images (" + String.join(", ", ImageFileNames.EXTENSIONS)
                    + ", in any case; hidden files do not count). Add images, or remove the folder"
                    + (empty.size() == 1 ? "" : "s") + (imagesByClassFolder.size() > empty.size()
                    ? " (or choose the other classes with classNames)" : "") + ".");
        }
    }

    private static void missingFolder(String name, String prefix, Set<String> folders, List<String> problems) {
        if (!folders.contains(name)) {
            problems.add("classNames names '" + name + "', which has no folder " + prefix + name + "/ (class folders"
                    + (prefix.isEmpty() ? "" : " in " + prefix) + ": " + (folders.isEmpty() ? "none"
                    : String.join(", ", folders)) + "): add the folder or fix the name");
        }
    }

    private static void unlisted(String prefix, Set<String> folders, Set<String> names, SkipCounter skipped) {
        for (String folder : folders) {
            if (!names.contains(folder)) {
                skipped.unlistedClassFolders.add(prefix + folder + "/");
            }
        }
    }
}
