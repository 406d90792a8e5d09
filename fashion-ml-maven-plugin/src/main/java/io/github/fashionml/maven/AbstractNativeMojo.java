package io.github.fashionml.maven;

import io.github.fashionml.ConfigurationException;
import io.github.fashionml.fork.ForkOptions;
import io.github.fashionml.fork.JobRunner;
import org.apache.maven.artifact.Artifact;
import org.apache.maven.plugin.descriptor.PluginDescriptor;
import org.apache.maven.plugins.annotations.Component;
import org.apache.maven.plugins.annotations.Parameter;
import org.apache.maven.toolchain.Toolchain;
import org.apache.maven.toolchain.ToolchainManager;

import java.io.File;
import java.nio.file.Path;
import java.util.List;

/**
 * Goals that run ND4J's native code (train, evaluate, predict, compare's baseline evaluation, reproduce): the
 * native build and kernel choice, and where the work runs. As surefire runs tests, the work runs in a forked JVM by
 * default, so Maven's own JVM never loads the native library nor changes its process; the goals are then safe in
 * parallel builds ({@code -T}), even with a different {@code nd4jClassifier} per module.
 */
abstract class AbstractNativeMojo extends AbstractFashionMlMojo {

    /**
     * The native build of ND4J: {@code auto} (oneDNN with AVX2 where the CPU has AVX2, else portable),
     * {@code linux-x86_64-onednn-avx2}, or {@code linux-x86_64} (portable). Part of the fingerprint.
     */
    @Parameter(property = "fashionml.nd4jClassifier", defaultValue = "auto")
    protected String nd4jClassifier;

    /**
     * {@code pinned} (default): oneDNN's and OpenBLAS's kernels are pinned to their AVX2 sets on every CPU with
     * AVX2, whatever the environment says, so every such x86-64 machine trains the same bits; on a CPU with
     * AVX-512 that makes convolutions train up to ~30% slower, and {@code train} says so in its log. {@code native}:
     * the CPU's fastest kernels; the bits then follow the CPU, and the fingerprint records its vector extensions.
     */
    @Parameter(property = "fashionml.kernels", defaultValue = "pinned")
    protected String kernels;

    /**
     * Run the native work in a forked JVM (the default), as surefire does: its environment carries the native
     * settings, its memory is its own ({@code jvmArgs}), and its progress streams into the build log. No JVM is
     * started when every model is up to date. {@code false} runs in Maven's JVM: a little faster to start, but the
     * native build and settings are then fixed for the rest of that JVM (one {@code nd4jClassifier} per build, no
     * second build in a Maven daemon), and a parallel build ({@code -T}) is refused. {@code reproduce} always forks.
     */
    @Parameter(property = "fashionml.fork", defaultValue = "true")
    protected boolean fork;

    /**
     * Arguments for the forked JVM, one per {@code <jvmArg>}, for example {@code -Xmx8g}. Default: none (the
     * JVM's own heap default, a quarter of the machine's memory).
     */
    @Parameter(property = "fashionml.jvmArgs")
    protected List<String> jvmArgs;

    /**
     * The {@code java} executable for the forked JVM (Java 17 or newer). Default: the JDK of the build's
     * {@code jdk} toolchain if one is configured (maven-toolchains-plugin), else the Java running Maven. Where the
     * goal forks ({@code fork} on, and {@code reproduce} always), a path that is not an executable file (one that
     * does not exist, or a JDK's folder instead of its {@code bin/java}) fails the goal at once, even when every
     * model is up to date and no JVM would start (a Java older than 17 shows only when it starts).
     */
    @Parameter(property = "fashionml.jvm")
    protected File jvm;

    @Parameter(defaultValue = "${plugin}", readonly = true, required = true)
    private PluginDescriptor plugin;

    @Component
    private ToolchainManager toolchainManager;

    /** Runs native work where {@code fork} says, with this plugin's classpath for a child. */
    protected JobRunner jobRunner() throws ConfigurationException {
        if (!fork && session != null && session.isParallel()) {
            throw new ConfigurationException("fork is false in a parallel build (-T): the modules would share Maven's "
                    + "one native backend and overwrite each other's thread settings. Leave fork on (the default), or "
                    + "build without -T.");
        }
        List<Path> classpath = plugin.getArtifacts().stream().map(Artifact::getFile).map(File::toPath).toList();
        return new JobRunner(new ForkOptions(fork, javaExecutable(), jvmArgs, classpath, nd4jClassifier, kernels),
                progressLog());
    }

    /** The {@code jvm} parameter, else the toolchain's {@code java}, else null (the running one). */
    private Path javaExecutable() {
        if (jvm != null) {
            return jvm.toPath();
        }
        Toolchain toolchain = toolchainManager == null || session == null ? null
                : toolchainManager.getToolchainFromBuildContext("jdk", session);
        String java = toolchain == null ? null : toolchain.findTool("java");
        if (java != null) {
            getLog().info("Forked JVM from toolchain " + toolchain);
        }
        return java == null ? null : Path.of(java);
    }
}
