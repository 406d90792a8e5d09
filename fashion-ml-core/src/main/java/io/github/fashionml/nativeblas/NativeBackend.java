package io.github.fashionml.nativeblas;

import io.github.fashionml.ConfigurationException;
import org.nd4j.linalg.factory.Nd4j;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Collections;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.Properties;

/**
 * Chooses and starts ND4J's native CPU backend, once per JVM, and sets its thread count per model.
 *
 * <p>Two builds of nd4j-native ship: {@code linux-x86_64-onednn-avx2} (oneDNN kernels, AVX2) and the portable
 * {@code linux-x86_64}. JavaCPP loads the one named by the system property
 * {@code org.bytedeco.javacpp.platform.extension}, read when ND4J first loads: so the choice must be made
 * before anything touches ND4J, and holds for the rest of the JVM. With the oneDNN build, DL4J's layer
 * helpers are switched on (they ship switched off) so convolution and pooling run on oneDNN.
 */
public final class NativeBackend {
    public static final String ONEDNN_AVX2 = "linux-x86_64-onednn-avx2";
    public static final String PORTABLE = "linux-x86_64";
    public static final String AUTO = "auto";

    private static final String EXTENSION_PROPERTY = "org.bytedeco.javacpp.platform.extension";
    private static final String HELPERS_DISABLE_PROPERTY = "org.eclipse.deeplearning4j.helpers.disable";
    /** OpenBLAS threads instead of one per core. */
    public static final String BLAS_THREADS_PROPERTY = "fashionml.blasThreads";

    /** Kernels chosen by the pins below, the same on every x86-64 CPU with AVX2: the default. */
    public static final String PINNED_KERNELS = "pinned";
    /** Kernels chosen by the CPU (oneDNN's and OpenBLAS's own choice): bits then follow the CPU. */
    public static final String NATIVE_KERNELS = "native";

    private static NativeBackend started;

    private final String classifier;
    private final boolean oneDnn;
    private final String kernels;
    private final Map<String, String> kernelSettings;

    private NativeBackend(String classifier, boolean oneDnn, String kernels, Map<String, String> kernelSettings) {
        this.classifier = classifier;
        this.oneDnn = oneDnn;
        this.kernels = kernels;
        this.kernelSettings = Collections.unmodifiableMap(new TreeMap<>(kernelSettings));
    }

    /**
     * Starts the backend with the given classifier ({@code auto}, {@value #ONEDNN_AVX2} or {@value #PORTABLE}),
     * or returns the one already started. Asking for a different classifier after the start is an error:
     * the native library cannot be swapped inside a JVM.
     */
    public static synchronized NativeBackend start(String requested) throws ConfigurationException {
        return start(requested, PINNED_KERNELS);
    }

    /**
     * @param kernels {@value #PINNED_KERNELS} (the AVX2 kernel sets on every CPU with AVX2, so the same bits on
     *                every such CPU) or {@value #NATIVE_KERNELS} (the CPU's fastest; bits follow the CPU)
     */
    public static synchronized NativeBackend start(String requested, String kernels) throws ConfigurationException {
        NativeSettings settings = NativeSettings.plan(requested, kernels);
        if (started != null) {
            if (!started.classifier.equals(settings.classifier()) || !started.kernels.equals(settings.kernels())) {
                throw new ConfigurationException("nd4j classifier '" + settings.classifier() + "' with "
                        + settings.kernels() + " kernels was asked for, but this JVM already runs '"
                        + started.classifier + "' with " + started.kernels + " kernels (the native library loads once "
                        + "per JVM). Use one classifier and kernel setting per build, or leave <fork> on so each goal "
                        + "runs in its own JVM.");
            }
            return started;
        }
        // A forked child has these in its environment already; in Maven's own JVM (fork off) they are set here.
        settings.pins().forEach(NativeBackend::setenv);
        settings.environment().forEach((name, value) -> {
            if (!settings.pins().containsKey(name)) {
                setenvUnlessSet(name, value);
            }
        });
        System.setProperty(EXTENSION_PROPERTY, settings.classifier().substring(PORTABLE.length()));
        // DL4J reads this when each layer is initialised: helpers on only where oneDNN is there to help.
        System.setProperty(HELPERS_DISABLE_PROPERTY, Boolean.toString(!settings.oneDnn()));
        noPhysicalMemoryPolling();
        Nd4j.create(1); // loads the native library now, with the properties above
        if (settings.oneDnn()) {
            Nd4j.getEnvironment().allowHelpers(true);
        }
        started = new NativeBackend(settings.classifier(), settings.oneDnn(), settings.kernels(),
                settings.kernelSettings());
        return started;
    }

    /**
     * Stops JavaCPP reading {@code /proc/self/statm} on every native allocation: it does so to enforce
     * {@code maxPhysicalBytes}, a limit of twice the heap that these builds never approach, and the reads
     * were ~3% of a training step. JavaCPP's own limit on the native bytes it allocates stays. A value the
     * user set is kept.
     */
    static void noPhysicalMemoryPolling() {
        if (System.getProperty("org.bytedeco.javacpp.maxPhysicalBytes") == null
                && System.getProperty("org.bytedeco.javacpp.maxphysicalbytes") == null) {
            System.setProperty("org.bytedeco.javacpp.maxPhysicalBytes", "0");
        }
    }

    /** Sets a C environment variable, which Java cannot, through JNA (present through DL4J). */
    private static void setenvUnlessSet(String name, String value) {
        if (System.getenv(name) != null) {
            return;
        }
        try {
            com.sun.jna.Function.getFunction("c", "setenv").invokeInt(new Object[] {name, value, 0});
        } catch (RuntimeException | LinkageError e) {
            // No C library reachable through JNA: the library keeps its default, which is only slower.
        }
    }

    /** Sets a C environment variable, replacing any value: a pin that silently failed would change the bits. */
    private static void setenv(String name, String value) {
        int result;
        try {
            result = com.sun.jna.Function.getFunction("c", "setenv").invokeInt(new Object[] {name, value, 1});
        } catch (RuntimeException | LinkageError e) {
            throw new IllegalStateException("cannot set " + name + " for the native libraries: " + e, e);
        }
        if (result != 0) {
            throw new IllegalStateException("setenv(" + name + ") failed");
        }
    }

    /** The CPU's vector extensions that choose kernels (avx2, avx512*, amx*), from /proc/cpuinfo. */
    public static String cpuIsa() {
        try {
            for (String line : Files.readAllLines(Path.of("/proc/cpuinfo"))) {
                if (line.startsWith("flags")) {
                    return java.util.Arrays.stream(line.substring(line.indexOf(':') + 1).trim().split("\\s+"))
                            .filter(f -> f.equals("avx2") || f.startsWith("avx512") || f.startsWith("amx")
                                    || f.equals("avx_vnni") || f.equals("fma"))
                            .sorted().collect(java.util.stream.Collectors.joining(","));
                }
            }
        } catch (IOException | RuntimeException e) {
            // Not Linux: fall through.
        }
        return System.getProperty("os.arch");
    }

    /**
     * What the kernel choice costs on this CPU, for the log when a build trains: pinned kernels on a CPU with
     * AVX-512 give up its wider kernels for the bits every AVX2 CPU gives (convolutions trained 15-30% slower on
     * an AVX-512 EPYC; see the reproducibility page). Empty where the choice costs nothing.
     */
    public Optional<String> kernelCostNote() {
        return kernelCostNote(oneDnn ? kernels : NATIVE_KERNELS, cpuIsa());
    }

    static Optional<String> kernelCostNote(String kernels, String cpuIsa) {
        boolean avx512 = Arrays.asList(cpuIsa.split(",")).contains("avx512f");
        if (!PINNED_KERNELS.equals(kernels) || !avx512) {
            return Optional.empty();
        }
        return Optional.of("Kernels pinned to AVX2 (the default), so the model bits match every x86-64 CPU with AVX2. "
                + "This CPU has AVX-512, on which pinned convolutions train up to ~30% slower; "
                + "-Dfashionml.kernels=native uses its fastest kernels, and the bits then follow the CPU.");
    }

    public static boolean cpuHasAvx2() {
        Path cpuinfo = Path.of("/proc/cpuinfo");
        try {
            return Files.isReadable(cpuinfo) && Files.readString(cpuinfo).contains(" avx2");
        } catch (IOException e) {
            return false;
        }
    }

    /** The CPU's model name, as the kernel reports it, or the architecture where it does not. */
    public static String cpuModel() {
        try {
            for (String line : Files.readAllLines(Path.of("/proc/cpuinfo"))) {
                if (line.startsWith("model name")) {
                    return line.substring(line.indexOf(':') + 1).trim();
                }
            }
        } catch (IOException | RuntimeException e) {
            // Not Linux, or not readable: fall through.
        }
        return System.getProperty("os.arch");
    }

    /**
     * OpenBLAS threads: all cores, for every model. The matrix products are the larger part of each step
     * (the dense layers), and they split well: measured on 2 cores, 128x5408x128 products ran at ~59 GFLOP/s
     * on one thread and ~100 on two ({@code TrainingBenchmark --gemm}). This pays only because idle OpenBLAS threads now sleep at once
     * ({@link NativeSettings#environment()}); spinning, they slowed the OpenMP/oneDNN ops beside them, and one BLAS
     * thread had been faster. Part of the fingerprint: the BLAS thread count changes the bits. The system
     * property {@value #BLAS_THREADS_PROPERTY} sets another count, to reproduce a model trained on a machine with
     * another number of cores.
     */
    public static int blasThreads() {
        String configured = System.getProperty(BLAS_THREADS_PROPERTY);
        if (configured != null && !configured.isBlank()) {
            try {
                int threads = Integer.parseInt(configured.trim());
                if (threads >= 1) {
                    return threads;
                }
            } catch (NumberFormatException e) {
                // Reported below.
            }
            throw new IllegalArgumentException(BLAS_THREADS_PROPERTY + " must be a whole number of at least 1 (got '"
                    + configured + "')");
        }
        return Runtime.getRuntime().availableProcessors();
    }

    /**
     * Sets the number of threads native ops use (OpenMP, oneDNN and ND4J's own pool); the BLAS keeps
     * {@link #blasThreads()}. The dense network trains faster on one op thread, convolutions gain from two.
     * Part of the fingerprint: it changes the bits.
     */
    public void setThreads(int threads) {
        Nd4j.getEnvironment().setMaxThreads(threads);
        Nd4j.getEnvironment().setMaxMasterThreads(threads);
        org.nd4j.nativeblas.NativeOpsHolder.getInstance().getDeviceNativeOps().setOmpNumThreads(threads);
        Nd4j.factory().blas().setMaxThreads(blasThreads());
    }

    public String classifier() {
        return classifier;
    }

    /** {@value #PINNED_KERNELS} or {@value #NATIVE_KERNELS}. */
    public String kernels() {
        return kernels;
    }

    /** What chose the kernels: the pinned settings, or the CPU's vector extensions when nothing is pinned. */
    public Map<String, String> kernelSettings() {
        return kernelSettings;
    }

    public boolean oneDnn() {
        return oneDnn;
    }

    /** Whether DL4J's oneDNN layer helpers will actually be used (both switches and the bridge work). */
    public boolean layerHelpersActive() {
        return oneDnn && org.deeplearning4j.nn.layers.mkldnn.BaseMKLDNNHelper.mklDnnEnabled();
    }

    /** ND4J's own description of the backend: version, BLAS vendor, cores. */
    public Properties environment() {
        return Nd4j.getExecutioner().getEnvironmentInformation();
    }
}
