package io.github.fashionml.data.source;

import io.github.fashionml.ConfigurationException;
import io.github.fashionml.data.DatasetDescription;
import io.github.fashionml.data.ImageDataset;
import io.github.fashionml.data.ImageShape;
import io.github.fashionml.data.idx.IdxFormatException;
import io.github.fashionml.data.idx.IdxImages;
import io.github.fashionml.data.idx.IdxWriter;
import io.github.fashionml.testing.TestData;
import io.github.fashionml.util.ProgressLog;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Any IDX data set by directory: found by name, verified, and described by its own headers and labels. */
class IdxDirectoryTest {
    private static final List<String> FOUR = List.of("top", "trouser", "pullover", "dress");

    @TempDir
    Path dir;

    /**
     * Four classes of 20x20 images: the Fashion-MNIST subset's images of classes 0-3, cropped to their centre, in
     * files named as EMNIST names them, the test set spelled "test" and left uncompressed.
     */
    private Path fourClassSet(Path target) throws Exception {
        ImageDataset source = ImageDataset.load(TestData.subsetDirectory());
        Files.createDirectories(target);
        write(target, "emnist-mini-train-images-idx3-ubyte", "emnist-mini-train-labels-idx1-ubyte",
                source.trainImages(), source.trainLabels());
        write(target, "test-images-idx3-ubyte", "test-labels-idx1-ubyte", source.testImages(), source.testLabels());
        return target;
    }

    private static void write(Path dir, String images, String labels, IdxImages all, byte[] allLabels)
            throws Exception {
        java.io.ByteArrayOutputStream pixels = new java.io.ByteArrayOutputStream();
        java.io.ByteArrayOutputStream kept = new java.io.ByteArrayOutputStream();
        for (int i = 0; i < all.count(); i++) {
            if ((allLabels[i] & 0xFF) < 4) {
                for (int y = 4; y < 24; y++) {
                    for (int x = 4; x < 24; x++) {
                        pixels.write(all.pixel(i, y, x));
                    }
                }
                kept.write(allLabels[i]);
            }
        }
        byte[] k = kept.toByteArray();
        IdxWriter.writeImages(dir.resolve(images), new IdxImages(k.length, 20, 20, pixels.toByteArray()));
        IdxWriter.writeLabels(dir.resolve(labels), k);
    }

    private static ResolvedDataset resolve(Path directory, List<String> names, Map<String, String> sha256)
            throws Exception {
        return new IdxDirectory(ProgressLog.silent()).resolve(directory, names, sha256);
    }

    @Test
    void anIdxSetIsDescribedByItsOwnHeadersAndLabels() throws Exception {
        Path set = fourClassSet(dir.resolve("mini"));
        ResolvedDataset resolved = resolve(set, FOUR, Map.of());
        DatasetDescription d = resolved.description();
        assertEquals("mini", d.name());
        assertEquals(FOUR, d.classNames());
        assertEquals(new ImageShape(20, 20, 1), d.shape());

        // What training, evaluation and the report load: 20x20 images, labels below four.
        ImageDataset data = ImageDataset.load(resolved.paths(), d.name(), d.classNames());
        assertEquals(d, data.description());
        assertEquals(20, data.trainImages().rows());

        // Recorded and read back, as the later goals read it.
        resolved.write(dir.resolve("dataset.json"));
        assertEquals(resolved, ResolvedDataset.read(dir.resolve("dataset.json")));

        // Without names, the classes are the labels' numbers.
        assertEquals(List.of("0", "1", "2", "3"), resolve(set, List.of(), Map.of()).description().classNames());
    }

    @Test
    void theDigestFollowsTheContentAndTheConfiguredHashesAreChecked() throws Exception {
        Path set = fourClassSet(dir.resolve("mini"));
        ResolvedDataset resolved = resolve(set, FOUR, Map.of());
        String trainImages = resolved.files().get(io.github.fashionml.data.FashionMnistFile.TRAIN_IMAGES).sha256();
        assertEquals(resolved, resolve(set, FOUR, Map.of("train-images", trainImages.toUpperCase())));

        ConfigurationException wrong = assertThrows(ConfigurationException.class,
                () -> resolve(set, FOUR, Map.of("test-labels", "0".repeat(64))));
        assertTrue(wrong.getMessage().contains("but <dataset><sha256><test-labels> expects 000"), wrong.getMessage());
        ConfigurationException unknown = assertThrows(ConfigurationException.class,
                () -> resolve(set, FOUR, Map.of("train-pictures", "0".repeat(64))));
        assertTrue(unknown.getMessage().contains("names 'train-pictures'"), unknown.getMessage());

        Files.write(set.resolve("test-labels-idx1-ubyte"), new byte[] {0, 0, 8, 1, 0, 0, 0, 1, 2});
        assertNotEquals(resolved.description().digest(), resolve(set, FOUR, Map.of()).description().digest());
    }

    @Test
    void eachMistakeIsNamedWithItsFix() throws Exception {
        ConfigurationException missingDir = assertThrows(ConfigurationException.class,
                () -> resolve(dir.resolve("nowhere"), FOUR, Map.of()));
        assertTrue(missingDir.getMessage().contains("directory " + dir.resolve("nowhere") + " does not exist"),
                missingDir.getMessage());

        Path set = fourClassSet(dir.resolve("mini"));
        ConfigurationException tooFew = assertThrows(ConfigurationException.class,
                () -> resolve(set, List.of("top", "trouser", "pullover"), Map.of()));
        assertTrue(tooFew.getMessage().contains("labels go up to 3, but <dataset><classNames> names 3 classes"),
                tooFew.getMessage());
        ConfigurationException twice = assertThrows(ConfigurationException.class,
                () -> resolve(set, List.of("top", "top", "a", "b"), Map.of()));
        assertTrue(twice.getMessage().contains("'top' twice"), twice.getMessage());

        Files.copy(set.resolve("test-images-idx3-ubyte"), set.resolve("t10k-images-idx3-ubyte"));
        ConfigurationException ambiguous = assertThrows(ConfigurationException.class,
                () -> resolve(set, FOUR, Map.of()));
        assertTrue(ambiguous.getMessage().contains("More than one test-images file"), ambiguous.getMessage());
        Files.delete(set.resolve("t10k-images-idx3-ubyte"));

        Files.delete(set.resolve("emnist-mini-train-labels-idx1-ubyte"));
        ConfigurationException missing = assertThrows(ConfigurationException.class,
                () -> resolve(set, FOUR, Map.of()));
        assertTrue(missing.getMessage().contains("No train-labels file in " + set), missing.getMessage());
    }

    @Test
    void trainAndTestImagesOfTwoSizesAreRefused() throws Exception {
        Path set = fourClassSet(dir.resolve("mini"));
        IdxWriter.writeImages(set.resolve("test-images-idx3-ubyte"), new IdxImages(1, 28, 28, new byte[784]));
        IdxFormatException e = assertThrows(IdxFormatException.class, () -> resolve(set, FOUR, Map.of()));
        assertTrue(e.getMessage().contains("holds 28x28 grey images, the training images are 20x20 grey"), e.getMessage());
    }

    @Test
    void theFetchEntryPointRecordsTheConfiguredSetAndRefusesAFormatItDoesNotReadOrAFolderSetting() throws Exception {
        Path set = fourClassSet(dir.resolve("mini"));
        Path out = dir.resolve("out");
        DatasetResolver.resolveInto(new DatasetConfig("IDX", set, FOUR, Map.of()), null, ProgressLog.silent(), out);
        assertEquals(FOUR, ResolvedDataset.read(out.resolve("dataset.json")).description().classNames());

        ConfigurationException unknown = assertThrows(ConfigurationException.class, () -> DatasetResolver.resolveInto(
                new DatasetConfig("csv", set, List.of(), Map.of()), null, ProgressLog.silent(), out));
        assertTrue(unknown.getMessage().contains("<format>idx</format>"), unknown.getMessage());
        ConfigurationException folderSetting = assertThrows(ConfigurationException.class,
                () -> DatasetResolver.resolveInto(new DatasetConfig("idx", set, List.of(), Map.of(), "28x28", null,
                        null, null, null, null), null, ProgressLog.silent(), out));
        assertTrue(folderSetting.getMessage().contains("remove <imageSize>"), folderSetting.getMessage());
        ConfigurationException noDirectory = assertThrows(ConfigurationException.class,
                () -> DatasetResolver.resolveInto(new DatasetConfig("idx", null, List.of(), Map.of()), null,
                        ProgressLog.silent(), out));
        assertTrue(noDirectory.getMessage().contains("but no <directory>"), noDirectory.getMessage());
    }
}
