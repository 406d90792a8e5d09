package io.github.fashionml.data.folder;

import io.github.fashionml.ConfigurationException;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;

/**
 * Walks the folder: finds its layout and class folders, then lists the images of a class folder (recursively,
 * as Keras and torchvision do). Reads attributes only, never content. Hidden entries are skipped by name,
 * before any stat; symbolic links are followed only when asked, with a guard against cycles.
 */
final class FolderScanner {
    static final String TRAIN = "train";
    static final String TEST = "test";

    private final boolean followLinks;
    private final IndexProgress progress;
    private final SkipCounter skipped;
    /** The folder's own key and those of train/ and test/: a link back to one of them is a cycle too. */
    private final Set<Object> topKeys = new HashSet<>();

    FolderScanner(boolean followLinks, IndexProgress progress, SkipCounter skipped) {
        this.followLinks = followLinks;
        this.progress = progress;
        this.skipped = skipped;
    }

    /** Finds the layout and the class folders of {@code root}, or fails naming what is wrong and the fix. */
    FolderStructure structure(Path root) throws ConfigurationException, IOException {
        if (!Files.isDirectory(root)) {
            throw new ConfigurationException("The image folder " + root + (Files.exists(root) ? " is not a directory"
                    : " does not exist") + ". Point it at a directory with one sub-folder of images per class ("
                    + root + "/<class>/*.png), or with train/<class>/ and test/<class>/ sub-folders.");
        }
        topKeys.add(key(root));
        Listing top = list(root, topKeys);
        Map<String, Child> splits = new LinkedHashMap<>();
        List<String> others = new ArrayList<>();
        for (Child dir : top.dirs) {
            String lower = dir.name.toLowerCase(Locale.ROOT);
            if ((lower.equals(TRAIN) || lower.equals(TEST)) && !splits.containsKey(lower)) {
                splits.put(lower, dir);
            } else {
                others.add(dir.name + "/");
            }
        }
        countLooseFiles(top);
        if (splits.isEmpty()) {
            if (top.dirs.isEmpty()) {
                throw new ConfigurationException("The image folder " + root + " has no class folders"
                        + (skipped.outsideClassFolders > 0 ? " (its " + skipped.outsideClassFolders
                        + " images lie directly in it, without a class)" : "") + ". Put each class's images in a "
                        + "sub-folder named after the class: " + root + "/<class>/*.png.");
            }
            return new FolderStructure(FolderLayout.CLASS_FOLDERS, "", byName(top.dirs), null, new TreeMap<>());
        }
        String present = String.join(" and ", java.util.stream.Stream.of(TRAIN, TEST).filter(splits::containsKey)
                .map(s -> splits.get(s).name + "/").toList());
        if (!others.isEmpty()) {
            throw new ConfigurationException("The image folder " + root + " mixes two layouts: it holds " + present
                    + " and also " + String.join(", ", others) + ". Either move the class folders into train/ and "
                    + "test/ (" + root + "/train/<class>/ and " + root + "/test/<class>/), or remove train/ and "
                    + "test/ and keep every class folder directly in " + root + " to split by testFraction.");
        }
        if (splits.size() == 1) {
            String missing = splits.containsKey(TRAIN) ? "test/" : "train/";
            throw new ConfigurationException("The image folder " + root + " has " + present + " but no " + missing
                    + ". Add " + missing + " with the same class folders, or move the class folders out of " + present
                    + " into " + root + " to split by testFraction.");
        }
        Child train = splits.get(TRAIN);
        Child test = splits.get(TEST);
        topKeys.add(train.key);
        topKeys.add(test.key);
        Listing trainTop = list(train.path, topKeys);
        Listing testTop = list(test.path, topKeys);
        countLooseFiles(trainTop);
        countLooseFiles(testTop);
        return new FolderStructure(FolderLayout.TRAIN_TEST_FOLDERS, train.name + "/", byName(trainTop.dirs),
                test.name + "/", byName(testTop.dirs));
    }

    /** The images below a class folder, in natural order of their relative paths. */
    List<ListedFile> images(Path classFolder, String relative) throws ConfigurationException, IOException {
        List<ListedFile> out = new ArrayList<>();
        Set<Object> ancestors = new HashSet<>(topKeys);
        ancestors.add(key(classFolder));
        collect(classFolder, relative, ancestors, out);
        out.sort((a, b) -> NaturalOrder.comparePaths(a.relativePath(), b.relativePath()));
        return out;
    }

    private void collect(Path dir, String relative, Set<Object> ancestors, List<ListedFile> out)
            throws ConfigurationException, IOException {
        Listing listing = list(dir, ancestors);
        for (Child file : listing.files) {
            if (ImageFileNames.isImage(file.name)) {
                out.add(new ListedFile(relative + "/" + file.name, file.path, file.attributes.size(),
                        file.attributes.lastModifiedTime().to(TimeUnit.NANOSECONDS)));
                progress.listed();
            } else {
                skipped.other(ImageFileNames.extension(file.name));
            }
        }
        for (Child sub : listing.dirs) {
            ancestors.add(sub.key);
            collect(sub.path, relative + "/" + sub.name, ancestors, out);
            ancestors.remove(sub.key);
        }
    }

    /** Files beside the class folders: images there have no class; the rest are other files. */
    private void countLooseFiles(Listing listing) {
        for (Child file : listing.files) {
            if (ImageFileNames.isImage(file.name)) {
                skipped.outsideClassFolders++;
            } else {
                skipped.other(ImageFileNames.extension(file.name));
            }
        }
    }

    private record Child(String name, Path path, BasicFileAttributes attributes, Object key) {
    }

    private record Listing(List<Child> dirs, List<Child> files) {
    }

    /**
     * The visible sub-folders and regular files of one folder, by NFC name in natural order. Counts what it
     * leaves out; {@code ancestors} are the file keys of the folders above (and of {@code dir}), to refuse cycles.
     */
    private Listing list(Path dir, Set<Object> ancestors) throws ConfigurationException, IOException {
        List<Child> dirs = new ArrayList<>();
        List<Child> files = new ArrayList<>();
        Map<String, String> spellings = new TreeMap<>();
        try (DirectoryStream<Path> entries = Files.newDirectoryStream(dir)) {
            for (Path entry : entries) {
                String onDisk = entry.getFileName().toString();
                if (ImageFileNames.isHidden(onDisk)) {
                    skipped.hidden++;
                    continue;
                }
                String name = NaturalOrder.nfc(onDisk);
                String clash = spellings.put(name, onDisk);
                if (clash != null) {
                    throw new ConfigurationException("In " + dir + ", '" + clash + "' and '" + onDisk + "' are the "
                            + "same name in two Unicode spellings (composed and decomposed), which every other "
                            + "system shows as one. Rename or remove one of them.");
                }
                BasicFileAttributes attributes = Files.readAttributes(entry, BasicFileAttributes.class,
                        LinkOption.NOFOLLOW_LINKS);
                if (attributes.isSymbolicLink()) {
                    if (!followLinks) {
                        skipped.links++;
                        continue;
                    }
                    try {
                        attributes = Files.readAttributes(entry, BasicFileAttributes.class);
                    } catch (FileSystemException e) {
                        skipped.brokenLinks++;
                        continue;
                    }
                }
                if (attributes.isDirectory()) {
                    Object key = attributes.fileKey() != null ? attributes.fileKey() : entry.toRealPath();
                    if (ancestors.contains(key)) {
                        skipped.linkCycles++;
                        continue;
                    }
                    dirs.add(new Child(name, entry, attributes, key));
                } else if (attributes.isRegularFile()) {
                    files.add(new Child(name, entry, attributes, null));
                } else {
                    skipped.other(SkipCounter.SPECIAL);
                }
            }
        } catch (FileSystemException e) {
            throw new IOException("Cannot list " + dir + " (" + e.getMessage() + "); make it readable or remove it.",
                    e);
        }
        dirs.sort((a, b) -> NaturalOrder.compare(a.name, b.name));
        files.sort((a, b) -> NaturalOrder.compare(a.name, b.name));
        return new Listing(dirs, files);
    }

    private static SortedMap<String, Path> byName(List<Child> dirs) {
        SortedMap<String, Path> folders = new TreeMap<>(NaturalOrder.NAMES);
        for (Child dir : dirs) {
            folders.put(dir.name, dir.path);
        }
        return folders;
    }

    /** A folder's identity (device and inode where the file system has them), to spot a link back to it. */
    private static Object key(Path dir) throws IOException {
        Object key = Files.readAttributes(dir, BasicFileAttributes.class).fileKey();
        return key != null ? key : dir.toRealPath();
    }
}
