package io.github.fashionml.fork;

import io.github.fashionml.ConfigurationException;
import io.github.fashionml.util.ProgressLog;

import java.io.BufferedReader;
import java.io.File;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Runs a main class in a child JVM, as surefire forks its tests: the child gets its own native settings and
 * memory, its output lines stream into the caller's log as they come, and it is killed when the caller is
 * interrupted or its JVM shuts down (Ctrl-C on Maven).
 */
public final class ForkedJvm {
    private final Path javaExecutable;
    private final List<Path> classpath;
    private final List<String> jvmArgs;
    private final Map<String, String> environment;

    /**
     * @param javaExecutable the {@code java} to run, or null for the one running this JVM
     * @param environment    variables to set in the child's environment, on top of this process's
     */
    public ForkedJvm(Path javaExecutable, List<Path> classpath, List<String> jvmArgs, Map<String, String> environment) {
        this.javaExecutable = javaExecutable != null ? javaExecutable
                : Path.of(System.getProperty("java.home"), "bin", "java");
        this.classpath = List.copyOf(classpath);
        this.jvmArgs = List.copyOf(jvmArgs);
        this.environment = Map.copyOf(environment);
    }

    public Path javaExecutable() {
        return javaExecutable;
    }

    /**
     * Fails unless {@code javaExecutable} (the user's {@code <jvm>}, or a toolchain's {@code java}) is an executable
     * file: a look at the file system, not a start, so that it costs nothing in a build where every model is up to
     * date and a wrong path fails that build instead of the first one that has work to do. Null (the running
     * JVM's {@code java}) is not checked.
     */
    public static void checkExecutable(Path javaExecutable) throws ConfigurationException {
        if (javaExecutable == null) {
            return;
        }
        String problem;
        String binary = "the java binary of a Java 17 or newer";
        if (Files.isDirectory(javaExecutable)) {
            problem = "is a directory";
            Path unix = javaExecutable.resolve("bin").resolve("java");
            Path windows = javaExecutable.resolve("bin").resolve("java.exe");
            binary = Files.isRegularFile(unix) ? "the java binary inside it, " + unix
                    : Files.isRegularFile(windows) ? "the java binary inside it, " + windows
                    : "the java binary of a JDK (its bin/java)";
        } else if (!Files.exists(javaExecutable)) {
            problem = "does not exist";
        } else if (!Files.isRegularFile(javaExecutable) || !Files.isExecutable(javaExecutable)) {
            problem = "is not an executable file";
        } else {
            return;
        }
        throw new ConfigurationException("The java executable for the forked JVM, " + javaExecutable + ", " + problem
                + ". Set <jvm> (-Dfashionml.jvm) to " + binary + ", or remove it to fork the java of the build's "
                + "jdk toolchain, else the one running Maven.");
    }

    /** Runs {@code mainClass} with {@code args}, logging each line the child prints; returns its exit code. */
    public int run(String mainClass, List<String> args, ProgressLog log) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>();
        command.add(javaExecutable.toString());
        command.addAll(jvmArgs);
        command.add("-cp");
        command.add(String.join(File.pathSeparator, classpath.stream().map(Path::toString).toList()));
        command.add(mainClass);
        command.addAll(args);
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
        builder.environment().putAll(environment);
        Process process;
        try {
            process = builder.start();
        } catch (IOException e) {
            throw new IOException("Cannot start the forked JVM " + javaExecutable + " (" + e.getMessage() + "). Set "
                    + "<jvm> to the java executable of a Java 17 or newer, or fix the build's jdk toolchain.", e);
        }
        Thread killer = new Thread(process::destroyForcibly, "fashion-ml-fork-killer");
        Runtime.getRuntime().addShutdownHook(killer);
        // The output is read on its own thread, so this one waits interruptibly: a build cancelled by interrupting
        // it (an IDE, a Maven daemon) ends the child at once instead of after the training.
        Thread reader = new Thread(() -> stream(process, log), "fashion-ml-fork-output");
        reader.setDaemon(true);
        reader.start();
        try {
            int exit = process.waitFor();
            reader.join();
            return exit;
        } finally {
            process.destroyForcibly();
            try {
                Runtime.getRuntime().removeShutdownHook(killer);
            } catch (IllegalStateException shuttingDown) {
                // The hook is running or ran: the child is being killed.
            }
        }
    }

    /** Logs each line the child prints, its warnings as warnings. */
    private static void stream(Process process, ProgressLog log) {
        try (BufferedReader out = new BufferedReader(new InputStreamReader(process.getInputStream(),
                StandardCharsets.UTF_8))) {
            String line;
            while ((line = out.readLine()) != null) {
                if (line.startsWith("SLF4J: ")) {
                    // slf4j's note that the child has no logging binding, so ND4J's own log lines are dropped:
                    // the child reports through its output instead.
                    continue;
                }
                if (line.startsWith(ChildMain.WARNING_PREFIX)) {
                    log.warn(line.substring(ChildMain.WARNING_PREFIX.length()));
                } else {
                    log.info(line);
                }
            }
        } catch (IOException e) {
            // The child was killed and its pipe closed: its exit code tells the rest.
        }
    }
}
