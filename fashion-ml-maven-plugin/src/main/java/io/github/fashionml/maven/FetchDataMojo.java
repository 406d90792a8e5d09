package io.github.fashionml.maven;

import io.github.fashionml.FashionMlException;
import io.github.fashionml.data.source.DatasetConfig;
import io.github.fashionml.data.source.DatasetResolver;
import io.github.fashionml.data.source.DownloadSettings;
import io.github.fashionml.data.source.ExpectedContent;
import io.github.fashionml.data.source.FetchOptions;
import io.github.fashionml.data.source.Mirror;
import org.apache.maven.plugins.annotations.LifecyclePhase;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;

import java.io.File;
import java.io.IOException;
import java.time.Duration;
import java.util.List;

/**
 * Finds Fashion-MNIST, verifies each file by the SHA-256 of its decompressed contents, and records which
 * source served it in {@code dataset.json}. Sources, in order: {@code dataDirectory}, the per-user cache,
 * the Debian/Ubuntu package directory, then the HTTPS mirrors (downloading into the cache). With
 * {@code mvn -o} only the local sources are used.
 */
@Mojo(name = "fetch-data", defaultPhase = LifecyclePhase.GENERATE_RESOURCES, threadSafe = true)
public class FetchDataMojo extends AbstractFashionMlMojo {

    /** A directory holding the four files ({@code .gz} or decompressed); tried first when set. */
    @Parameter(property = "fashionml.dataDirectory")
    private File dataDirectory;

    /** The per-user download cache, shared by all builds on the machine; decoded image folders are kept here too. */
    @Parameter(property = "fashionml.cacheDirectory", defaultValue = "${user.home}/.fashion-ml/cache")
    private File cacheDirectory;

    /** Where {@code apt-get install dataset-fashion-mnist} puts the files on Debian and Ubuntu. */
    @Parameter(property = "fashionml.systemPackageDirectory", defaultValue = "/usr/share/datasets/fashion-mnist")
    private File systemPackageDirectory;

    /** Whether to look in {@code systemPackageDirectory} at all. */
    @Parameter(property = "fashionml.useSystemPackage", defaultValue = "true")
    private boolean useSystemPackage;

    /**
     * Base URLs serving the four {@code .gz} files, tried in order. Defaults to the official upstream
     * repository, then the copy Keras downloads from. On the command line: a comma-separated list.
     */
    @Parameter(property = "fashionml.mirrors")
    private List<String> mirrors;

    /** Whether to download at all; false keeps the goal to local sources, as {@code mvn -o} does. */
    @Parameter(property = "fashionml.download", defaultValue = "true")
    private boolean download;

    /** Accept {@code http://} mirrors. Downloads are verified by SHA-256 either way. */
    @Parameter(property = "fashionml.allowInsecureMirrors", defaultValue = "false")
    private boolean allowInsecureMirrors;

    /** Seconds to wait for a mirror to accept the connection. */
    @Parameter(property = "fashionml.connectTimeout", defaultValue = "20")
    private int connectTimeout;

    /** Seconds a download may stall (no bytes received) before the next mirror is tried. */
    @Parameter(property = "fashionml.readTimeout", defaultValue = "60")
    private int readTimeout;

    /**
     * The id of a {@code settings.xml} {@code <server>} whose user name and password the configured
     * {@code <mirrors>} get when they ask for credentials (only their own hosts: a redirect elsewhere does not;
     * only over https; never the default public mirrors). Encrypted passwords are decrypted as Maven does.
     * Default: none.
     */
    @Parameter(property = "fashionml.serverId")
    private String serverId;

    /**
     * The data set. Leave it out for Fashion-MNIST (found, verified and recorded as above). For a folder of labelled
     * images (grey or colour): {@code <directory>} with one sub-folder per class (or {@code train/} and {@code test/} folders
     * holding them), decoded once into IDX files in {@code cacheDirectory}; optional {@code <classNames>},
     * {@code <imageSize>} ({@code HxW}), {@code <resize>} ({@code stretch}, {@code crop}, {@code pad}),
     * {@code <colorMode>} ({@code grayscale}, {@code rgb}), {@code <testFraction>}, {@code <onCorrupt>} ({@code fail},
     * {@code skip}) and {@code <followLinks>}. For any IDX data set (MNIST, KMNIST, EMNIST, one's own):
     * {@code <format>idx</format>}, {@code <directory>} with its four files (names ending as MNIST's:
     * {@code train-images-idx3-ubyte}, {@code train-labels-idx1-ubyte}, {@code t10k-images-idx3-ubyte} or
     * {@code test-images-idx3-ubyte}, {@code t10k-labels-idx1-ubyte} or {@code test-labels-idx1-ubyte}, each
     * optionally {@code .gz}), optional {@code <classNames>} in label order (default: the labels' numbers) and an
     * optional {@code <sha256>} per file ({@code <train-images>}, {@code <train-labels>}, {@code <test-images>},
     * {@code <test-labels>}). Every later goal reads what this goal records: the images' size and the classes follow
     * the data set.
     */
    @Parameter
    private Dataset dataset;

    /** Overrides {@code <dataset><directory>}, for example to point CI at another copy of the data. */
    @Parameter(property = "fashionml.dataset.directory")
    private File datasetDirectory;

    @Override
    protected void run() throws FashionMlException, IOException {
        List<Mirror> downloadFrom = new DownloadSettings(download, mirrors, allowInsecureMirrors, serverId)
                .resolve(new MavenMirrorAccess(session.getRepositorySession()));
        FetchOptions options = new FetchOptions(
                dataDirectory == null ? null : dataDirectory.toPath(),
                cacheDirectory.toPath(),
                useSystemPackage ? systemPackageDirectory.toPath() : null,
                downloadFrom, session.isOffline(),
                Duration.ofSeconds(connectTimeout), Duration.ofSeconds(readTimeout),
                ExpectedContent.fashionMnist());
        DatasetConfig config = dataset != null ? dataset.toConfig(datasetDirectory)
                : new Dataset().toConfig(datasetDirectory);
        DatasetResolver.resolveInto(config, options, progressLog(), outputDirectory.toPath());
    }
}
