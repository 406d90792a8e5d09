package io.github.fashionml.nativeblas;

import io.github.fashionml.ConfigurationException;
import org.nd4j.linalg.factory.Nd4j;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collections;
import java.util.Locale;
import java.util.Map;
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

    /**
     * What chooses kernels at run time, pinned to the AVX2 kernel sets on CPUs with AVX2, whatever the
     * environment says: oneDNN picks its JIT kernels by the CPU (AVX-512 machines gave other bits than AVX2-only
     * ones), OpenBLAS by core type. Both read these once, when the native libraries load.
     */
    private static final Map<String, String> AVX2_PINS = new TreeMap<>(Map.of(
            "ONEDNN_MAX_CPU_ISA", "AVX2",
            "DNNL_MAX_CPU_ISA", "AVX2", // the same setting's name before oneDNN 2.5
            "OPENBLAS_CORETYPE", "Haswell"));

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
        checkPlatform(System.getProperty("os.name"), System.getProperty("os.arch"));
        String wanted = resolve(requested);
        String kernelMode = kernels == null || kernels.isBlank() ? PINNED_KERNELS
                : kernels.trim().toLowerCase(Locale.ROOT);
        if (!PINNED_KERNELS.equals(kernelMode) && !NATIVE_KERNELS.equals(kernelMode)) {
            throw new ConfigurationException("Unknown kernels '" + kernels + "'. Use '" + PINNED_KERNELS
                    + "' (the default: the same bits on every x86-64 CPU with AVX2) or '" + NATIVE_KERNELS
                    + "' (the CPU's fastest kernels; the bits then follow the CPU).");
        }
        if (started != null) {
            if (!started.classifier.equals(wanted) || !started.kernels.equals(kernelMode)) {
                throw new ConfigurationException("nd4j classifier '" + wanted + "' with " + kernelMode + " kernels "
                        + "was asked for, but this JVM already runs '" + started.classifier + "' with "
                        + started.kernels + " kernels (the native library loads once per JVM). Use one classifier "
                        + "and kernel setting per build, or run the builds in separate JVMs.");
            }
            return started;
        }
        Map<String, String> kernelSettings = new TreeMap<>();
        if (PINNED_KERNELS.equals(kernelMode) && cpuHasAvx2()) {
            AVX2_PINS.forEach(NativeBackend::setenv);
            kernelSettings.putAll(AVX2_PINS);
        } else {
            // Nothing pinned: record what the kernels follow.
            kernelSettings.put("cpuIsa", cpuIsa());
            for (String name : AVX2_PINS.keySet()) {
                String value = System.getenv(name);
                if (value != null) {
                    kernelSettings.put(name, value);
                }
            }
        }
        String extension = wanted.substring(PORTABLE.length());
        System.setProperty(EXTENSION_PROPERTY, extension);
        boolean oneDnn = wanted.contains("onednn");
        // DL4J reads this when each layer is initialised: helpers on only where oneDNN is there to help.
        System.setProperty(HELPERS_DISABLE_PROPERTY, Boolean.toString(!oneDnn));
        passiveOpenMpWait();
        shortOpenBlasSpin();
        noPhysicalMemoryPolling();
        Nd4j.create(1); // loads the native library now, with the properties above
        if (oneDnn) {
            Nd4j.getEnvironment().allowHelpers(true);
        }
        started = new NativeBackend(wanted, oneDnn, kernelMode, kernelSettings);
        return started;
    }

    /**
     * Makes idle OpenMP threads sleep instead of spinning. libgomp spins by default, and two spinning threads
     * on two cores shared with anything else (Maven, another build) collapse throughput; measured here, cnn
     * with 2 threads went from ~2,200-2,400 to ~2,800 images/s. The bits are the same either way. libgomp reads
     * {@code OMP_WAIT_POLICY} once, when it loads, from the C environment, which Java cannot set: JNA (already
     * present through DL4J) calls {@code setenv}. A policy the user set is kept.
     */
    static void passiveOpenMpWait() {
        if (System.getenv("GOMP_SPINCOUNT") == null) {
            setenvUnlessSet("OMP_WAIT_POLICY", "PASSIVE");
        }
    }

    /**
     * Makes idle OpenBLAS threads sleep after a few cycles instead of spinning for ~2^28 of them, the
     * default, which left them competing with the OpenMP/oneDNN threads that run between matrix products.
     * OpenBLAS reads {@code OPENBLAS_THREAD_TIMEOUT} (a power of two, 4 the least) when it loads. A value the
     * user set is kept.
     */
    static void shortOpenBlasSpin() {
        setenvUnlessSet("OPENBLAS_THREAD_TIMEOUT", "4");
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
     * Fails at once on a platform the shipped native builds do not cover, instead of deep inside ND4J: only the
     * linux-x86_64 builds ship (the project's dependencies exclude the others to keep the plugin's download small).
     */
    static void checkPlatform(String os, String arch) throws ConfigurationException {
        boolean linux = os != null && os.toLowerCase(Locale.ROOT).startsWith("linux");
        boolean x86 = "amd64".equals(arch) || "x86_64".equals(arch);
        if (!linux || !x86) {
            throw new ConfigurationException("fashion-ml trains with ND4J's native builds for Linux on x86-64 "
                    + "(linux-x86_64, and linux-x86_64-onednn-avx2 on CPUs with AVX2), and this JVM runs on " + os + " "
                    + arch + ". Supported: Linux on x86-64. Run the build on such a machine, or in a Linux x86-64 "
                    + "container or CI runner; fetch-data and report work everywhere.");
        }
    }

    /** {@code auto} means the oneDNN/AVX2 build on CPUs with AVX2, the portable one elsewhere. */
    static String resolve(String requested) throws ConfigurationException {
        String value = requested == null || requested.isBlank() ? AUTO : requested.trim().toLowerCase(Locale.ROOT);
        switch (value) {
            case AUTO:
                return cpuHasAvx2() ? ONEDNN_AVX2 : PORTABLE;
            case ONEDNN_AVX2:
                if (!cpuHasAvx2()) {
                    throw new ConfigurationException("nd4j classifier '" + ONEDNN_AVX2 + "' needs a CPU with AVX2, "
                            + "and this one has none. Use '" + PORTABLE + "' or 'auto'.");
                }
                return value;
            case PORTABLE:
                return value;
            default:
                throw new ConfigurationException("Unknown nd4j classifier '" + requested + "'. Use 'auto', '"
                        + ONEDNN_AVX2 + "' (fast, needs AVX2) or '" + PORTABLE + "' (portable).");
        }
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
     * ({@link #shortOpenBlasSpin()}); spinning, they slowed the OpenMP/oneDNN ops beside them, and one BLAS
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
