package io.github.fashionml.data.folder;

import io.github.fashionml.ConfigurationException;
import io.github.fashionml.util.ProgressLog;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;

import static io.github.fashionml.data.folder.ImageFolders.write;
import static io.github.fashionml.data.folder.ImageFolders.writeAll;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Each user error is a ConfigurationException that names the thing at fault and the fix. */
class FolderIndexErrorsTest {
    @TempDir
    Path tmp;

    private String failure(FolderIndexOptions options) {
        return assertThrows(ConfigurationException.class,
                () -> new FolderIndexer(ProgressLog.silent()).index(options)).getMessage();
    }

    private static void contains(String message, String... parts) {
        for (String part : parts) {
            assertTrue(message.contains(part), "'" + part + "' missing from: " + message);
        }
    }

    @Test
    void aMissingFolder() {
        Path dir = tmp.resolve("nowhere");
        contains(failure(FolderIndexOptions.of(dir)), dir + " does not exist", "one sub-folder of images per class");
    }

    @Test
    void aFileInsteadOfAFolder() throws Exception {
        Path file = write(tmp, "images.zip", "zip");
        contains(failure(FolderIndexOptions.of(file)), file + " is not a directory");
    }

    @Test
    void anEmptyFolder() throws Exception {
        Path dir = Files.createDirectories(tmp.resolve("empty"));
        write(dir, ".DS_Store", "x");
        contains(failure(FolderIndexOptions.of(dir)), dir + " has no class folders",
                "sub-folder named after the class");
    }

    @Test
    void imagesWithoutClassFolders() throws Exception {
        Path dir = tmp.resolve("flat");
        writeAll(dir, List.of("1.png", "2.png"));
        contains(failure(FolderIndexOptions.of(dir)), "has no class folders (its 2 images lie directly in it");
    }

    @Test
    void aSingleClass() throws Exception {
        Path dir = tmp.resolve("one");
        writeAll(dir, List.of("cat/1.png", "cat/2.png"));
        contains(failure(FolderIndexOptions.of(dir)), "only one class folder, 'cat/'", "at least two",
                "add a folder of images for each other class");
    }

    @Test
    void anEmptyClassFolder() throws Exception {
        Path dir = tmp.resolve("data");
        writeAll(dir, List.of("cat/1.png", "dog/2.png", "bird/notes.txt", "bird/._1.png"));
        contains(failure(FolderIndexOptions.of(dir)), "the class folder bird/ holds no images",
                "png, jpg, jpeg, bmp, gif", "Add images, or remove the folder");
    }

    @Test
    void anEmptyClassFolderOnTheTestSide() throws Exception {
        Path dir = tmp.resolve("data");
        writeAll(dir, List.of("train/cat/1.png", "train/dog/2.png", "test/cat/3.png"));
        Files.createDirectories(dir.resolve("test/dog"));
        contains(failure(FolderIndexOptions.of(dir)), "the class folder test/dog/ holds no images");
    }

    @Test
    void classNamesWithoutAFolder() throws Exception {
        Path dir = tmp.resolve("data");
        writeAll(dir, List.of("cat/1.png", "dog/2.png"));
        contains(failure(FolderIndexOptions.of(dir).withClassNames(List.of("cat", "cow"))),
                "classNames names 'cow', which has no folder cow/", "class folders: cat, dog",
                "add the folder or fix the name");
    }

    @Test
    void classNamesMissingOnTheTestSide() throws Exception {
        Path dir = tmp.resolve("data");
        writeAll(dir, List.of("train/cat/1.png", "train/dog/2.png", "test/cat/3.png", "test/cow/4.png"));
        contains(failure(FolderIndexOptions.of(dir).withClassNames(List.of("cat", "dog"))),
                "classNames names 'dog', which has no folder test/dog/ (class folders in test/: cat, cow)");
    }

    @Test
    void classNamesOfAnEmptyFolder() throws Exception {
        Path dir = tmp.resolve("data");
        writeAll(dir, List.of("cat/1.png", "dog/2.png", "cow/readme.md"));
        contains(failure(FolderIndexOptions.of(dir).withClassNames(List.of("cat", "cow"))),
                "class folder cow/ holds no images");
    }

    @Test
    void classNamesWithOneClassOrTwiceTheSame() throws Exception {
        Path dir = tmp.resolve("data");
        writeAll(dir, List.of("cat/1.png", "dog/2.png"));
        contains(failure(FolderIndexOptions.of(dir).withClassNames(List.of("cat"))),
                "classNames lists only 'cat'", "at least two");
        contains(failure(FolderIndexOptions.of(dir).withClassNames(List.of("cat", "dog", "cat"))),
                "classNames lists 'cat' twice");
        contains(failure(FolderIndexOptions.of(dir).withClassNames(Arrays.asList("cat", null))),
                "classNames entry 2 is missing");
        contains(failure(FolderIndexOptions.of(dir).withClassNames(List.of("cat", "a/dog"))),
                "classNames entry 2 is 'a/dog'", "no path separators");
    }

    @Test
    void aTestFractionOutsideZeroToOne() throws Exception {
        Path dir = tmp.resolve("data");
        writeAll(dir, List.of("cat/1.png", "dog/2.png"));
        for (double bad : new double[] {0, 1, -0.1, 1.5, Double.NaN}) {
            contains(failure(FolderIndexOptions.of(dir).withTestFraction(bad)), "testFraction is " + bad,
                    "strictly between 0 and 1", "use e.g. 0.2");
        }
    }
}
