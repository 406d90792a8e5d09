package io.github.fashionml.testing;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;

/** Runs a main class of the test classpath in a separate JVM (a separate process), capturing its output. */
public final class ChildJvm implements AutoCloseable {
    private final Process process;
    private final List<String> lines = Collections.synchronizedList(new ArrayList<>());
    private final CompletableFuture<Void> finished = new CompletableFuture<>();
    private volatile Predicate<String> trigger = line -> false;
    private volatile CompletableFuture<String> triggered = new CompletableFuture<>();

    public ChildJvm(Class<?> mainClass, String... args) throws IOException {
        this(Map.of(), List.of(), mainClass, args);
    }

    /**
     * @param environment variables to set in the child's environment (a null value removes one)
     * @param jvmOptions  options before the main class, such as {@code -Dname=value}
     */
    public ChildJvm(Map<String, String> environment, List<String> jvmOptions, Class<?> mainClass, String... args)
            throws IOException {
        List<String> command = new ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path")));
        command.addAll(jvmOptions);
        command.add(mainClass.getName());
        command.addAll(List.of(args));
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
        environment.forEach((name, value) -> {
            if (value == null) {
                builder.environment().remove(name);
            } else {
                builder.environment().put(name, value);
            }
        });
        process = builder.start();
        Thread reader = new Thread(() -> {
            try (BufferedReader in = new BufferedReader(
                    new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
                String line;
                while ((line = in.readLine()) != null) {
                    lines.add(line);
                    if (trigger.test(line)) {
                        triggered.complete(line);
                    }
                }
            } catch (IOException ignored) {
                // The process was killed.
            }
            finished.complete(null);
        });
        reader.setDaemon(true);
        reader.start();
    }

    /** Waits until the child prints a line that matches. */
    public String awaitLine(Predicate<String> condition, long seconds) throws Exception {
        triggered = new CompletableFuture<>();
        trigger = condition;
        synchronized (lines) {
            for (String line : lines) {
                if (condition.test(line)) {
                    return line;
                }
            }
        }
        return triggered.get(seconds, TimeUnit.SECONDS);
    }

    /** SIGKILL: no shutdown hooks, no finally blocks, as when CI kills a build. */
    public void kill() throws InterruptedException {
        process.destroyForcibly();
        process.waitFor(30, TimeUnit.SECONDS);
    }

    /** SIGTERM: shutdown hooks run, as on Ctrl-C (SIGINT) in a terminal. */
    public void terminate() {
        process.destroy();
    }

    /** The processes this child started, and theirs. */
    public List<ProcessHandle> descendants() {
        return process.descendants().toList();
    }

    public int waitFor(long seconds) throws Exception {
        if (!process.waitFor(seconds, TimeUnit.SECONDS)) {
            throw new IllegalStateException("child JVM still running after " + seconds + " s: " + lines);
        }
        finished.get(10, TimeUnit.SECONDS);
        return process.exitValue();
    }

    public List<String> lines() {
        return List.copyOf(lines);
    }

    @Override
    public void close() {
        process.destroyForcibly();
    }
}
