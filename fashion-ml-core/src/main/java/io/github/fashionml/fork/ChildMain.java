package io.github.fashionml.fork;

import io.github.fashionml.ConfigurationException;
import io.github.fashionml.FashionMlException;
import io.github.fashionml.nativeblas.NativeBackend;
import io.github.fashionml.util.Json;
import io.github.fashionml.util.ProgressLog;

import java.io.IOException;
import java.nio.file.Path;

/**
 * The child JVM's entry point: {@code <request.json> <result.json>}. Starts the native backend the request names,
 * runs its job, and writes how it ended to the result file, which {@link JobRunner} turns back into the
 * exception the job threw. Progress goes to standard output, a line at a time, warnings marked with
 * {@value #WARNING_PREFIX}. The child ends itself when its parent goes away (its standard input closes), so a
 * Maven killed outright leaves no training behind.
 */
public final class ChildMain {
    /** Marks a warning line in the child's output. */
    public static final String WARNING_PREFIX = "[warn] ";

    /** What the parent asks for. */
    public record Request(String nd4jClassifier, String kernels, NativeJob job) {
    }

    /**
     * How the job ended.
     *
     * @param outcome {@code ok}, {@code configuration} (the user's settings are wrong), {@code failure} (the
     *                build's inputs or results are wrong, such as a missed gate) or {@code error} (something broke)
     */
    public record Result(String outcome, String message) {
        static final String OK = "ok";
        static final String CONFIGURATION = "configuration";
        static final String FAILURE = "failure";
        static final String ERROR = "error";
    }

    private ChildMain() {
    }

    public static void main(String[] args) throws IOException {
        // The parent reads UTF-8, whatever this machine's locale (paths and class names may not be ASCII).
        System.setOut(new java.io.PrintStream(new java.io.FileOutputStream(java.io.FileDescriptor.out), true,
                java.nio.charset.StandardCharsets.UTF_8));
        endWithParent();
        Path resultFile = Path.of(args[1]);
        Result result;
        try {
            Request request = Json.read(Path.of(args[0]), Request.class, "it is written by the parent JVM");
            NativeBackend backend = NativeBackend.start(request.nd4jClassifier(), request.kernels());
            request.job().run(backend, ProgressLog.standardOutput(WARNING_PREFIX));
            result = new Result(Result.OK, null);
        } catch (ConfigurationException e) {
            result = new Result(Result.CONFIGURATION, messageOf(e));
        } catch (FashionMlException e) {
            result = new Result(Result.FAILURE, messageOf(e));
        } catch (IOException | RuntimeException e) {
            e.printStackTrace(System.out);
            result = new Result(Result.ERROR, messageOf(e));
        } catch (OutOfMemoryError e) {
            result = new Result(Result.ERROR, "the forked JVM ran out of memory (" + e.getMessage() + "); give it "
                    + "more with <jvmArgs><jvmArg>-Xmx8g</jvmArg></jvmArgs>, or use smaller batches");
        } catch (Throwable e) {
            // A native library that does not load (UnsatisfiedLinkError), a class missing from the classpath: the
            // parent must hear of it, and this JVM must not wait on ND4J's non-daemon threads.
            e.printStackTrace(System.out);
            result = new Result(Result.ERROR, "the forked JVM failed: " + e);
        }
        int exit = 1;
        try {
            Json.write(resultFile, result);
            exit = 0;
        } finally {
            System.out.flush();
            // ND4J's threads are not daemons: end the JVM now that the result is written (or could not be).
            System.exit(exit);
        }
    }

    private static String messageOf(Throwable e) {
        return e.getMessage() == null ? e.toString() : e.getMessage();
    }

    /** The parent holds the other end of standard input; when it closes, the parent is gone: stop at once. */
    private static void endWithParent() {
        Thread watcher = new Thread(() -> {
            try {
                while (System.in.read() != -1) {
                    // The parent sends nothing; only the end matters.
                }
            } catch (IOException e) {
                // Treated as the end.
            }
            Runtime.getRuntime().halt(3);
        }, "fashion-ml-parent-watch");
        watcher.setDaemon(true);
        watcher.start();
    }
}
