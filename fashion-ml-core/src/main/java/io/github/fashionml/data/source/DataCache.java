package io.github.fashionml.data.source;

import io.github.fashionml.data.FashionMnist;
import io.github.fashionml.data.FashionMnistFile;
import io.github.fashionml.util.AtomicFiles;
import io.github.fashionml.util.ProgressLog;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.locks.ReentrantLock;

/**
 * The per-user download cache, shared by every build on the machine (like {@code ~/.m2}). Files enter it
 * only complete and verified (downloaded beside it, checked, then moved in); a per-file lock, held across
 * processes and threads, makes concurrent builds wait for one download instead of racing it.
 */
public final class DataCache {
    private static final ConcurrentHashMap<Path, ReentrantLock> JVM_LOCKS = new ConcurrentHashMap<>();

    private final Path directory;

    /** @param root the cache root; the dataset lives in its {@code fashion-mnist} folder */
    public DataCache(Path root) {
        this.directory = root.toAbsolutePath().normalize().resolve(FashionMnist.NAME);
    }

    /** {@code ~/.fashion-ml/cache}. */
    public static Path defaultRoot() {
        return Path.of(System.getProperty("user.home"), ".fashion-ml", "cache");
    }

    public Path directory() {
        return directory;
    }

    /** The cached copy of a file, if there is one (the gzip name first, then the plain one). */
    Optional<Path> find(FashionMnistFile file) throws IOException {
        for (String name : new String[] {file.gzipFileName(), file.fileName()}) {
            Path candidate = directory.resolve(name);
            if (Files.isSymbolicLink(candidate)) {
                throw new IOException(candidate + " is a symbolic link; the cache holds only regular files it wrote "
                        + "itself. Delete the link (the plugin will fetch the file again) or set <dataDirectory> "
                        + "to the directory it points to.");
            }
            if (Files.exists(candidate)) {
                return Optional.of(candidate);
            }
        }
        return Optional.empty();
    }

    /** A new temporary file in the cache directory, on the same file system so it can be moved in atomically. */
    Path newTempFile(FashionMnistFile file) throws IOException {
        Files.createDirectories(directory);
        return Files.createTempFile(directory, "." + file.gzipFileName() + ".", ".part");
    }

    /** Moves a verified temporary file into the cache. */
    Path install(Path verifiedTemp, FashionMnistFile file) throws IOException {
        Path target = directory.resolve(file.gzipFileName());
        AtomicFiles.moveIntoPlace(verifiedTemp, target);
        return target;
    }

    /** Moves a damaged cache entry aside, where a person can inspect it, so it is never used again. */
    Path quarantine(Path damaged) throws IOException {
        Path dir = directory.resolve("quarantine");
        Files.createDirectories(dir);
        Path target = dir.resolve(damaged.getFileName() + "." + System.currentTimeMillis());
        AtomicFiles.moveIntoPlace(damaged, target);
        return target;
    }

    /** Takes the lock for one file, waiting (and saying so) while another build holds it. */
    Lock lock(FashionMnistFile file, ProgressLog log) throws IOException {
        Files.createDirectories(directory);
        Path lockFile = directory.resolve("." + file.fileName() + ".lock");
        ReentrantLock jvmLock = JVM_LOCKS.computeIfAbsent(lockFile, k -> new ReentrantLock());
        if (!jvmLock.tryLock()) {
            log.info("Waiting for another fetch of " + file.gzipFileName() + " in this JVM to finish");
            jvmLock.lock();
        }
        FileChannel channel = null;
        try {
            channel = FileChannel.open(lockFile, StandardOpenOption.CREATE, StandardOpenOption.WRITE);
            FileLock fileLock = channel.tryLock();
            if (fileLock == null) {
                log.info("Waiting for another build that is fetching " + file.gzipFileName() + " into " + directory);
                fileLock = channel.lock();
            }
            return new Lock(jvmLock, channel, fileLock);
        } catch (IOException | RuntimeException e) {
            if (channel != null) {
                channel.close();
            }
            jvmLock.unlock();
            throw e;
        }
    }

    /** A held cache lock; closing it releases it. */
    static final class Lock implements AutoCloseable {
        private final ReentrantLock jvmLock;
        private final FileChannel channel;
        private final FileLock fileLock;

        private Lock(ReentrantLock jvmLock, FileChannel channel, FileLock fileLock) {
            this.jvmLock = jvmLock;
            this.channel = channel;
            this.fileLock = fileLock;
        }

        @Override
        public void close() throws IOException {
            try {
                fileLock.release();
                channel.close();
            } finally {
                jvmLock.unlock();
            }
        }
    }
}
