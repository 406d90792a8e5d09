package io.github.fashionml.data.source;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import io.github.fashionml.ConfigurationException;
import io.github.fashionml.FashionMlException;
import io.github.fashionml.data.DatasetDescription;
import io.github.fashionml.data.FashionMnistFile;
import io.github.fashionml.data.ImageShape;
import io.github.fashionml.data.folder.FolderIndexOptions;
import io.github.fashionml.data.folder.FolderIndexer;
import io.github.fashionml.data.folder.IndexedFolder;
import io.github.fashionml.data.folder.IndexedImage;
import io.github.fashionml.data.idx.IdxImages;
import io.github.fashionml.data.idx.IdxWriter;
import io.github.fashionml.data.image.ColorMode;
import io.github.fashionml.data.image.DecodeSettings;
import io.github.fashionml.data.image.ImageDecodeException;
import io.github.fashionml.data.image.ImageDecoder;
import io.github.fashionml.data.image.ImageInfo;
import io.github.fashionml.util.AtomicFiles;
import io.github.fashionml.util.ProgressLog;
import io.github.fashionml.util.Sha256;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.DirectoryNotEmptyException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Duration;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.LongSupplier;
import java.util.stream.Stream;

/**
 * A folder of labelled grey images as a data set: indexed ({@link FolderIndexer}), decoded once into the four IDX
 * files every later goal reads, and cached, so nothing downstream knows the data came from image files.
 *
 * <p>In the cache ({@code <cacheRoot>/folders/}): per folder (by the SHA-256 of its absolute path) the index file
 * and what probing the images found ({@code probe.json}, for the default size and colour mode); per data set (by
 * the folder's digest folded with the decoding settings) the four IDX files and a {@code manifest.json}. A data set
 * directory appears complete or not at all: it is written under a temporary name and moved into place. So a
 * rebuild of an unchanged folder reads no image: the index checks each file's size and mtime, and the decoded files
 * are found by digest.
 */
public final class ImageFolderSource {
    /** IDX labels are single bytes. */
    static final int MAX_CLASSES = 256;
    /** How many paths a log line lists before "...". */
    private static final int EXAMPLES = 5;
    private static final String MANIFEST = "manifest.json";
    private static final String PROBE = "probe.json";

    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT)
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);

    private final Path cacheRoot;
    private final ProgressLog log;
    private final LongSupplier clock;
    /** How long a decode's temporary folder stays untouched before it counts as abandoned. */
    static final Duration ABANDONED_AFTER = Duration.ofHours(1);
    private int decodedImages;

    /** @param cacheRoot the per-user cache ({@link FetchOptions#cacheRoot()}); decoded folders go under it */
    public ImageFolderSource(Path cacheRoot, ProgressLog log) {
        this(cacheRoot, log, System::nanoTime);
    }

    /** With the clock for progress intervals ({@link System#nanoTime}). */
    ImageFolderSource(Path cacheRoot, ProgressLog log, LongSupplier clock) {
        this.cacheRoot = cacheRoot;
        this.log = log;
        this.clock = clock;
    }

    /** How many images this source decoded so far: the tests' proof that a cached folder is not decoded again. */
    int decodedImages() {
        return decodedImages;
    }

    /** What probing every image found: its sizes (with a count and an example each) and its colour images. */
    record Probe(@JsonProperty("folderDigest") String folderDigest,
                 @JsonProperty("sizes") Map<String, SizeCount> sizes,
                 @JsonProperty("colourImages") int colourImages,
                 @JsonProperty("colourExample") String colourExample) {
    }

    record SizeCount(@JsonProperty("count") int count, @JsonProperty("example") String example) {
    }

    /** A decoded data set in the cache: what it was made from, its files, and the images left out. */
    record Manifest(@JsonProperty("folderDigest") String folderDigest, @JsonProperty("settings") String settings,
                    @JsonProperty("files") Map<String, FileEntry> files,
                    @JsonProperty("skipped") List<String> skipped) {
    }

    record FileEntry(@JsonProperty("sha256") String sha256, @JsonProperty("size") long size) {
    }

    /** One split decoded: its pixels and labels, and the count kept. */
    private record Decoded(IdxImages images, byte[] labels) {
    }

    /**
     * Indexes and (unless the cache has it) decodes {@code config}'s folder.
     *
     * @throws ConfigurationException the folder or the settings cannot make a data set; the message names the
     *                                parameter or file and the fix
     * @throws ImageDecodeException   an image cannot be decoded and {@code onCorrupt} is fail
     */
    public ResolvedDataset resolve(DatasetConfig config) throws FashionMlException, IOException {
        config.check();
        Path directory = config.directory().toAbsolutePath().normalize();
        if (!Files.isDirectory(directory)) {
            throw new ConfigurationException("The image folder " + directory + (Files.exists(directory)
                    ? " is not a directory" : " does not exist") + ". Set <dataset><directory> (or "
                    + "-Dfashionml.dataset.directory) to a folder with one sub-folder of images per class, or with "
                    + "train/ and test/ folders holding them.");
        }
        boolean skipCorrupt = config.skipCorrupt();
        Path folderCache = cacheRoot.resolve("folders")
                .resolve(Sha256.of(directory.toString().getBytes(StandardCharsets.UTF_8)));
        FolderIndexOptions options = FolderIndexOptions.of(directory)
                .withIndexFile(folderCache.resolve("index.json"))
                .withClassNames(config.classNames().isEmpty() ? null : config.classNames())
                .withTestFraction(config.testFraction())
                .withFollowLinks(config.followsLinks());
        IndexedFolder folder = new FolderIndexer(log).index(options);
        log.info(String.format(Locale.ROOT, "Image folder %s: %,d training and %,d test images in %d classes; index: %s",
                directory, folder.train().size(), folder.test().size(), folder.classNames().size(),
                folder.changes().summary()));
        if (!folder.skipped().isEmpty()) {
            log.info(directory + ": " + folder.skipped().summary());
        }
        if (folder.classNames().size() > MAX_CLASSES) {
            throw new ConfigurationException(directory + " has " + folder.classNames().size() + " classes, but the "
                    + "IDX files it is decoded into label with one byte (at most " + MAX_CLASSES + " classes): name up "
                    + "to " + MAX_CLASSES + " class folders in <dataset><classNames>.");
        }

        DecodeSettings settings = decodeSettings(config, folder, folderCache, skipCorrupt);
        String digest = DatasetDescription.fold(Map.of("folder", folder.digest(), "decoding", settings.id()));
        Path decodedDirectory = cacheRoot.resolve("folders").resolve(digest);
        Manifest manifest = cached(decodedDirectory, folder.digest(), settings);
        if (manifest != null) {
            log.info("Image folder " + directory + " is unchanged since it was decoded (" + settings.id()
                    + "): nothing to decode, using " + decodedDirectory);
            if (!manifest.skipped().isEmpty() && !skipCorrupt) {
                throw new ImageDecodeException(directory.resolve(manifest.skipped().get(0)), "was left out as "
                        + "undecodable when <onCorrupt>skip</onCorrupt> was set" + fixForCorrupt());
            }
            logSkipped(manifest.skipped());
        } else {
            manifest = decodeInto(decodedDirectory, directory, folder, settings, skipCorrupt);
        }

        Map<FashionMnistFile, ResolvedFile> files = new EnumMap<>(FashionMnistFile.class);
        for (FashionMnistFile role : FashionMnistFile.values()) {
            FileEntry entry = manifest.files().get(role.key());
            files.put(role, new ResolvedFile(role, decodedDirectory.resolve(role.fileName()), "image folder "
                    + directory, directory.toString(), entry.sha256(), entry.size()));
        }
        String name = directory.getFileName() == null ? directory.toString() : directory.getFileName().toString();
        FolderNotes notes = new FolderNotes(directory.toString(),
                folder.skipped().isEmpty() ? null : folder.skipped().summary(), manifest.skipped(),
                folder.duplicates().describe());
        return new ResolvedDataset(files, new DatasetDescription(name, folder.classNames(),
                new ImageShape(settings.height(), settings.width(), settings.channels()), digest), settings, notes);
    }

    /**
     * The configured size and colour mode, or those the images share. Probing reads each image's header; what it
     * found is kept by the folder's digest, so an unchanged folder is not probed again.
     */
    private DecodeSettings decodeSettings(DatasetConfig config, IndexedFolder folder, Path folderCache,
                                          boolean skipCorrupt) throws FashionMlException, IOException {
        DatasetConfig.ImageSize size = config.imageSizeOrNull();
        ColorMode mode = config.colorModeOrNull();
        if (size == null || mode == null) {
            Probe probe = probe(folder, folderCache, skipCorrupt);
            if (mode == null) {
                mode = probe.colourImages() > 0 ? ColorMode.RGB : ColorMode.GRAYSCALE;
                if (mode == ColorMode.RGB) {
                    log.info(String.format(Locale.ROOT, "%,d image%s in %s %s in colour (e.g. %s), so the images are "
                                    + "decoded as RGB; set <colorMode>grayscale</colorMode> to convert them to grey",
                            probe.colourImages(), probe.colourImages() == 1 ? "" : "s", folder.directory(),
                            probe.colourImages() == 1 ? "is" : "are", probe.colourExample()));
                }
            }
            if (size == null) {
                size = commonSize(folder.directory(), probe);
            }
        }
        return new DecodeSettings(size.height(), size.width(), mode, config.resizeMode());
    }

    private static DatasetConfig.ImageSize commonSize(Path directory, Probe probe) throws ConfigurationException {
        if (probe.sizes().isEmpty()) {
            throw new ConfigurationException("No image in " + directory + " could be read (see the images left out "
                    + "above): fix or replace them.");
        }
        if (probe.sizes().size() > 1) {
            List<String> sizes = new ArrayList<>();
            probe.sizes().forEach((hxw, count) -> sizes.add(String.format(Locale.ROOT, "%s: %,d image%s, e.g. %s",
                    hxw, count.count(), count.count() == 1 ? "" : "s", count.example())));
            throw new ConfigurationException("The images in " + directory + " have " + sizes.size() + " sizes (height "
                    + "x width: " + String.join("; ", sizes.subList(0, Math.min(EXAMPLES, sizes.size())))
                    + (sizes.size() > EXAMPLES ? "; ..." : "") + "): set <dataset><imageSize> to the size to resize "
                    + "them all to, e.g. <imageSize>" + probe.sizes().keySet().iterator().next() + "</imageSize>, and "
                    + "<resize> to how (stretch, the default; crop; or pad).");
        }
        String[] hw = probe.sizes().keySet().iterator().next().split("x");
        return new DatasetConfig.ImageSize(Integer.parseInt(hw[0]), Integer.parseInt(hw[1]));
    }

    private Probe probe(IndexedFolder folder, Path folderCache, boolean skipCorrupt)
            throws ImageDecodeException, IOException {
        Path file = folderCache.resolve(PROBE);
        Probe kept = readJson(file, Probe.class);
        if (kept != null && folder.digest().equals(kept.folderDigest()) && kept.sizes() != null) {
            return kept;
        }
        List<IndexedImage> images = all(folder);
        DecodeProgress progress = new DecodeProgress("Probing", folder.directory().toString(), images.size(), log,
                clock);
        Map<String, SizeCount> sizes = new LinkedHashMap<>();
        int colour = 0;
        String colourExample = null;
        try (ImageDecoder decoder = new ImageDecoder()) {
            for (IndexedImage image : images) {
                ImageInfo info;
                try {
                    info = decoder.probe(image.file());
                } catch (ImageDecodeException e) {
                    if (!skipCorrupt) {
                        throw corrupt(e);
                    }
                    progress.step();
                    continue; // decoding fails on it too, and lists it there
                }
                String hxw = info.height() + "x" + info.width();
                SizeCount count = sizes.get(hxw);
                sizes.put(hxw, new SizeCount(count == null ? 1 : count.count() + 1,
                        count == null ? image.relativePath() : count.example()));
                if (info.colour()) {
                    colour++;
                    colourExample = colourExample == null ? image.relativePath() : colourExample;
                }
                progress.step();
            }
        }
        // Most common size first: the one a mixed-size error suggests.
        Map<String, SizeCount> bySize = new LinkedHashMap<>();
        sizes.entrySet().stream().sorted(Comparator.comparingInt(
                (Map.Entry<String, SizeCount> e) -> -e.getValue().count()))
                .forEach(e -> bySize.put(e.getKey(), e.getValue()));
        Probe probe = new Probe(folder.digest(), bySize, colour, colourExample);
        byte[] bytes = JSON.writeValueAsBytes(probe);
        AtomicFiles.write(file, out -> out.write(bytes));
        return probe;
    }

    /** The manifest of a complete decoded data set in {@code directory}, or null when it must be decoded. */
    private Manifest cached(Path directory, String folderDigest, DecodeSettings settings) throws IOException {
        Manifest manifest = readJson(directory.resolve(MANIFEST), Manifest.class);
        if (manifest == null || manifest.files() == null || manifest.skipped() == null
                || !folderDigest.equals(manifest.folderDigest()) || !settings.id().equals(manifest.settings())) {
            return null;
        }
        for (FashionMnistFile role : FashionMnistFile.values()) {
            FileEntry entry = manifest.files().get(role.key());
            Path file = directory.resolve(role.fileName());
            if (entry == null || !Files.isRegularFile(file) || Files.size(file) != entry.size()) {
                return null;
            }
        }
        return manifest;
    }

    private Manifest decodeInto(Path target, Path directory, IndexedFolder folder, DecodeSettings settings,
                                boolean skipCorrupt) throws FashionMlException, IOException {
        long start = clock.getAsLong();
        int total = folder.train().size() + folder.test().size();
        DecodeProgress progress = new DecodeProgress("Decoding", directory.toString(), total, log, clock);
        List<String> skipped = new ArrayList<>();
        Decoded train;
        Decoded test;
        try (ImageDecoder decoder = new ImageDecoder()) {
            train = decode(decoder, folder.train(), settings, skipCorrupt, skipped, progress);
            test = decode(decoder, folder.test(), settings, skipCorrupt, skipped, progress);
        }
        logSkipped(skipped);
        if (train.labels().length == 0 || test.labels().length == 0) {
            throw new ConfigurationException("No " + (train.labels().length == 0 ? "training" : "test") + " image of "
                    + directory + " could be decoded: fix or replace the images left out above.");
        }

        Path folders = target.getParent();
        deleteAbandonedTemporaries(folders);
        Path temp = folders.resolve("." + target.getFileName() + "."
                + Long.toUnsignedString(ThreadLocalRandom.current().nextLong()) + AtomicFiles.TEMP_SUFFIX);
        Map<String, FileEntry> files = new LinkedHashMap<>();
        try {
            AtomicFiles.createDirectories(temp);
            put(files, FashionMnistFile.TRAIN_IMAGES, IdxWriter.writeImages(
                    temp.resolve(FashionMnistFile.TRAIN_IMAGES.fileName()), train.images()));
            put(files, FashionMnistFile.TRAIN_LABELS, IdxWriter.writeLabels(
                    temp.resolve(FashionMnistFile.TRAIN_LABELS.fileName()), train.labels()));
            put(files, FashionMnistFile.TEST_IMAGES, IdxWriter.writeImages(
                    temp.resolve(FashionMnistFile.TEST_IMAGES.fileName()), test.images()));
            put(files, FashionMnistFile.TEST_LABELS, IdxWriter.writeLabels(
                    temp.resolve(FashionMnistFile.TEST_LABELS.fileName()), test.labels()));
            Manifest manifest = new Manifest(folder.digest(), settings.id(), files, skipped);
            byte[] bytes = JSON.writeValueAsBytes(manifest);
            AtomicFiles.write(temp.resolve(MANIFEST), out -> out.write(bytes));
            moveIntoPlace(temp, target);
            log.info(String.format(Locale.ROOT, "Decoded %,d images of %s (%s) in %s into %s", decodedCount(train,
                    test), directory, settings.id(), ProgressLog.shortDuration((clock.getAsLong() - start) / 1e9),
                    target));
            return manifest;
        } finally {
            AtomicFiles.deleteTree(temp);
        }
    }

    /**
     * Deletes the temporary folders of decodes killed before they were moved into place (a decode of a large
     * folder leaves gigabytes). A live decode writes its temporary folder within seconds of creating it, so one
     * untouched for {@link #ABANDONED_AFTER} belongs to no running build.
     */
    private void deleteAbandonedTemporaries(Path folders) throws IOException {
        if (!Files.isDirectory(folders)) {
            return;
        }
        FileTime cutoff = FileTime.fromMillis(System.currentTimeMillis() - ABANDONED_AFTER.toMillis());
        List<Path> abandoned = new ArrayList<>();
        try (Stream<Path> list = Files.list(folders)) {
            for (Path p : list.sorted().toList()) {
                String name = p.getFileName().toString();
                if (name.startsWith(".") && name.endsWith(AtomicFiles.TEMP_SUFFIX) && Files.isDirectory(p)
                        && Files.getLastModifiedTime(p).compareTo(cutoff) < 0) {
                    abandoned.add(p);
                }
            }
        }
        for (Path p : abandoned) {
            AtomicFiles.deleteTree(p);
        }
        if (!abandoned.isEmpty()) {
            log.info(String.format(Locale.ROOT, "Deleted %d temporary folder%s in %s left by interrupted decodes",
                    abandoned.size(), abandoned.size() == 1 ? "" : "s", folders));
        }
    }

    private static int decodedCount(Decoded train, Decoded test) {
        return train.labels().length + test.labels().length;
    }

    private static void put(Map<String, FileEntry> files, FashionMnistFile role, IdxWriter.Written written) {
        files.put(role.key(), new FileEntry(written.sha256(), written.size()));
    }

    /**
     * Moves the complete directory to its name in one step. A directory already there with no usable manifest
     * (left by hand, or by an older version) is replaced; one with a manifest was written by a concurrent build
     * from the same images and settings, and is as good as ours.
     */
    private void moveIntoPlace(Path temp, Path target) throws IOException {
        if (Files.exists(target) && !Files.isRegularFile(target.resolve(MANIFEST))) {
            AtomicFiles.deleteTree(target);
        }
        try {
            Files.move(temp, target, StandardCopyOption.ATOMIC_MOVE);
        } catch (FileAlreadyExistsException | DirectoryNotEmptyException e) {
            log.info(target + " was written meanwhile by another build; using it");
        } catch (AtomicMoveNotSupportedException e) {
            throw new IOException("Cannot move " + temp + " to " + target + " in one step (" + e.getMessage()
                    + "): set <cacheDirectory> (-Dfashionml.cacheDirectory) to a directory on a local file system");
        }
    }

    private Decoded decode(ImageDecoder decoder, List<IndexedImage> images, DecodeSettings settings,
                           boolean skipCorrupt, List<String> skipped, DecodeProgress progress)
            throws ImageDecodeException, ConfigurationException {
        int samples = settings.samples();
        if ((long) images.size() * samples > Integer.MAX_VALUE - 16) {
            throw new ConfigurationException(String.format(Locale.ROOT, "%,d images of %dx%d do not fit in one IDX "
                    + "file (2 GB): set a smaller <dataset><imageSize>, or use fewer images.", images.size(),
                    settings.height(), settings.width()));
        }
        byte[] pixels = new byte[images.size() * samples];
        byte[] labels = new byte[images.size()];
        int kept = 0;
        for (IndexedImage image : images) {
            byte[] decoded;
            try {
                decoded = decoder.decode(image.file(), settings);
                decodedImages++;
            } catch (ImageDecodeException e) {
                if (!skipCorrupt) {
                    throw corrupt(e);
                }
                skipped.add(image.relativePath());
                progress.step();
                continue;
            }
            System.arraycopy(decoded, 0, pixels, kept * samples, samples);
            labels[kept++] = (byte) image.classIndex();
            progress.step();
        }
        if (kept < images.size()) {
            pixels = java.util.Arrays.copyOf(pixels, kept * samples);
            labels = java.util.Arrays.copyOf(labels, kept);
        }
        return new Decoded(new IdxImages(kept, settings.height(), settings.width(), settings.channels(), pixels), labels);
    }

    private static ImageDecodeException corrupt(ImageDecodeException e) {
        String prefix = e.file() + ": ";
        String problem = e.getMessage().startsWith(prefix) ? e.getMessage().substring(prefix.length()) : e.getMessage();
        return new ImageDecodeException(e.file(), problem + fixForCorrupt(), e);
    }

    private static String fixForCorrupt() {
        return ". Replace or remove the file, or set <dataset><onCorrupt>skip</onCorrupt> to leave images that "
                + "cannot be decoded out (they are listed in the log).";
    }

    private void logSkipped(List<String> skipped) {
        if (!skipped.isEmpty()) {
            log.warn(String.format(Locale.ROOT, "Left out %,d image%s that cannot be decoded (<onCorrupt>skip"
                            + "</onCorrupt>): %s%s", skipped.size(), skipped.size() == 1 ? "" : "s",
                    String.join(", ", skipped.subList(0, Math.min(EXAMPLES, skipped.size()))),
                    skipped.size() > EXAMPLES ? ", ..." : ""));
        }
    }

    private static List<IndexedImage> all(IndexedFolder folder) {
        List<IndexedImage> images = new ArrayList<>(folder.train());
        images.addAll(folder.test());
        return images;
    }

    /** A cache file, or null when it is missing or unreadable: the cache is rebuilt, never trusted blindly. */
    private <T> T readJson(Path file, Class<T> type) {
        if (!Files.isRegularFile(file)) {
            return null;
        }
        try {
            return JSON.readValue(file.toFile(), type);
        } catch (IOException e) {
            log.warn(file + " is unreadable (" + e.getMessage() + "); building it again");
            return null;
        }
    }

}
