package io.github.fashionml.data.source;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.fashionml.data.FashionMnist;

import io.github.fashionml.ConfigurationException;
import io.github.fashionml.data.FashionMnistFile;
import io.github.fashionml.testing.LoopbackMirror;
import io.github.fashionml.testing.LoopbackMirror.Behaviour;
import io.github.fashionml.testing.TestData;
import io.github.fashionml.util.ProgressLog;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class DatasetResolverTest {
    @TempDir
    Path dir;

    private final List<String> logLines = Collections.synchronizedList(new ArrayList<>());
    private final ProgressLog log = new ProgressLog() {
        @Override
        public void info(String message) {
            logLines.add("INFO " + message);
        }

        @Override
        public void warn(String message) {
            logLines.add("WARN " + message);
        }
    };

    /** Options that look nowhere but where a test says, verifying against the shipped subset. */
    private FetchOptions options() {
        return new FetchOptions(null, dir.resolve("cache"), null, List.of(), false,
                Duration.ofSeconds(2), Duration.ofSeconds(1), TestData.subsetContents());
    }

    private static Mirror http(String url) throws ConfigurationException {
        return Mirror.parse(url, true);
    }

    private List<Path> cachedFiles() throws IOException {
        Path cacheDir = dir.resolve("cache").resolve("fashion-mnist");
        if (!Files.isDirectory(cacheDir)) {
            return List.of();
        }
        try (Stream<Path> files = Files.list(cacheDir)) {
            return files.filter(p -> p.getFileName().toString().endsWith(".gz")).toList();
        }
    }

    @Test
    void explicitDirectoryComesFirstAndIsRecorded() throws Exception {
        Path data = TestData.copySubsetTo(dir.resolve("data"));
        ResolvedDataset resolved = new DatasetResolver(options().withDataDirectory(data), log).resolve();
        for (FashionMnistFile file : FashionMnistFile.values()) {
            ResolvedFile r = resolved.files().get(file);
            assertEquals(data.resolve(file.gzipFileName()), r.path());
            assertTrue(r.source().startsWith("configured directory"), r.source());
            assertEquals(TestData.subsetContents().get(file).sha256(), r.sha256());
        }
        assertTrue(logLines.stream().anyMatch(l -> l.contains("train-images-idx3-ubyte.gz: configured directory")
                && l.contains("verified")), logLines.toString());
    }

    @Test
    void systemPackageDirectoryServesWhenNothingElseHas() throws Exception {
        Path system = TestData.copySubsetTo(dir.resolve("usr-share"));
        ResolvedDataset resolved = new DatasetResolver(options().withSystemPackageDirectory(system), log).resolve();
        assertTrue(resolved.files().get(FashionMnistFile.TEST_LABELS).source().startsWith("Debian/Ubuntu package"));
        assertTrue(cachedFiles().isEmpty(), "a local source is used in place, not copied");
    }

    @Test
    void decompressedFilesAreAcceptedToo() throws Exception {
        Path data = Files.createDirectories(dir.resolve("plain"));
        for (FashionMnistFile file : FashionMnistFile.values()) {
            try (var in = new java.util.zip.GZIPInputStream(Files.newInputStream(TestData.subsetFile(file)))) {
                Files.copy(in, data.resolve(file.fileName()));
            }
        }
        ResolvedDataset resolved = new DatasetResolver(options().withDataDirectory(data), log).resolve();
        assertEquals(data.resolve("train-images-idx3-ubyte"), resolved.path(FashionMnistFile.TRAIN_IMAGES));
    }

    @Test
    void mismatchingLocalFileIsSkippedLeftUntouchedAndNamed() throws Exception {
        Path data = TestData.copySubsetTo(dir.resolve("data"));
        Path system = TestData.copySubsetTo(dir.resolve("system"));
        // A different, well-formed file in place of the test labels.
        Files.copy(TestData.subsetFile(FashionMnistFile.TRAIN_LABELS), data.resolve("t10k-labels-idx1-ubyte.gz"),
                java.nio.file.StandardCopyOption.REPLACE_EXISTING);
        byte[] before = Files.readAllBytes(data.resolve("t10k-labels-idx1-ubyte.gz"));
        ResolvedDataset resolved = new DatasetResolver(
                options().withDataDirectory(data).withSystemPackageDirectory(system), log).resolve();
        assertEquals(system.resolve("t10k-labels-idx1-ubyte.gz"), resolved.path(FashionMnistFile.TEST_LABELS));
        assertEquals(data.resolve("t10k-images-idx3-ubyte.gz"), resolved.path(FashionMnistFile.TEST_IMAGES));
        assertTrue(java.util.Arrays.equals(before, Files.readAllBytes(data.resolve("t10k-labels-idx1-ubyte.gz"))));
        assertTrue(logLines.stream().anyMatch(l -> l.startsWith("WARN") && l.contains("checksum mismatch")
                && l.contains("expected " + TestData.subsetContents().get(FashionMnistFile.TEST_LABELS).sha256())),
                logLines.toString());
    }

    @Test
    void downloadsIntoTheCacheThenUsesTheCache() throws Exception {
        try (LoopbackMirror mirror = new LoopbackMirror(TestData.subsetDirectory(), Behaviour.SERVE)) {
            FetchOptions options = options().withMirrors(List.of(http(mirror.baseUrl())));
            ResolvedDataset first = new DatasetResolver(options, log).resolve();
            assertEquals(4, mirror.requests());
            assertEquals(4, cachedFiles().size());
            assertTrue(first.files().get(FashionMnistFile.TRAIN_IMAGES).source().startsWith("downloaded from"));
            assertEquals(mirror.baseUrl() + "train-images-idx3-ubyte.gz",
                    first.files().get(FashionMnistFile.TRAIN_IMAGES).origin());

            ResolvedDataset second = new DatasetResolver(options, log).resolve();
            assertEquals(4, mirror.requests(), "the second build must not download again");
            assertTrue(second.files().get(FashionMnistFile.TRAIN_IMAGES).source().startsWith("cache"));
        }
    }

    @Test
    void downloadsThroughAnAuthenticatingProxyWithTheGivenCredentials() throws Exception {
        try (LoopbackMirror mirror = new LoopbackMirror(TestData.subsetDirectory(), Behaviour.SERVE);
             io.github.fashionml.testing.LoopbackProxy proxy =
                     new io.github.fashionml.testing.LoopbackProxy("builder", "s3cret")) {
            HttpProxy settings = new HttpProxy("127.0.0.1", proxy.port(), "builder", "s3cret");
            FetchOptions options = options().withMirrors(List.of(http(mirror.baseUrl()).withProxy(settings)));
            ResolvedDataset resolved = new DatasetResolver(options, log).resolve();
            assertEquals(4, proxy.forwarded(), "each file went through the proxy");
            assertEquals(4, mirror.requests());
            assertTrue(resolved.files().get(FashionMnistFile.TRAIN_IMAGES).source().startsWith("downloaded from"));
            assertTrue(logLines.stream().anyMatch(l -> l.contains("through the proxy 127.0.0.1:" + proxy.port()
                    + " (as builder)") && !l.contains("s3cret")), logLines.toString());
        }
    }

    @Test
    void aMirrorThatAsksForCredentialsGetsThoseOfItsServerAndNoneElse() throws Exception {
        try (LoopbackMirror mirror = new LoopbackMirror(TestData.subsetDirectory(), Behaviour.SERVE)) {
            mirror.requireCredentials("reader", "s3cret");
            DataUnavailableException none = assertThrows(DataUnavailableException.class, () -> new DatasetResolver(
                    options().withMirrors(List.of(http(mirror.baseUrl()))), log).resolve());
            assertTrue(none.getMessage().contains("HTTP 401: the mirror wants credentials; give them in a settings.xml "
                    + "<server> and name its id in <serverId>"), none.getMessage());

            MirrorCredentials wrong = new MirrorCredentials("data-mirror", "reader", "wrong");
            DataUnavailableException refused = assertThrows(DataUnavailableException.class, () -> new DatasetResolver(
                    options().withMirrors(List.of(http(mirror.baseUrl()).withCredentials(wrong))), log).resolve());
            assertTrue(refused.getMessage().contains("refused those of server 'data-mirror' (user reader)"),
                    refused.getMessage());

            MirrorCredentials right = new MirrorCredentials("data-mirror", "reader", "s3cret");
            ResolvedDataset resolved = new DatasetResolver(
                    options().withMirrors(List.of(http(mirror.baseUrl()).withCredentials(right))), log).resolve();
            assertTrue(resolved.files().get(FashionMnistFile.TRAIN_IMAGES).source().startsWith("downloaded from"));
            assertTrue(logLines.stream().anyMatch(l -> l.contains("with the credentials of server 'data-mirror' "
                    + "(user reader)")), logLines.toString());
            assertTrue(logLines.stream().noneMatch(l -> l.contains("s3cret")), "no password in the log");
        }
        // Only the mirror's own host gets them: a redirect elsewhere, or a proxy, does not.
        java.net.Authenticator answers = HttpDownloader.authenticator(null,
                new MirrorCredentials("data-mirror", "reader", "s3cret"), "mirror.example");
        assertEquals("reader", java.net.Authenticator.requestPasswordAuthentication(answers, "mirror.example", null,
                443, "https", "realm", "basic", null, java.net.Authenticator.RequestorType.SERVER).getUserName());
        assertEquals(null, java.net.Authenticator.requestPasswordAuthentication(answers, "elsewhere.example", null,
                443, "https", "realm", "basic", null, java.net.Authenticator.RequestorType.SERVER));
        assertEquals(null, java.net.Authenticator.requestPasswordAuthentication(answers, "mirror.example", null,
                443, "https", "realm", "basic", null, java.net.Authenticator.RequestorType.PROXY));
    }

    @Test
    void aProxyThatRefusesTheCredentialsIsNamedInTheFailure() throws Exception {
        try (LoopbackMirror mirror = new LoopbackMirror(TestData.subsetDirectory(), Behaviour.SERVE);
             io.github.fashionml.testing.LoopbackProxy proxy =
                     new io.github.fashionml.testing.LoopbackProxy("builder", "s3cret")) {
            HttpProxy wrong = new HttpProxy("127.0.0.1", proxy.port(), "builder", "wrong");
            FetchOptions options = options().withMirrors(List.of(http(mirror.baseUrl()).withProxy(wrong)));
            DataUnavailableException e = assertThrows(DataUnavailableException.class,
                    () -> new DatasetResolver(options, log).resolve());
            assertTrue(e.getMessage().contains("407"), e.getMessage());
            assertEquals(0, mirror.requests(), "nothing reached the mirror");
            assertTrue(proxy.refused() > 0);
        }
    }

    @Test
    void corruptMirrorIsRejectedNothingCachedAndTheNextMirrorUsed() throws Exception {
        try (LoopbackMirror bad = new LoopbackMirror(TestData.subsetDirectory(), Behaviour.CORRUPT);
             LoopbackMirror good = new LoopbackMirror(TestData.subsetDirectory(), Behaviour.SERVE)) {
            FetchOptions options = options().withMirrors(List.of(http(bad.baseUrl()), http(good.baseUrl())));
            ResolvedDataset resolved = new DatasetResolver(options, log).resolve();
            assertTrue(resolved.files().get(FashionMnistFile.TEST_IMAGES).origin().startsWith(good.baseUrl()));
            assertTrue(logLines.stream().anyMatch(l -> l.contains("checksum mismatch")
                    && l.contains("the download was discarded")), logLines.toString());
        }
    }

    @Test
    void corruptMirrorAloneFailsWithExpectedAndActualDigest() throws Exception {
        try (LoopbackMirror bad = new LoopbackMirror(TestData.subsetDirectory(), Behaviour.CORRUPT)) {
            FetchOptions options = options().withMirrors(List.of(http(bad.baseUrl())));
            DataUnavailableException e = assertThrows(DataUnavailableException.class,
                    () -> new DatasetResolver(options, log).resolve());
            String expected = TestData.subsetContents().get(FashionMnistFile.TRAIN_LABELS).sha256();
            assertTrue(e.getMessage().contains("expected " + expected), e.getMessage());
            assertTrue(e.getMessage().contains("apt-get install dataset-fashion-mnist"), e.getMessage());
            assertTrue(cachedFiles().isEmpty(), "nothing may be cached from a corrupt mirror");
            assertNoTemporaryFiles();
        }
    }

    @Test
    void truncatedDownloadLeavesNoPartialFile() throws Exception {
        try (LoopbackMirror cut = new LoopbackMirror(TestData.subsetDirectory(), Behaviour.TRUNCATE)) {
            FetchOptions options = options().withMirrors(List.of(http(cut.baseUrl())));
            DataUnavailableException e = assertThrows(DataUnavailableException.class,
                    () -> new DatasetResolver(options, log).resolve());
            assertTrue(e.getMessage().contains("nothing was cached"), e.getMessage());
            assertTrue(cachedFiles().isEmpty());
            assertNoTemporaryFiles();
        }
    }

    @Test
    void stalledDownloadTimesOut() throws Exception {
        try (LoopbackMirror stall = new LoopbackMirror(TestData.subsetDirectory(), Behaviour.STALL)) {
            FetchOptions options = options().withMirrors(List.of(http(stall.baseUrl())));
            DataUnavailableException e = assertThrows(DataUnavailableException.class,
                    () -> new DatasetResolver(options, log).resolve());
            assertTrue(e.getMessage().contains("no data for 1 s"), e.getMessage());
            assertTrue(cachedFiles().isEmpty());
        }
    }

    @Test
    void missingFileOnMirrorIsReportedWithStatus() throws Exception {
        try (LoopbackMirror empty = new LoopbackMirror(TestData.subsetDirectory(), Behaviour.NOT_FOUND)) {
            FetchOptions options = options().withMirrors(List.of(http(empty.baseUrl())));
            DataUnavailableException e = assertThrows(DataUnavailableException.class,
                    () -> new DatasetResolver(options, log).resolve());
            assertTrue(e.getMessage().contains("HTTP 404"), e.getMessage());
            assertEquals(4, e.attempts().size());
        }
    }

    @Test
    void offlineSkipsMirrorsAndSaysSo() throws Exception {
        try (LoopbackMirror mirror = new LoopbackMirror(TestData.subsetDirectory(), Behaviour.SERVE)) {
            FetchOptions options = options().withMirrors(List.of(http(mirror.baseUrl()))).withOffline(true);
            DataUnavailableException e = assertThrows(DataUnavailableException.class,
                    () -> new DatasetResolver(options, log).resolve());
            assertEquals(0, mirror.requests());
            assertTrue(e.getMessage().contains("skipped: Maven is offline (-o)"), e.getMessage());
            assertTrue(e.getMessage().contains("no copy yet"), e.getMessage());
        }
    }

    @Test
    void damagedCacheEntryIsQuarantinedAndFetchedAgain() throws Exception {
        try (LoopbackMirror mirror = new LoopbackMirror(TestData.subsetDirectory(), Behaviour.SERVE)) {
            FetchOptions options = options().withMirrors(List.of(http(mirror.baseUrl())));
            new DatasetResolver(options, log).resolve();
            Path cached = dir.resolve("cache/fashion-mnist/t10k-labels-idx1-ubyte.gz");
            Files.write(cached, new byte[] {1, 2, 3});
            ResolvedDataset again = new DatasetResolver(options, log).resolve();
            assertEquals(5, mirror.requests());
            assertTrue(again.files().get(FashionMnistFile.TEST_LABELS).source().startsWith("downloaded"));
            try (Stream<Path> q = Files.list(dir.resolve("cache/fashion-mnist/quarantine"))) {
                assertEquals(1, q.count());
            }
        }
    }

    @Test
    void symbolicLinkInTheCacheIsNotFollowed() throws Exception {
        Path cacheDir = Files.createDirectories(dir.resolve("cache/fashion-mnist"));
        Path outside = TestData.copySubsetTo(dir.resolve("outside"));
        Files.createSymbolicLink(cacheDir.resolve("t10k-labels-idx1-ubyte.gz"),
                outside.resolve("t10k-labels-idx1-ubyte.gz"));
        DataUnavailableException e = assertThrows(DataUnavailableException.class,
                () -> new DatasetResolver(options(), log).resolve());
        assertTrue(e.getMessage().contains("is a symbolic link"), e.getMessage());
    }

    @Test
    void concurrentFetchesIntoOneEmptyCacheDownloadEachFileOnce() throws Exception {
        try (LoopbackMirror mirror = new LoopbackMirror(TestData.subsetDirectory(), Behaviour.SERVE)) {
            FetchOptions options = options().withMirrors(List.of(http(mirror.baseUrl())));
            ExecutorService pool = Executors.newFixedThreadPool(4);
            try {
                List<Callable<ResolvedDataset>> tasks = new ArrayList<>();
                for (int i = 0; i < 4; i++) {
                    tasks.add(() -> new DatasetResolver(options, ProgressLog.silent()).resolve());
                }
                for (Future<ResolvedDataset> f : pool.invokeAll(tasks)) {
                    assertEquals(4, f.get().files().size());
                }
            } finally {
                pool.shutdownNow();
            }
            assertEquals(4, mirror.requests(), "each file is downloaded once; the other builds wait and reuse it");
            assertEquals(4, cachedFiles().size());
        }
    }

    @Test
    void nothingAnywhereListsEverySourceAndTheFixes() {
        FetchOptions options = options().withDataDirectory(dir.resolve("nope"))
                .withSystemPackageDirectory(dir.resolve("no-package"));
        DataUnavailableException e = assertThrows(DataUnavailableException.class,
                () -> new DatasetResolver(options, log).resolve());
        String m = e.getMessage();
        assertTrue(m.contains("no source served a verified copy of 4 files"), m);
        assertTrue(m.contains("configured directory " + dir.resolve("nope") + ": does not exist"), m);
        assertTrue(m.contains("no-package: does not exist"), m);
        assertTrue(m.contains("mirrors: none configured"), m);
        assertTrue(m.contains("-Dfashionml.dataDirectory"), m);
    }

    @Test
    void writesAndReadsTheDatasetRecord() throws Exception {
        Path data = TestData.copySubsetTo(dir.resolve("data"));
        ResolvedDataset resolved = new DatasetResolver(options().withDataDirectory(data), log).resolve();
        Path json = dir.resolve("out/dataset.json");
        resolved.write(json);
        String text = Files.readString(json);
        assertTrue(text.contains("\"dataset\" : \"fashion-mnist\""), text);
        assertTrue(text.contains("\"train-images\""), text);
        // What later stages and users' scripts read instead of assuming Fashion-MNIST: classes, shape, digest.
        JsonNode record = new ObjectMapper().readTree(text);
        assertEquals(FashionMnist.CLASS_NAMES, new ObjectMapper().convertValue(record.get("classNames"), List.class));
        assertEquals(28, record.get("imageShape").get("height").asInt());
        assertEquals(28, record.get("imageShape").get("width").asInt());
        assertEquals(1, record.get("imageShape").get("channels").asInt());
        assertEquals(3, record.get("imageShape").size(), "height, width, channels: " + record.get("imageShape"));
        assertEquals(resolved.description().digest(), record.get("digest").asText());
        ResolvedDataset read = ResolvedDataset.read(json);
        assertEquals(resolved, read);
        assertEquals(resolved.description(), read.description());
        Files.writeString(json, "{\"something\": 1}");
        IOException e = assertThrows(IOException.class, () -> ResolvedDataset.read(json));
        assertTrue(e.getMessage().contains("run the fetch-data goal again"), e.getMessage());
    }

    private void assertNoTemporaryFiles() throws IOException {
        Path cacheDir = dir.resolve("cache").resolve("fashion-mnist");
        if (Files.isDirectory(cacheDir)) {
            try (Stream<Path> files = Files.list(cacheDir)) {
                assertFalse(files.anyMatch(p -> p.getFileName().toString().endsWith(".part")));
            }
        }
    }
}
