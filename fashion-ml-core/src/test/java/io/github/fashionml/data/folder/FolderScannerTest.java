package io.github.fashionml.data.folder;

import io.github.fashionml.ConfigurationException;
import io.github.fashionml.util.ProgressLog;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import static io.github.fashionml.data.folder.ImageFolders.write;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class FolderScannerTest {
    @TempDir
    Path root;

    private final SkipCounter skipped = new SkipCounter();

    private FolderScanner scanner(boolean followLinks) {
        return new FolderScanner(followLinks, new IndexProgress(root.toString(), ProgressLog.silent(), System::nanoTime),
                skipped);
    }

    private List<String> images(FolderScanner scanner, String classFolder) throws Exception {
        return scanner.images(root.resolve(classFolder), classFolder).stream().map(ListedFile::relativePath).toList();
    }

    @Test
    void classFoldersInNaturalOrderAndImagesOfAnyCaseRecursively() throws Exception {
        for (String path : List.of("class10/a.PNG", "class2/b.Jpeg", "class1/c.jpg", "class1/d.BMP", "class1/e.gif",
                "class1/sub/img10.png", "class1/sub/img9.png", "class1/f.webp")) {
            write(root, path, path);
        }
        FolderScanner scanner = scanner(false);
        FolderStructure structure = scanner.structure(root);
        assertEquals(FolderLayout.CLASS_FOLDERS, structure.layout());
        assertEquals(List.of("class1", "class2", "class10"), List.copyOf(structure.trainClasses().keySet()));
        assertEquals(List.of("class1/c.jpg", "class1/d.BMP", "class1/e.gif", "class1/sub/img9.png",
                "class1/sub/img10.png"), images(scanner, "class1"));
        assertEquals(Map.of("webp", 1), skipped.snapshot().otherByExtension());
    }

    @Test
    void hiddenEntriesAreSkippedByNameAndCounted() throws Exception {
        write(root, "cat/1.png", "1");
        write(root, "cat/._1.png", "AppleDouble");
        write(root, "cat/.DS_Store", "x");
        write(root, "cat/.ipynb_checkpoints/1-checkpoint.png", "copy");
        write(root, "dog/2.png", "2");
        write(root, ".DS_Store", "x");
        write(root, ".git/HEAD", "ref");
        FolderScanner scanner = scanner(false);
        FolderStructure structure = scanner.structure(root);
        assertEquals(List.of("cat", "dog"), List.copyOf(structure.trainClasses().keySet()));
        assertEquals(List.of("cat/1.png"), images(scanner, "cat"));
        SkippedEntries counted = skipped.snapshot();
        assertEquals(5, counted.hidden(), "a hidden folder counts once, its contents unread");
        assertTrue(counted.summary().contains("5 hidden files or folders"), counted.summary());
        assertEquals(Map.of(), counted.otherByExtension());
    }

    @Test
    void otherFilesAndLooseImagesAreCountedSeparately() throws Exception {
        write(root, "README.md", "read me");
        write(root, "LICENSE", "MIT");
        write(root, "stray.png", "no class");
        write(root, "cat/1.png", "1");
        write(root, "cat/notes.TXT", "n");
        write(root, "dog/labels.csv", "c");
        write(root, "dog/2.png", "2");
        FolderScanner scanner = scanner(false);
        scanner.structure(root);
        images(scanner, "cat");
        images(scanner, "dog");
        SkippedEntries counted = skipped.snapshot();
        assertEquals(Map.of("(none)", 1, "csv", 1, "md", 1, "txt", 1), counted.otherByExtension());
        assertEquals(1, counted.outsideClassFolders());
        assertEquals("skipped 4 other files ((none) 1, csv 1, md 1, txt 1), 1 image outside any class folder",
                counted.summary());
    }

    @Test
    void symbolicLinksAreSkippedAndCountedUnlessFollowed() throws Exception {
        Path outside = Files.createDirectories(root.resolve("../outside-" + root.getFileName()).normalize());
        try {
            write(outside, "far/9.png", "far");
            write(outside, "10.png", "ten");
            Path data = Files.createDirectories(root.resolve("data"));
            write(data, "cat/1.png", "1");
            write(data, "dog/2.png", "2");
            Files.createSymbolicLink(data.resolve("cat/10.png"), outside.resolve("10.png"));
            Files.createSymbolicLink(data.resolve("cat/far"), outside.resolve("far"));
            Files.createSymbolicLink(data.resolve("bird"), outside.resolve("far"));

            FolderScanner plain = new FolderScanner(false, progress(), skipped);
            assertEquals(List.of("cat", "dog"), List.copyOf(plain.structure(data).trainClasses().keySet()));
            assertEquals(List.of("cat/1.png"), relative(plain.images(data.resolve("cat"), "cat")));
            assertEquals(3, skipped.snapshot().links());

            SkipCounter followedSkips = new SkipCounter();
            FolderScanner following = new FolderScanner(true, progress(), followedSkips);
            assertEquals(List.of("bird", "cat", "dog"), List.copyOf(following.structure(data).trainClasses().keySet()));
            assertEquals(List.of("cat/1.png", "cat/10.png", "cat/far/9.png"),
                    relative(following.images(data.resolve("cat"), "cat")));
            assertEquals(0, followedSkips.snapshot().links());
        } finally {
            deleteTree(outside);
        }
    }

    @Test
    void followedLinksBackUpTheTreeAreCyclesNotWalked() throws Exception {
        write(root, "cat/1.png", "1");
        write(root, "cat/sub/2.png", "2");
        write(root, "dog/3.png", "3");
        Files.createSymbolicLink(root.resolve("cat/sub/loop"), root.resolve("cat"));
        Files.createSymbolicLink(root.resolve("cat/sub/top"), root);
        Files.createSymbolicLink(root.resolve("cat/broken.png"), root.resolve("missing.png"));
        FolderScanner scanner = scanner(true);
        scanner.structure(root);
        assertEquals(List.of("cat/1.png", "cat/sub/2.png"), images(scanner, "cat"));
        assertEquals(2, skipped.snapshot().linkCycles());
        assertEquals(1, skipped.snapshot().brokenLinks());
    }

    @Test
    void trainAndTestFoldersInAnyCaseMakeTheSplitLayout() throws Exception {
        write(root, "Train/cat/1.png", "1");
        write(root, "Train/dog/2.png", "2");
        write(root, "TEST/cat/3.png", "3");
        write(root, "TEST/dog/4.png", "4");
        FolderStructure structure = scanner(false).structure(root);
        assertEquals(FolderLayout.TRAIN_TEST_FOLDERS, structure.layout());
        assertEquals("Train/", structure.trainPrefix());
        assertEquals("TEST/", structure.testPrefix());
        assertEquals(List.of("cat", "dog"), List.copyOf(structure.testClasses().keySet()));
    }

    @Test
    void aFolderMixingTheLayoutsIsRefusedNamingTheFix() throws Exception {
        write(root, "train/cat/1.png", "1");
        write(root, "test/cat/2.png", "2");
        write(root, "dog/3.png", "3");
        String message = assertThrows(ConfigurationException.class, () -> scanner(false).structure(root)).getMessage();
        assertTrue(message.contains("mixes two layouts: it holds train/ and test/ and also dog/"), message);
        assertTrue(message.contains("move the class folders into train/ and test/"), message);
        assertTrue(message.contains("split by testFraction"), message);
    }

    @Test
    void trainWithoutTestIsRefusedNamingTheFix() throws Exception {
        write(root, "train/cat/1.png", "1");
        write(root, "train/dog/2.png", "2");
        String message = assertThrows(ConfigurationException.class, () -> scanner(false).structure(root)).getMessage();
        assertTrue(message.contains("has train/ but no test/. Add test/ with the same class folders"), message);
    }

    @Test
    void namesEqualAfterNfcInOneFolderAreRefused() throws Exception {
        write(root, "caf\u00e9/1.png", "1");
        write(root, "cafe\u0301/2.png", "2");
        write(root, "dog/3.png", "3");
        String message = assertThrows(ConfigurationException.class, () -> scanner(false).structure(root)).getMessage();
        assertTrue(message.contains("same name in two Unicode spellings"), message);
    }

    @Test
    void decomposedNamesAreIndexedComposedAndStillRead() throws Exception {
        Path file = write(root, "cafe\u0301/the\u0301.png", "tea");
        write(root, "dog/1.png", "1");
        FolderScanner scanner = scanner(false);
        FolderStructure structure = scanner.structure(root);
        assertEquals(List.of("caf\u00e9", "dog"), List.copyOf(structure.trainClasses().keySet()));
        List<ListedFile> listed = scanner.images(structure.trainClasses().get("caf\u00e9"), "caf\u00e9");
        assertEquals("caf\u00e9/th\u00e9.png", listed.get(0).relativePath());
        assertEquals(file, listed.get(0).path());
    }

    private IndexProgress progress() {
        return new IndexProgress(root.toString(), ProgressLog.silent(), System::nanoTime);
    }

    private static List<String> relative(List<ListedFile> files) {
        return files.stream().map(ListedFile::relativePath).toList();
    }

    private static void deleteTree(Path dir) throws IOException {
        try (var paths = Files.walk(dir)) {
            for (Path p : paths.sorted(java.util.Comparator.reverseOrder()).toList()) {
                Files.delete(p);
            }
        }
    }
}
