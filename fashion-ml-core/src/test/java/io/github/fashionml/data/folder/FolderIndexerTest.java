package io.github.fashionml.data.folder;

import io.github.fashionml.ConfigurationException;
import io.github.fashionml.util.ProgressLog;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;

import static io.github.fashionml.data.folder.ImageFolders.paths;
import static io.github.fashionml.data.folder.ImageFolders.write;
import static io.github.fashionml.data.folder.ImageFolders.writeAll;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class FolderIndexerTest {
    @TempDir
    Path tmp;

    private final List<String> log = new ArrayList<>();

    private IndexedFolder index(FolderIndexOptions options) throws Exception {
        return new FolderIndexer(ProgressLog.into(log)).index(options);
    }

    /** 3 classes of 40 images each, the names chosen to sort differently as text and naturally. */
    private static List<String> threeClasses() {
        List<String> paths = new ArrayList<>();
        for (String c : List.of("class10", "class2", "class1")) {
            for (int i = 0; i < 40; i++) {
                paths.add(c + "/img" + i + ".png");
            }
        }
        return paths;
    }

    @Test
    void classesInNaturalOrderFilesByClassThenPathAndATestShareByContent() throws Exception {
        Path dir = tmp.resolve("data");
        writeAll(dir, threeClasses());
        IndexedFolder folder = index(FolderIndexOptions.of(dir));
        assertEquals(FolderLayout.CLASS_FOLDERS, folder.layout());
        assertEquals(List.of("class1", "class2", "class10"), folder.classNames());
        assertEquals(0.2, folder.testFraction());
        assertEquals(120, folder.train().size() + folder.test().size());
        assertTrue(folder.test().size() > 10 && folder.test().size() < 40, "test " + folder.test().size());
        for (List<IndexedImage> side : List.of(folder.train(), folder.test())) {
            List<IndexedImage> sorted = new ArrayList<>(side);
            sorted.sort(java.util.Comparator.comparingInt(IndexedImage::classIndex)
                    .thenComparing(IndexedImage::relativePath, NaturalOrder.PATHS));
            assertEquals(sorted, side);
        }
        IndexedImage first = folder.train().get(0);
        assertTrue(first.relativePath().startsWith("class1/img"), first.relativePath());
        assertEquals(0, first.classIndex());
        assertEquals(io.github.fashionml.util.Sha256.of(Files.readAllBytes(first.file())), first.sha256());
        assertEquals(Files.size(first.file()), first.size());
        for (IndexedImage image : folder.test()) {
            assertTrue(ContentSplit.isTest(image.sha256(), 0.2));
        }
        assertTrue(folder.skipped().isEmpty());
        assertTrue(folder.duplicates().isEmpty());
    }

    @Test
    void foldersCreatedInDifferentOrdersGiveTheSameClassesSplitsAndDigest() throws Exception {
        Path a = tmp.resolve("a");
        Path b = tmp.resolve("b");
        List<String> files = threeClasses();
        writeAll(a, files);
        List<String> shuffled = new ArrayList<>(files);
        Collections.shuffle(shuffled, new Random(7));
        long second = 1_500_000_000L;
        for (String path : shuffled) {
            Path file = write(b, path, "image " + path);
            Files.setLastModifiedTime(file, FileTime.from(Instant.ofEpochSecond(second++)));
        }
        IndexedFolder first = index(FolderIndexOptions.of(a).withSettings("grey 28x28"));
        IndexedFolder other = index(FolderIndexOptions.of(b).withSettings("grey 28x28"));
        assertEquals(first.classNames(), other.classNames());
        assertEquals(paths(first.train()), paths(other.train()));
        assertEquals(paths(first.test()), paths(other.test()));
        assertEquals(first.digest(), other.digest());
        assertNotEquals(first.digest(), index(FolderIndexOptions.of(b).withSettings("rgb")).digest());
    }

    @Test
    void renamingAFileChangesTheDigest() throws Exception {
        Path dir = tmp.resolve("data");
        writeAll(dir, threeClasses());
        String before = index(FolderIndexOptions.of(dir)).digest();
        Files.move(dir.resolve("class2/img3.png"), dir.resolve("class2/img3b.png"));
        assertNotEquals(before, index(FolderIndexOptions.of(dir)).digest());
    }

    @Test
    void addingAFileMovesNoOtherFileBetweenTrainAndTest() throws Exception {
        Path dir = tmp.resolve("data");
        writeAll(dir, threeClasses());
        IndexedFolder before = index(FolderIndexOptions.of(dir));
        for (int i = 0; i < 10; i++) {
            write(dir, "class2/new" + i + ".png", "new image " + i);
        }
        Files.delete(dir.resolve("class1/img0.png"));
        IndexedFolder after = index(FolderIndexOptions.of(dir));
        Set<String> trainAfter = new HashSet<>(paths(after.train()));
        Set<String> testAfter = new HashSet<>(paths(after.test()));
        for (String path : paths(before.train())) {
            assertTrue(trainAfter.contains(path) || path.equals("class1/img0.png"), path + " left train");
        }
        for (String path : paths(before.test())) {
            assertTrue(testAfter.contains(path) || path.equals("class1/img0.png"), path + " left test");
        }
        assertEquals(129, after.train().size() + after.test().size());
    }

    @Test
    void identicalFilesLandOnTheSameSideEvenUnderTwoClasses() throws Exception {
        Path dir = tmp.resolve("data");
        for (int copy = 0; copy < 30; copy++) {
            for (String c : List.of("cat", "dog")) {
                write(dir, c + "/copy" + copy + ".png", "the same bytes " + copy % 6);
                write(dir, c + "/own" + copy + ".png", c + " own " + copy);
            }
        }
        IndexedFolder folder = index(FolderIndexOptions.of(dir).withTestFraction(0.5));
        Set<String> trainHashes = new HashSet<>();
        folder.train().forEach(image -> trainHashes.add(image.sha256()));
        for (IndexedImage image : folder.test()) {
            assertFalse(trainHashes.contains(image.sha256()), image.relativePath() + " has a copy in train");
        }
        assertEquals(0, folder.duplicates().acrossSplits());
        assertEquals(6, folder.duplicates().acrossClasses());
        assertEquals(DuplicateReport.EXAMPLES, folder.duplicates().acrossClassesExamples().size());
        assertTrue(log.stream().anyMatch(l -> l.startsWith("6 images under two or more classes")), log.toString());
    }

    @Test
    void trainAndTestFoldersShareOneClassIndexAndReportLeaks() throws Exception {
        Path dir = tmp.resolve("data");
        for (String split : List.of("train", "test")) {
            for (String c : List.of("b", "a", "c")) {
                for (int i = 0; i < 3; i++) {
                    write(dir, split + "/" + c + "/" + i + ".png", split + c + i);
                }
            }
        }
        write(dir, "test/c/leak.png", "trainc1");
        IndexedFolder folder = index(FolderIndexOptions.of(dir));
        assertEquals(FolderLayout.TRAIN_TEST_FOLDERS, folder.layout());
        assertNull(folder.testFraction());
        assertEquals(List.of("a", "b", "c"), folder.classNames());
        assertEquals(9, folder.train().size());
        assertEquals(10, folder.test().size());
        for (List<IndexedImage> side : List.of(folder.train(), folder.test())) {
            for (IndexedImage image : side) {
                String folderName = image.relativePath().split("/")[1];
                assertEquals(folder.classNames().indexOf(folderName), image.classIndex(), image.relativePath());
            }
        }
        assertEquals(1, folder.duplicates().acrossSplits());
        assertEquals(List.of(List.of("test/c/leak.png", "train/c/1.png")), folder.duplicates().acrossSplitsExamples());

        IndexedFolder chosen = index(FolderIndexOptions.of(dir).withClassNames(List.of("c", "a")));
        assertEquals(List.of("c", "a"), chosen.classNames());
        assertEquals("train/c/0.png", chosen.train().get(0).relativePath());
        assertEquals(0, chosen.train().get(0).classIndex());
        assertEquals("test/a/0.png", chosen.test().get(chosen.test().size() - 3).relativePath());
        assertEquals(1, chosen.test().get(chosen.test().size() - 1).classIndex());
        assertEquals(List.of("train/b/", "test/b/"), chosen.skipped().unlistedClassFolders());
    }

    @Test
    void trainAndTestWithADifferentClassIsRefusedNamingIt() throws Exception {
        Path dir = tmp.resolve("data");
        writeAll(dir, List.of("train/a/1.png", "train/b/1.png", "train/c/1.png", "test/a/2.png", "test/b/2.png",
                "test/d/2.png"));
        String message = assertThrows(ConfigurationException.class, () -> index(FolderIndexOptions.of(dir)))
                .getMessage();
        assertTrue(message.contains("class 'c' has a folder in train/ but none in test/: add test/c/"), message);
        assertTrue(message.contains("class 'd' has a folder in test/ but none in train/"), message);
        assertTrue(message.contains("choose the classes with classNames"), message);
        // Choosing the classes both sides have is the way out.
        assertEquals(List.of("a", "b"),
                index(FolderIndexOptions.of(dir).withClassNames(List.of("a", "b"))).classNames());
    }

    @Test
    void aTestFractionWithTrainAndTestFoldersIsIgnoredWithAWarning() throws Exception {
        Path dir = tmp.resolve("data");
        writeAll(dir, List.of("train/a/1.png", "train/b/1.png", "test/a/2.png", "test/b/2.png"));
        IndexedFolder folder = index(FolderIndexOptions.of(dir).withTestFraction(0.3));
        assertEquals(2, folder.test().size());
        assertTrue(log.contains("testFraction 0.3 is ignored: " + dir + " has its own test/ folder."), log.toString());
    }

    @Test
    void classNamesMatchFoldersInEitherUnicodeSpelling() throws Exception {
        Path dir = tmp.resolve("data");
        writeAll(dir, List.of("cafe\u0301/1.png", "the\u0301/2.png", "tea/3.png"));
        IndexedFolder folder = index(FolderIndexOptions.of(dir).withClassNames(List.of("th\u00e9", "caf\u00e9")));
        assertEquals(List.of("th\u00e9", "caf\u00e9"), folder.classNames());
        List<IndexedImage> all = new ArrayList<>(folder.train());
        all.addAll(folder.test());
        assertTrue(paths(all).contains("caf\u00e9/1.png"), paths(all).toString());
        assertEquals(List.of("tea/"), folder.skipped().unlistedClassFolders());
    }

    @Test
    void skippedEntriesAreReportedInTheResult() throws Exception {
        Path dir = tmp.resolve("data");
        writeAll(dir, List.of("cat/1.png", "cat/._1.png", "cat/.DS_Store", "cat/.ipynb_checkpoints/1.png",
                "dog/2.JPG", "dog/notes.txt", "loose.png"));
        Files.createSymbolicLink(dir.resolve("dog/3.png"), dir.resolve("cat/1.png"));
        IndexedFolder folder = index(FolderIndexOptions.of(dir));
        SkippedEntries skipped = folder.skipped();
        assertEquals(3, skipped.hidden());
        assertEquals(java.util.Map.of("txt", 1), skipped.otherByExtension());
        assertEquals(1, skipped.links());
        assertEquals(1, skipped.outsideClassFolders());
        assertEquals("skipped 3 hidden files or folders, 1 other file (txt 1), 1 symbolic link (followLinks is off), "
                + "1 image outside any class folder", skipped.summary());
        IndexedFolder followed = index(FolderIndexOptions.of(dir).withFollowLinks(true));
        assertEquals(0, followed.skipped().links());
        assertEquals(3, followed.train().size() + followed.test().size());
        assertEquals(1, followed.duplicates().acrossClasses(), "the link shows cat/1.png under dog");
    }
}
