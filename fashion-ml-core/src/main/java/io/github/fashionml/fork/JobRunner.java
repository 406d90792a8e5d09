package io.github.fashionml.fork;

import io.github.fashionml.ConfigurationException;
import io.github.fashionml.FashionMlException;
import io.github.fashionml.nativeblas.NativeBackend;
import io.github.fashionml.nativeblas.NativeSettings;
import io.github.fashionml.util.Json;
import io.github.fashionml.util.ProgressLog;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;

/**
 * Runs native work the way surefire runs tests: in a child JVM by default, whose environment carries the native
 * settings, so Maven's own JVM never loads ND4J nor changes its process; two modules of a parallel build can then
 * use different native builds, and a build in a Maven daemon can run twice. Work that needs no native code
 * (every model up to date) is done here without starting a JVM.
 */
public final class JobRunner {
    private final ForkOptions options;
    private final ProgressLog log;

    public JobRunner(ForkOptions options, ProgressLog log) {
        this.options = options;
        this.log = log;
    }

    /**
     * Runs the job where the options say: here when it needs no native code, else in a child or in this JVM. The
     * child's java is checked first, whether or not there is work: a wrong {@code <jvm>} fails today's build, not
     * the first one that retrains.
     */
    public void run(NativeJob job) throws FashionMlException, IOException {
        if (options.fork()) {
            ForkedJvm.checkExecutable(options.javaExecutable());
        }
        NativeSettings[] planned = new NativeSettings[1];
        NativeJob.PlannedSettings settings = () -> {
            if (planned[0] == null) {
                planned[0] = NativeSettings.plan(options.nd4jClassifier(), options.kernels());
            }
            return planned[0];
        };
        if (job.completeWithoutNative(settings, log)) {
            return;
        }
        if (options.fork()) {
            runInChild(job, settings.get());
        } else {
            job.run(NativeBackend.start(options.nd4jClassifier(), options.kernels()), log);
        }
    }

    /** Runs the job in a fresh child JVM, whatever the options say (a reproduction needs one). */
    public void runInChild(NativeJob job) throws FashionMlException, IOException {
        ForkedJvm.checkExecutable(options.javaExecutable());
        runInChild(job, NativeSettings.plan(options.nd4jClassifier(), options.kernels()));
    }

    private void runInChild(NativeJob job, NativeSettings settings) throws FashionMlException, IOException {
        if (options.classpath().isEmpty()) {
            throw new IllegalStateException("no classpath for the forked JVM");
        }
        Path exchange = Files.createTempDirectory("fashion-ml-fork");
        try {
            Path request = exchange.resolve("request.json");
            Path result = exchange.resolve("result.json");
            Json.write(request, new ChildMain.Request(options.nd4jClassifier(), options.kernels(), job));
            List<String> jvmArgs = new ArrayList<>(options.jvmArgs());
            // Thread counts are part of the fingerprint, which this JVM computes to decide whether to fork at all:
            // the child counts the processors and BLAS threads this JVM counts, whatever jvmArgs say (last wins).
            jvmArgs.add("-XX:ActiveProcessorCount=" + Runtime.getRuntime().availableProcessors());
            jvmArgs.add("-D" + NativeBackend.BLAS_THREADS_PROPERTY + "=" + NativeBackend.blasThreads());
            ForkedJvm jvm = new ForkedJvm(options.javaExecutable(), options.classpath(), jvmArgs,
                    settings.environment());
            log.info("Forking a JVM for " + job.activity() + " (" + jvm.javaExecutable()
                    + (options.jvmArgs().isEmpty() ? "" : " " + String.join(" ", options.jvmArgs())) + "; "
                    + settings.classifier() + ", " + settings.kernels() + " kernels)");
            int exit;
            try {
                exit = jvm.run(ChildMain.class.getName(), List.of(request.toString(), result.toString()), log);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new FashionMlException("Interrupted: the forked JVM for " + job.activity() + " was stopped. "
                        + "Outputs it had not finished were left as they were before.");
            }
            if (!Files.isRegularFile(result)) {
                throw new FashionMlException(died(job, exit));
            }
            rethrow(Json.read(result, ChildMain.Result.class, "it is written by the forked JVM"));
        } finally {
            deleteRecursively(exchange);
        }
    }

    private static void rethrow(ChildMain.Result result) throws FashionMlException, IOException {
        switch (result.outcome()) {
            case ChildMain.Result.OK:
                return;
            case ChildMain.Result.CONFIGURATION:
                throw new ConfigurationException(result.message());
            case ChildMain.Result.FAILURE:
                throw new FashionMlException(result.message());
            default:
                throw new IOException(result.message());
        }
    }

    /** Why a child that wrote no result ended, and what the user can do. */
    static String died(NativeJob job, int exit) {
        String how;
        if (exit == 128 + 9 || exit == -9) {
            how = "was killed (SIGKILL: by hand, or by the kernel's out-of-memory killer when the machine ran out "
                    + "of memory)";
        } else if (exit > 128) {
            how = "was ended by signal " + (exit - 128);
        } else {
            how = "ended with exit code " + exit + " before it finished";
        }
        return String.format(Locale.ROOT, "The forked JVM for %s %s. Work it had finished is complete; any output it "
                + "had not finished keeps its earlier version (each file is replaced only when complete). Its last "
                + "lines are above.%s", job.activity(), how, exit == 128 + 9 || exit == -9
                ? " If memory ran out, give it less to do (smaller batches) or the machine more memory." : "");
    }

    private static void deleteRecursively(Path dir) {
        try (Stream<Path> paths = Files.walk(dir)) {
            paths.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException e) {
            // A temporary directory left behind is harmless.
        }
    }
}
