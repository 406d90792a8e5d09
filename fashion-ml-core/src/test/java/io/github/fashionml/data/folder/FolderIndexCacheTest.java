package io.github.fashionml.data.folder;

import com.fasterxml.jackson.databind.JsonNode;
import io.github.fashionml.util.Json;
import io.github.fashionml.util.ProgressLog;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.FileTime;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static io.github.fashionml.data.folder.ImageFolders.write;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class FolderIndexCacheTest {
    @TempDir
    Path tmp;

    private Path dir;
    private Path indexFile;
    private final List<String> log = new ArrayList<>();

    @BeforeEach
    void folder() throws Exception {
        dir = tmp.resolve("data");
        indexFile = tmp.resolve("out/folder-index.json");
        for (String c : List.of("cat", "dog")) {
            for (int i = 0; i < 5; i++) {
                write(dir, c + "/" + i + ".png", c + " " + i);
            }
        }
    }

    private IndexedFolder index() throws Exception {
        return new FolderIndexer(ProgressLog.into(log)).index(FolderIndexOptions.of(dir).withIndexFile(indexFile));
    }

    private String sha256Of(IndexedFolder folder, String path) {
        List<IndexedImage> all = new ArrayList<>(folder.train());
        all.addAll(folder.test());
        return all.stream().filter(i -> i.relativePath().equals(path)).findFirst().orElseThrow().sha256();
    }

    @Test
    void theFirstIndexReadsEverythingAndCountsItAdded() throws Exception {
        IndexChanges changes = index().changes();
        assertFalse(changes.previousIndex());
        assertEquals(10, changes.added());
        assertEquals(10, changes.hashed());
        assertTrue(Files.isRegularFile(indexFile));
        assertEquals("10 added, 0 removed, 0 changed (no previous index) (read 10 files, 0.0 MB)", changes.summary());
    }

    @Test
    void anUnchangedFolderIsNotReadAgain() throws Exception {
        IndexedFolder first = index();
        FileTime indexWritten = FileTime.from(Instant.parse("2022-01-01T00:00:00Z"));
        Files.setLastModifiedTime(indexFile, indexWritten);
        byte[] indexBytes = Files.readAllBytes(indexFile);

        IndexedFolder second = index();
        assertTrue(second.changes().previousIndex());
        assertTrue(second.changes().isUnchanged());
        assertEquals(0, second.changes().hashed());
        assertEquals(first.digest(), second.digest());
        assertEquals(indexWritten, Files.getLastModifiedTime(indexFile), "nothing changed: the index is not rewritten");
        assertArrayEquals(indexBytes, Files.readAllBytes(indexFile));

        // New content of the same size, the mtime put back: only a read could notice, and the index keeps the old
        // hash, which shows it did not read.
        Path file = dir.resolve("cat/3.png");
        FileTime mtime = Files.getLastModifiedTime(file);
        Files.writeString(file, "CAT 3", StandardCharsets.UTF_8);
        Files.setLastModifiedTime(file, mtime);
        IndexedFolder third = index();
        assertEquals(0, third.changes().hashed());
        assertEquals(sha256Of(first, "cat/3.png"), sha256Of(third, "cat/3.png"));

        // A new mtime makes it read again, and the change is seen.
        Files.setLastModifiedTime(file, FileTime.from(ImageFolders.OLD.plusSeconds(60)));
        IndexedFolder fourth = index();
        assertEquals(1, fourth.changes().hashed());
        assertEquals(1, fourth.changes().changed());
        assertNotEquals(sha256Of(first, "cat/3.png"), sha256Of(fourth, "cat/3.png"));
        assertNotEquals(first.digest(), fourth.digest());
    }

    @Test
    void addedRemovedAndChangedAreCounted() throws Exception {
        index();
        write(dir, "cat/new1.png", "new 1");
        write(dir, "dog/new2.png", "new 2");
        Files.delete(dir.resolve("dog/4.png"));
        write(dir, "cat/0.png", "cat 0, longer now");
        Files.setLastModifiedTime(dir.resolve("dog/1.png"), FileTime.from(ImageFolders.OLD.plusSeconds(5)));
        IndexChanges changes = index().changes();
        assertEquals(2, changes.added());
        assertEquals(1, changes.removed());
        assertEquals(1, changes.changed(), "dog/1.png was touched, not changed");
        assertEquals(4, changes.hashed(), "two new, one resized, one touched");
        assertEquals("2 added, 1 removed, 1 changed (read 4 files, 0.0 MB)", changes.summary());
        assertEquals(0, index().changes().hashed());
    }

    @Test
    void theIndexKeepsMtimesToTheNanosecondWhereTheFileSystemDoes() throws Exception {
        Path file = dir.resolve("cat/1.png");
        Files.setLastModifiedTime(file, FileTime.from(Instant.ofEpochSecond(1_600_000_000L, 123_456_789)));
        long onDisk = Files.getLastModifiedTime(file).to(TimeUnit.NANOSECONDS);
        index();
        JsonNode entry = Json.MAPPER.readTree(indexFile.toFile()).get("files").get("cat/1.png");
        assertEquals(onDisk, entry.get("mtimeNanos").asLong());
        assertEquals(Files.size(file), entry.get("size").asLong());
        assertEquals(dir.toAbsolutePath().normalize().toString(),
                Json.MAPPER.readTree(indexFile.toFile()).get("directory").asText());
    }

    @Test
    void aCorruptIndexIsIgnoredWithANote() throws Exception {
        Files.createDirectories(indexFile.getParent());
        Files.writeString(indexFile, "{\"format\": 1, \"files\": {\"cat/1.png\": ");
        IndexedFolder folder = index();
        assertEquals(10, folder.changes().hashed());
        assertFalse(folder.changes().previousIndex());
        assertTrue(log.stream().anyMatch(l -> l.startsWith("Ignoring the image index " + indexFile + " (not valid JSON")),
                log.toString());
        assertEquals(0, index().changes().hashed(), "the index was written anew");
    }

    @Test
    void anIndexWithMalformedEntriesOrOfAnotherFormatIsIgnored() throws Exception {
        index();
        String good = Files.readString(indexFile);
        Files.writeString(indexFile, good.replaceFirst("\"sha256\" : \"[0-9a-f]{64}\"", "\"sha256\" : \"xyz\""));
        assertEquals(10, index().changes().hashed());
        assertTrue(log.stream().anyMatch(l -> l.contains("it has malformed entries")), log.toString());
        Files.writeString(indexFile, good.replace("\"format\" : 1", "\"format\" : 99"));
        assertEquals(10, index().changes().hashed());
        Files.writeString(indexFile, "[]");
        assertEquals(10, index().changes().hashed());
    }

    @Test
    void anIndexOfAnotherFolderIsNotTrusted() throws Exception {
        index();
        // A copy that keeps sizes and mtimes (as rsync -a or cp -p do), one file's content different.
        Path copy = tmp.resolve("copy");
        for (String c : List.of("cat", "dog")) {
            Files.createDirectories(copy.resolve(c));
            for (int i = 0; i < 5; i++) {
                Files.copy(dir.resolve(c + "/" + i + ".png"), copy.resolve(c + "/" + i + ".png"),
                        StandardCopyOption.COPY_ATTRIBUTES);
            }
        }
        Path changed = copy.resolve("dog/2.png");
        FileTime mtime = Files.getLastModifiedTime(changed);
        Files.writeString(changed, "DOG 2");
        Files.setLastModifiedTime(changed, mtime);
        IndexedFolder folder = new FolderIndexer(ProgressLog.into(log))
                .index(FolderIndexOptions.of(copy).withIndexFile(indexFile));
        assertEquals(10, folder.changes().hashed());
        assertTrue(log.stream().anyMatch(l -> l.contains("it describes " + dir.toAbsolutePath().normalize())), log.toString());
    }

    @Test
    void aFileModifiedJustBeforeItWasReadIsReadAgainNextTime() throws Exception {
        Path file = dir.resolve("cat/2.png");
        Files.setLastModifiedTime(file, FileTime.from(ImageFolders.OLD.plusSeconds(86_400)));
        long mtime = Files.getLastModifiedTime(file).to(TimeUnit.NANOSECONDS);
        // "Now" is one second after this file's mtime (the others are a day older): a file system storing mtimes in
        // coarse steps could still hide a change to it.
        FolderIndexer indexer = new FolderIndexer(ProgressLog.silent(), System::nanoTime, () -> mtime + 1_000_000_000L);
        indexer.index(FolderIndexOptions.of(dir).withIndexFile(indexFile));
        JsonNode entry = Json.MAPPER.readTree(indexFile.toFile()).get("files").get("cat/2.png");
        assertTrue(entry.get("racy").asBoolean());
        assertEquals(1, indexer.index(FolderIndexOptions.of(dir).withIndexFile(indexFile)).changes().hashed());
        // Indexed by then long after its mtime, it is trusted from then on (the clock moved on by a minute).
        FolderIndexer later = new FolderIndexer(ProgressLog.silent(), System::nanoTime, () -> mtime + 60_000_000_000L);
        later.index(FolderIndexOptions.of(dir).withIndexFile(indexFile));
        assertEquals(0, later.index(FolderIndexOptions.of(dir).withIndexFile(indexFile)).changes().hashed());
    }
}
