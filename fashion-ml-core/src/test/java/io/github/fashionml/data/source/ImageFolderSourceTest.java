package io.github.fashionml.data.source;

import io.github.fashionml.ConfigurationException;
import io.github.fashionml.data.FashionMnistFile;
import io.github.fashionml.data.ImageShape;
import io.github.fashionml.data.idx.IdxImages;
import io.github.fashionml.data.idx.IdxReader;
import io.github.fashionml.data.image.ImageDecodeException;
import io.github.fashionml.util.ProgressLog;
import io.github.fashionml.util.Sha256;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import javax.imageio.ImageIO;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ImageFolderSourceTest {
    /** An mtime well in the past, so the folder index never takes a test image for "racy" and reads it again. */
    private static final FileTime OLD = FileTime.from(Instant.parse("2021-03-04T05:06:07Z"));

    @TempDir
    Path dir;

    private final List<String> lines = new ArrayList<>();

    /** A grey PNG of {@code height x width} whose every pixel is {@code value}. */
    private static Path grey(Path file, int height, int width, int value) throws IOException {
        BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_BYTE_GRAY);
        for (int y = 0; y < height; y++) {
            for (int x = 0; x < width; x++) {
                image.getRaster().setSample(x, y, 0, value);
            }
        }
        return write(file, image);
    }

    private static Path write(Path file, BufferedImage image) throws IOException {
        Files.createDirectories(file.getParent());
        assertTrue(ImageIO.write(image, "png", file.toFile()));
        Files.setLastModifiedTime(file, OLD);
        return file;
    }

    /** train/ and test/ with classes "shirt" (dark) and "shoe" (bright), two training and one test image each. */
    private Path trainTestFolder() throws IOException {
        Path folder = dir.resolve("clothes");
        grey(folder.resolve("train/shirt/1.png"), 4, 3, 10);
        grey(folder.resolve("train/shirt/2.png"), 4, 3, 20);
        grey(folder.resolve("train/shoe/1.png"), 4, 3, 200);
        grey(folder.resolve("train/shoe/10.png"), 4, 3, 220);
        grey(folder.resolve("test/shirt/1.png"), 4, 3, 30);
        grey(folder.resolve("test/shoe/1.png"), 4, 3, 230);
        return folder;
    }

    private static DatasetConfig config(Path folder) {
        return new DatasetConfig(null, folder, List.of(), Map.of());
    }

    private ImageFolderSource source() {
        return new ImageFolderSource(dir.resolve("cache"), ProgressLog.into(lines));
    }

    @Test
    void aFolderBecomesFourIdxFilesWithItsClassesInNaturalOrderAndItsOwnImageSize() throws Exception {
        Path folder = trainTestFolder();
        ResolvedDataset dataset = source().resolve(config(folder));

        assertEquals("clothes", dataset.description().name());
        assertEquals(List.of("shirt", "shoe"), dataset.description().classNames());
        assertEquals(new ImageShape(4, 3, 1), dataset.description().shape());
        IdxImages train = IdxReader.readImages(dataset.path(FashionMnistFile.TRAIN_IMAGES));
        assertEquals(4, train.count());
        // By class, then natural order: 1.png before 10.png.
        assertEquals(List.of(10, 20, 200, 220), List.of(train.pixel(0, 0, 0), train.pixel(1, 3, 2),
                train.pixel(2, 0, 0), train.pixel(3, 0, 0)));
        assertArrayEquals(new byte[] {0, 0, 1, 1}, IdxReader.readLabels(dataset.path(FashionMnistFile.TRAIN_LABELS), 2));
        assertArrayEquals(new byte[] {0, 1}, IdxReader.readLabels(dataset.path(FashionMnistFile.TEST_LABELS), 2));
        IdxImages test = IdxReader.readImages(dataset.path(FashionMnistFile.TEST_IMAGES));
        assertEquals(List.of(30, 230), List.of(test.pixel(0, 0, 0), test.pixel(1, 0, 0)));

        for (FashionMnistFile role : FashionMnistFile.values()) {
            ResolvedFile file = dataset.files().get(role);
            assertEquals(Files.size(file.path()), file.size(), role.key());
            assertEquals(Sha256.of(Files.readAllBytes(file.path())), file.sha256(), role.key());
            assertEquals("image folder " + folder.toAbsolutePath().normalize(), file.source());
        }
    }

    @Test
    void classFoldersAreSplitByContentAndTheFetchEntryPointRecordsTheSet() throws Exception {
        Path folder = dir.resolve("digits");
        for (int i = 0; i < 20; i++) {
            grey(folder.resolve("zero/" + i + ".png"), 5, 5, i);
            grey(folder.resolve("one/" + i + ".png"), 5, 5, 100 + i);
        }
        Path out = dir.resolve("out");
        FetchOptions options = new FetchOptions(null, dir.resolve("cache"), null, List.of(), true,
                Duration.ofSeconds(1), Duration.ofSeconds(1), Map.of());
        DatasetConfig config = new DatasetConfig(null, folder, List.of(), Map.of(), null, null, null, 0.25, null,
                null);
        ResolvedDataset dataset = DatasetResolver.resolveInto(config, options, ProgressLog.into(lines), out);

        assertEquals(List.of("one", "zero"), dataset.description().classNames());
        int train = IdxReader.readLabels(dataset.path(FashionMnistFile.TRAIN_LABELS), 2).length;
        int test = IdxReader.readLabels(dataset.path(FashionMnistFile.TEST_LABELS), 2).length;
        assertEquals(40, train + test);
        assertTrue(test > 0 && train > test, train + " training, " + test + " test images");
        ResolvedDataset recorded = ResolvedDataset.read(out.resolve("dataset.json"));
        assertEquals(dataset.description(), recorded.description());
        assertTrue(lines.stream().anyMatch(l -> l.startsWith("Image folder data set 'digits': 5x5 grey images, 2 "
                + "classes [one, zero]")), String.join("\n", lines));
    }

    @Test
    void anUnchangedFolderIsNotDecodedAgainNorEvenRead() throws Exception {
        Path folder = trainTestFolder();
        ImageFolderSource first = source();
        ResolvedDataset decoded = first.resolve(config(folder));
        assertEquals(6, first.decodedImages());

        // Same size and mtime, other content: only a read would notice, and an unchanged folder is not read.
        Path image = folder.resolve("train/shoe/1.png");
        byte[] garbage = new byte[(int) Files.size(image)];
        Files.write(image, garbage);
        Files.setLastModifiedTime(image, OLD);

        lines.clear();
        ImageFolderSource second = source();
        ResolvedDataset cached = second.resolve(config(folder));
        assertEquals(0, second.decodedImages());
        assertEquals(decoded.description(), cached.description());
        assertEquals(decoded.files(), cached.files());
        assertTrue(lines.stream().anyMatch(l -> l.contains("nothing to decode")), String.join("\n", lines));
    }

    @Test
    void otherSettingsAreDecodedAgainIntoTheirOwnDataSet() throws Exception {
        Path folder = trainTestFolder();
        ResolvedDataset own = source().resolve(config(folder));
        ImageFolderSource resized = source();
        ResolvedDataset larger = resized.resolve(new DatasetConfig(null, folder, List.of(), Map.of(), "8x6", "pad",
                "grayscale", null, null, null));
        assertEquals(6, resized.decodedImages());
        assertEquals(new ImageShape(8, 6, 1), larger.description().shape());
        assertTrue(!own.description().digest().equals(larger.description().digest()));
        assertTrue(!own.path(FashionMnistFile.TRAIN_IMAGES).equals(larger.path(FashionMnistFile.TRAIN_IMAGES)));
    }

    @Test
    void anImageThatCannotBeDecodedFailsNamingItUnlessSkipped() throws Exception {
        Path folder = trainTestFolder();
        Path broken = folder.resolve("train/shirt/3.png");
        Files.writeString(broken, "not a png");
        Files.setLastModifiedTime(broken, OLD);

        ImageDecodeException e = assertThrows(ImageDecodeException.class, () -> source().resolve(config(folder)));
        assertTrue(e.getMessage().contains(broken.getFileName().toString()) && e.getMessage().contains("3.png"),
                e.getMessage());
        assertTrue(e.getMessage().contains("<onCorrupt>skip</onCorrupt>"), e.getMessage());

        lines.clear();
        ResolvedDataset dataset = source().resolve(new DatasetConfig(null, folder, List.of(), Map.of(), null, null,
                null, null, "skip", null));
        assertEquals(4, IdxReader.readLabels(dataset.path(FashionMnistFile.TRAIN_LABELS), 2).length);
        assertTrue(lines.stream().anyMatch(l -> l.contains("Left out 1 image that cannot be decoded")
                && l.contains("train/shirt/3.png")), String.join("\n", lines));

        // The cached set left the image out: without skip, it still fails, naming it.
        ImageDecodeException again = assertThrows(ImageDecodeException.class, () -> source().resolve(config(folder)));
        assertTrue(again.getMessage().contains("3.png"), again.getMessage());
    }

    @Test
    void oneColourImageMakesTheSetRgbUnlessGrayscaleIsSet() throws Exception {
        Path folder = trainTestFolder();
        BufferedImage red = new BufferedImage(3, 4, BufferedImage.TYPE_INT_RGB);
        for (int y = 0; y < 4; y++) {
            for (int x = 0; x < 3; x++) {
                red.setRGB(x, y, 0xFF0000);
            }
        }
        write(folder.resolve("train/shirt/red.png"), red);

        ResolvedDataset colour = source().resolve(config(folder));
        assertEquals(new ImageShape(4, 3, 3), colour.description().shape());
        assertTrue(lines.stream().anyMatch(l -> l.contains("1 image in") && l.contains("red.png")
                && l.contains("<colorMode>grayscale</colorMode>")), String.join("\n", lines));
        IdxImages rgb = IdxReader.readImages(colour.path(FashionMnistFile.TRAIN_IMAGES));
        assertEquals(List.of(255, 0, 0), List.of(rgb.sample(2, 0, 0, 0), rgb.sample(2, 0, 0, 1), rgb.sample(2, 0, 0, 2)));
        // The grey images repeat their sample in each channel.
        assertEquals(List.of(10, 10, 10), List.of(rgb.sample(0, 0, 0, 0), rgb.sample(0, 0, 0, 1), rgb.sample(0, 0, 0, 2)));

        ResolvedDataset dataset = source().resolve(new DatasetConfig(null, folder, List.of(), Map.of(), null, null,
                "grayscale", null, null, null));
        IdxImages train = IdxReader.readImages(dataset.path(FashionMnistFile.TRAIN_IMAGES));
        assertEquals(5, train.count());
        assertEquals(1, train.channels());
        // BT.601 luma of pure red: round(0.299 * 255) = 76.
        assertEquals(76, train.pixel(2, 0, 0));
    }

    @Test
    void aDecodeKilledBeforeItsMoveLeavesATemporaryFolderTheNextDecodeDeletes() throws Exception {
        Path folders = dir.resolve("cache/folders");
        Path abandoned = Files.createDirectories(folders.resolve(".0123abcd.42.tmp"));
        Files.write(abandoned.resolve("train-images-idx3-ubyte"), new byte[1000]);
        Files.setLastModifiedTime(abandoned, FileTime.from(Instant.now().minus(ImageFolderSource.ABANDONED_AFTER)
                .minusSeconds(60)));
        // Another build's decode in progress: recent, so it stays.
        Path live = Files.createDirectories(folders.resolve(".4567cdef.43.tmp"));

        source().resolve(config(trainTestFolder()));

        assertFalse(Files.exists(abandoned));
        assertTrue(Files.isDirectory(live));
        assertTrue(lines.stream().anyMatch(l -> l.contains("Deleted 1 temporary folder in " + folders)),
                String.join("\n", lines));
    }

    @Test
    void imagesOfSeveralSizesNeedAnImageSize() throws Exception {
        Path folder = trainTestFolder();
        grey(folder.resolve("train/shoe/big.png"), 8, 8, 128);

        ConfigurationException e = assertThrows(ConfigurationException.class, () -> source().resolve(config(folder)));
        assertTrue(e.getMessage().contains("<imageSize>4x3</imageSize>") && e.getMessage().contains("8x8: 1 image"),
                e.getMessage());

        ResolvedDataset dataset = source().resolve(new DatasetConfig(null, folder, List.of(), Map.of(), "4x3", "crop",
                null, null, null, null));
        assertEquals(new ImageShape(4, 3, 1), dataset.description().shape());
        assertEquals(5, IdxReader.readLabels(dataset.path(FashionMnistFile.TRAIN_LABELS), 2).length);
    }

    @Test
    void anImageInBothTrainAndTestIsReportedAsAWarning() throws Exception {
        Path folder = trainTestFolder();
        grey(folder.resolve("test/shirt/copy.png"), 4, 3, 10); // the same pixels, so the same PNG, as train/shirt/1
        Files.write(folder.resolve("train/.DS_Store"), new byte[] {1});
        ResolvedDataset dataset = source().resolve(config(folder));
        // dataset.json records the notes, for the report.
        Path record = dir.resolve("dataset.json");
        dataset.write(record);
        FolderNotes notes = ResolvedDataset.read(record).folder();
        assertEquals(folder.toString(), notes.directory());
        assertTrue(notes.lines().get(0).startsWith("Skipped 1 hidden file"), notes.lines().toString());
        assertTrue(notes.duplicates().get(0).startsWith("1 image in both train and test"), notes.duplicates().toString());
        assertTrue(lines.stream().anyMatch(l -> l.contains("1 image in both train and test")
                && l.contains("train/shirt/1.png") && l.contains("test/shirt/copy.png")), String.join("\n", lines));
    }

    @Test
    void moreClassesThanAnIdxLabelByteHoldsAreRefused() throws Exception {
        Path folder = dir.resolve("many");
        for (int c = 0; c < ImageFolderSource.MAX_CLASSES + 1; c++) {
            grey(folder.resolve("train/c" + c + "/1.png"), 2, 2, c % 256);
            grey(folder.resolve("test/c" + c + "/1.png"), 2, 2, (c + 1) % 256);
        }
        ConfigurationException e = assertThrows(ConfigurationException.class, () -> source().resolve(config(folder)));
        assertTrue(e.getMessage().contains("257 classes") && e.getMessage().contains("<classNames>"), e.getMessage());
    }

    @Test
    void everyFolderSettingIsCheckedNamingTheParameterAndTheFix() {
        Path folder = dir.resolve("any");
        Map<String, DatasetConfig> bad = Map.of(
                "<imageSize>28x28</imageSize>", folderConfig(folder, "28 by 28", null, null, null, null),
                "<resize>stretch</resize>", folderConfig(folder, null, "squash", null, null, null),
                "<colorMode>grayscale</colorMode>", folderConfig(folder, null, null, "colour", null, null),
                "<testFraction>0.2</testFraction>", folderConfig(folder, null, null, null, 1.5, null),
                "<onCorrupt>skip</onCorrupt>", folderConfig(folder, null, null, null, null, "ignore"),
                "<format>folder</format>", new DatasetConfig("csv", folder, List.of(), Map.of()),
                "remove <sha256>", new DatasetConfig("folder", folder, List.of(), Map.of("train-images", "00")));
        bad.forEach((fix, config) -> {
            ConfigurationException e = assertThrows(ConfigurationException.class, config::check, fix);
            assertTrue(e.getMessage().contains(fix), e.getMessage());
        });
        ConfigurationException zero = assertThrows(ConfigurationException.class,
                folderConfig(folder, "0x28", null, null, null, null)::check);
        assertTrue(zero.getMessage().contains("<dataset><imageSize> is '0x28'"), zero.getMessage());
    }

    private static DatasetConfig folderConfig(Path folder, String imageSize, String resize, String colorMode,
                                              Double testFraction, String onCorrupt) {
        return new DatasetConfig(null, folder, List.of(), Map.of(), imageSize, resize, colorMode, testFraction,
                onCorrupt, null);
    }
}
