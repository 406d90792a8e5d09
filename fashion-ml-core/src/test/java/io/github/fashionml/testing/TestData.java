package io.github.fashionml.testing;

import io.github.fashionml.data.FashionMnistFile;
import io.github.fashionml.data.source.ExpectedContent;
import io.github.fashionml.data.idx.IdxReader;
import io.github.fashionml.util.Sha256;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.EnumMap;
import java.util.Map;

/** The real Fashion-MNIST subset shipped in test resources (300 training, 100 test images). */
public final class TestData {
    public static final int TRAIN_COUNT = 300;
    public static final int TEST_COUNT = 100;

    private TestData() {
    }

    public static Path subsetDirectory() {
        try {
            return Path.of(TestData.class.getResource("/fashion-mnist-subset/LICENSE").toURI()).getParent();
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    public static Path subsetFile(FashionMnistFile file) {
        return subsetDirectory().resolve(file.gzipFileName());
    }

    /** The digests of the subset's decompressed files, so resolver tests can verify against them. */
    public static Map<FashionMnistFile, ExpectedContent> subsetContents() {
        Map<FashionMnistFile, ExpectedContent> expected = new EnumMap<>(FashionMnistFile.class);
        for (FashionMnistFile file : FashionMnistFile.values()) {
            try (InputStream in = IdxReader.openDecompressed(subsetFile(file))) {
                long[] size = new long[1];
                String sha = Sha256.of(in, size);
                expected.put(file, new ExpectedContent(sha, size[0]));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return expected;
    }

    /**
     * A new empty directory under {@code target/test-scratch}, so test outputs go with {@code mvn clean} instead of
     * piling up in the system's temporary directory.
     */
    public static Path scratchDirectory(String prefix) {
        try {
            Path root = Files.createDirectories(Path.of("target", "test-scratch").toAbsolutePath());
            return Files.createTempDirectory(root, prefix);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Copies the subset's four files into a directory. */
    public static Path copySubsetTo(Path dir) throws IOException {
        Files.createDirectories(dir);
        for (FashionMnistFile file : FashionMnistFile.values()) {
            Files.copy(subsetFile(file), dir.resolve(file.gzipFileName()));
        }
        return dir;
    }
}
