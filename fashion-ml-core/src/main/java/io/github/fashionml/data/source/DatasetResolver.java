package io.github.fashionml.data.source;

import io.github.fashionml.ConfigurationException;
import io.github.fashionml.FashionMlException;
import io.github.fashionml.data.FashionMnistFile;
import io.github.fashionml.util.ProgressLog;

import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Finds a verified copy of each Fashion-MNIST file. Sources are tried in a fixed order: the configured
 * directory, the per-user cache, the system package directory, then the mirrors (downloading into the
 * cache). A file is used only when the SHA-256 of its decompressed contents is the expected one.
 */
public final class DatasetResolver {
    private final FetchOptions options;
    private final ProgressLog log;
    private final DataCache cache;
    private final HttpDownloader downloader;

    /** Checks the options at once ({@link FetchOptions#check}), so a bad setting fails before any lookup. */
    public DatasetResolver(FetchOptions options, ProgressLog log) throws ConfigurationException {
        options.check();
        this.options = options;
        this.log = log;
        this.cache = new DataCache(options.cacheRoot());
        this.downloader = new HttpDownloader(options.connectTimeout(), options.readTimeout());
    }

    /**
     * Resolves the dataset and records where each file came from in the output tree's {@code dataset.json}, which
     * the later goals read: what the {@code fetch-data} goal calls.
     */
    public ResolvedDataset resolveInto(Path outputDirectory) throws DataUnavailableException, IOException {
        ResolvedDataset dataset = resolve();
        Path record = new io.github.fashionml.output.OutputLayout(outputDirectory).datasetFile();
        dataset.write(record);
        log.info("Fashion-MNIST verified; sources recorded in " + record);
        return dataset;
    }

    /**
     * Resolves the configured data set (Fashion-MNIST from these options when {@code config} names none; an IDX
     * directory; or an image folder, decoded into the cache under {@code fashionMnist.cacheRoot()}) and records it
     * in the output tree's {@code dataset.json}: what the {@code fetch-data} goal calls.
     */
    public static ResolvedDataset resolveInto(DatasetConfig config, FetchOptions fashionMnist, ProgressLog log,
                                              Path outputDirectory) throws FashionMlException, IOException {
        config.check();
        if (config.isFashionMnist()) {
            return new DatasetResolver(fashionMnist, log).resolveInto(outputDirectory);
        }
        boolean idx = DatasetConfig.IDX.equals(config.kind());
        ResolvedDataset dataset;
        if (idx) {
            dataset = new IdxDirectory(log).resolve(config.directory(), config.classNames(), config.sha256());
        } else {
            if (fashionMnist == null) {
                throw new IllegalArgumentException("an image folder is decoded into the cache: pass the options "
                        + "naming the cache root");
            }
            dataset = new ImageFolderSource(fashionMnist.cacheRoot(), log).resolve(config);
        }
        Path record = new io.github.fashionml.output.OutputLayout(outputDirectory).datasetFile();
        dataset.write(record);
        io.github.fashionml.data.DatasetDescription d = dataset.description();
        log.info((idx ? "IDX data set '" : "Image folder data set '") + d.name() + "': " + d.shape() + " images, "
                + d.classCount() + " classes " + d.classNames() + "; recorded in " + record);
        return dataset;
    }

    /** Resolves all four files, or fails listing, per missing file, every source tried and why. */
    public ResolvedDataset resolve() throws DataUnavailableException, IOException {
        if (options.offline()) {
            log.info("Maven is offline (-o): using local sources only");
        }
        Map<FashionMnistFile, ResolvedFile> found = new EnumMap<>(FashionMnistFile.class);
        Map<FashionMnistFile, List<Attempt>> missing = new LinkedHashMap<>();
        for (FashionMnistFile file : FashionMnistFile.values()) {
            List<Attempt> attempts = new ArrayList<>();
            Optional<ResolvedFile> resolved = resolve(file, attempts);
            if (resolved.isPresent()) {
                ResolvedFile r = resolved.get();
                log.info(file.gzipFileName() + ": " + r.source() + ", SHA-256 " + r.sha256() + " verified");
                found.put(file, r);
            } else {
                missing.put(file, attempts);
            }
        }
        if (!missing.isEmpty()) {
            String system = options.systemPackageDirectory() == null
                    ? FetchOptions.SYSTEM_PACKAGE_DIRECTORY.toString() : options.systemPackageDirectory().toString();
            throw new DataUnavailableException(missing, system);
        }
        return ResolvedDataset.fashionMnist(found);
    }

    private Optional<ResolvedFile> resolve(FashionMnistFile file, List<Attempt> attempts) throws IOException {
        String explicit = "configured directory " + options.dataDirectory();
        if (options.dataDirectory() != null) {
            Optional<ResolvedFile> r = fromDirectory(explicit, options.dataDirectory(), file, attempts);
            if (r.isPresent()) {
                return r;
            }
        }
        DataCache.Lock lock;
        try {
            lock = cache.lock(file, log);
        } catch (IOException e) {
            // An unusable cache must not hide the system package: go on without cache and downloads.
            attempts.add(new Attempt("cache " + cache.directory(), "unusable (" + e.getMessage() + ")"));
            log.warn("The cache " + cache.directory() + " is unusable (" + e + "); set <cacheDirectory> "
                    + "(-Dfashionml.cacheDirectory) to a writable directory to enable downloads");
            return fromSystemPackage(file, attempts);
        }
        try (lock) {
            Optional<ResolvedFile> r = fromCache(file, attempts);
            if (r.isEmpty()) {
                r = fromSystemPackage(file, attempts);
            }
            if (r.isEmpty()) {
                r = fromMirrors(file, attempts);
            }
            return r;
        }
    }

    private Optional<ResolvedFile> fromSystemPackage(FashionMnistFile file, List<Attempt> attempts) throws IOException {
        if (options.systemPackageDirectory() == null) {
            return Optional.empty();
        }
        return fromDirectory("Debian/Ubuntu package directory " + options.systemPackageDirectory(),
                options.systemPackageDirectory(), file, attempts);
    }

    private Optional<ResolvedFile> fromDirectory(String source, Path dir, FashionMnistFile file,
                                                 List<Attempt> attempts) throws IOException {
        if (!Files.isDirectory(dir)) {
            attempts.add(new Attempt(source, Files.exists(dir) ? "is not a directory" : "does not exist"));
            return Optional.empty();
        }
        int before = attempts.size();
        for (String name : new String[] {file.gzipFileName(), file.fileName()}) {
            Path candidate = dir.resolve(name);
            if (Files.exists(candidate)) {
                Optional<ResolvedFile> r = verify(source, candidate, candidate.toString(), file, attempts);
                if (r.isPresent()) {
                    return r;
                }
            }
        }
        if (attempts.size() == before) {
            attempts.add(new Attempt(source, "has neither " + file.gzipFileName() + " nor " + file.fileName()));
        }
        return Optional.empty();
    }

    /** Verifies a local file; a bad one is reported and left untouched (it is not ours to delete). */
    private Optional<ResolvedFile> verify(String source, Path path, String origin, FashionMnistFile file,
                                          List<Attempt> attempts) {
        try {
            ContentCheck check = ContentCheck.of(path, options.expected().get(file));
            if (check.matches()) {
                return Optional.of(new ResolvedFile(file, path, source, origin, check.sha256(), check.size()));
            }
            attempts.add(new Attempt(source, path.getFileName() + " " + check.mismatch() + "; not used"));
            log.warn(path + ": " + check.mismatch() + "; not used");
        } catch (IOException e) {
            attempts.add(new Attempt(source, problem(e) + "; not used"));
            log.warn(problem(e) + "; not used");
        }
        return Optional.empty();
    }

    private Optional<ResolvedFile> fromCache(FashionMnistFile file, List<Attempt> attempts) throws IOException {
        String source = "cache " + cache.directory();
        Optional<Path> cached;
        try {
            cached = cache.find(file);
        } catch (IOException e) {
            attempts.add(new Attempt(source, e.getMessage()));
            return Optional.empty();
        }
        if (cached.isEmpty()) {
            attempts.add(new Attempt(source, "no copy yet"));
            return Optional.empty();
        }
        int before = attempts.size();
        Optional<ResolvedFile> r = verify(source, cached.get(), cached.get().toString(), file, attempts);
        if (r.isEmpty() && attempts.size() > before) {
            Path moved = cache.quarantine(cached.get());
            attempts.set(attempts.size() - 1, new Attempt(source, attempts.get(attempts.size() - 1).reason()
                    + "; moved to " + moved));
        }
        return r;
    }

    private Optional<ResolvedFile> fromMirrors(FashionMnistFile file, List<Attempt> attempts) throws IOException {
        if (options.mirrors().isEmpty()) {
            attempts.add(new Attempt("mirrors", "none configured"));
            return Optional.empty();
        }
        for (Mirror mirror : options.mirrors()) {
            URI uri = mirror.uriOf(file);
            String source = "mirror " + mirror;
            if (options.offline()) {
                attempts.add(new Attempt(source, "skipped: Maven is offline (-o)"));
                continue;
            }
            log.info("Downloading " + uri + (mirror.proxy() == null ? "" : " through the proxy " + mirror.proxy())
                    + (mirror.credentials() == null ? "" : " with the credentials of " + mirror.credentials()));
            Path temp = cache.newTempFile(file);
            try {
                downloader.download(uri, temp, log, mirror);
                ContentCheck check = ContentCheck.of(temp, options.expected().get(file));
                if (check.matches()) {
                    Path installed = cache.install(temp, file);
                    return Optional.of(new ResolvedFile(file, installed,
                            "downloaded from " + mirror + " into " + cache.directory(), uri.toString(),
                            check.sha256(), check.size()));
                }
                attempts.add(new Attempt(source, check.mismatch() + "; the download was discarded"));
                log.warn(uri + ": " + check.mismatch() + "; the download was discarded");
            } catch (IOException e) {
                attempts.add(new Attempt(source, uri + ": " + problem(e) + "; nothing was cached"));
                log.warn(uri + ": " + problem(e) + "; trying the next source");
            } finally {
                Files.deleteIfExists(temp);
            }
        }
        return Optional.empty();
    }

    private static String problem(IOException e) {
        String message = e.getMessage() == null ? "" : e.getMessage();
        return e instanceof java.nio.file.AccessDeniedException ? "permission denied: " + message
                : e instanceof java.net.UnknownHostException ? "unknown host " + message + " (no network?)"
                : e instanceof java.net.ConnectException ? "cannot connect (" + message + ")"
                : message.isEmpty() ? e.getClass().getSimpleName() : message;
    }
}
