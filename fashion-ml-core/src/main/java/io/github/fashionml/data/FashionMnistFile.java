package io.github.fashionml.data;

import java.util.Locale;

/**
 * The four files of Fashion-MNIST, each with the size and SHA-256 of its decompressed contents.
 *
 * <p>Digests are of the decompressed IDX file, not of the gzip: distributions re-compress the files
 * (the Debian package does), so gzip bytes differ while the contents are the same.
 */
public enum FashionMnistFile {
    TRAIN_IMAGES("train-images-idx3-ubyte", 47_040_016L,
            "c59f468a2f672dc815687fe0f83887768d799fd8a3f3276145d20f83aa44d888"),
    TRAIN_LABELS("train-labels-idx1-ubyte", 60_008L,
            "bad3541b69d912435c50bb6ba87bec294ff4f6a2e1246121d8633921760443d9"),
    TEST_IMAGES("t10k-images-idx3-ubyte", 7_840_016L,
            "5b4141f0afbad91edebe8549f8fcffe087ea10ca49f1dbef5c9a5cd8815ce37b"),
    TEST_LABELS("t10k-labels-idx1-ubyte", 10_008L,
            "0402a96d92fd2663957122ceb108a494c5af83dab82d92729df917d7dec38c34");

    private final String fileName;
    private final long size;
    private final String sha256;

    FashionMnistFile(String fileName, long size, String sha256) {
        this.fileName = fileName;
        this.size = size;
        this.sha256 = sha256;
    }

    /** The decompressed file name, e.g. {@code train-images-idx3-ubyte}. */
    public String fileName() {
        return fileName;
    }

    /** The name the file is published under, e.g. {@code train-images-idx3-ubyte.gz}. */
    public String gzipFileName() {
        return fileName + ".gz";
    }

    /** Size in bytes of the decompressed file. */
    public long size() {
        return size;
    }

    /** Lower-case hex SHA-256 of the decompressed file. */
    public String sha256() {
        return sha256;
    }

    public boolean isImages() {
        return this == TRAIN_IMAGES || this == TEST_IMAGES;
    }

    /** The stable key used in JSON outputs, e.g. {@code train-images}. */
    public String key() {
        return name().toLowerCase(Locale.ROOT).replace('_', '-');
    }
}
