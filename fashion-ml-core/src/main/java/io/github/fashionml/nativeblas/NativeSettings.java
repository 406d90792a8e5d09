package io.github.fashionml.nativeblas;

import io.github.fashionml.ConfigurationException;

import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/**
 * What a native backend will be, decided without loading it: the ND4J build, the kernel choice, and the
 * environment the native libraries must see when they load. Maven's JVM plans with this and hands the environment
 * to a forked child, so the parent never loads ND4J nor changes its own process; the child (or, with forking off,
 * this JVM) starts {@link NativeBackend} from the same plan.
 *
 * @param classifier     the nd4j-native build: {@value NativeBackend#ONEDNN_AVX2} or {@value NativeBackend#PORTABLE}
 * @param kernels        {@value NativeBackend#PINNED_KERNELS} or {@value NativeBackend#NATIVE_KERNELS}
 * @param kernelSettings what chooses the kernels, as recorded in the fingerprint: the pins, or the CPU's vector
 *                       extensions and any kernel variables the environment sets when nothing is pinned
 * @param pins           variables that must have exactly these values (they choose kernels, so the bits)
 * @param environment    every variable the native libraries should see: the pins, and speed settings that a value
 *                       the user set already wins over
 */
public record NativeSettings(String classifier, String kernels, Map<String, String> kernelSettings,
                             Map<String, String> pins, Map<String, String> environment) {

    /**
     * What chooses kernels at run time, pinned to the AVX2 kernel sets on CPUs with AVX2, whatever the
     * environment says: oneDNN picks its JIT kernels by the CPU (AVX-512 machines gave other bits than AVX2-only
     * ones), OpenBLAS by core type. Both read these once, when the native libraries load.
     */
    static final Map<String, String> AVX2_PINS = Map.of(
            "ONEDNN_MAX_CPU_ISA", "AVX2",
            "DNNL_MAX_CPU_ISA", "AVX2", // the same setting's name before oneDNN 2.5
            "OPENBLAS_CORETYPE", "Haswell");

    public NativeSettings {
        kernelSettings = Map.copyOf(kernelSettings);
        pins = Map.copyOf(pins);
        environment = Map.copyOf(environment);
    }

    /**
     * Checks the platform and the requested build and kernels, and decides the rest from this machine's CPU and
     * environment. Fails in a moment, naming the fix, on a platform or a setting the native builds do not cover.
     *
     * @param requested {@value NativeBackend#AUTO}, {@value NativeBackend#ONEDNN_AVX2} or
     *                  {@value NativeBackend#PORTABLE}
     * @param kernels   {@value NativeBackend#PINNED_KERNELS} (or null) or {@value NativeBackend#NATIVE_KERNELS}
     */
    public static NativeSettings plan(String requested, String kernels) throws ConfigurationException {
        checkPlatform(System.getProperty("os.name"), System.getProperty("os.arch"));
        String classifier = resolve(requested);
        String kernelMode = kernels == null || kernels.isBlank() ? NativeBackend.PINNED_KERNELS
                : kernels.trim().toLowerCase(Locale.ROOT);
        if (!NativeBackend.PINNED_KERNELS.equals(kernelMode) && !NativeBackend.NATIVE_KERNELS.equals(kernelMode)) {
            throw new ConfigurationException("Unknown kernels '" + kernels + "'. Use '" + NativeBackend.PINNED_KERNELS
                    + "' (the default: the same bits on every x86-64 CPU with AVX2) or '" + NativeBackend.NATIVE_KERNELS
                    + "' (the CPU's fastest kernels; the bits then follow the CPU).");
        }
        Map<String, String> kernelSettings = new TreeMap<>();
        Map<String, String> pins = new TreeMap<>();
        if (NativeBackend.PINNED_KERNELS.equals(kernelMode) && NativeBackend.cpuHasAvx2()) {
            pins.putAll(AVX2_PINS);
            kernelSettings.putAll(AVX2_PINS);
        } else {
            // Nothing pinned: record what the kernels follow.
            kernelSettings.put("cpuIsa", NativeBackend.cpuIsa());
            for (String name : AVX2_PINS.keySet()) {
                String value = System.getenv(name);
                if (value != null) {
                    kernelSettings.put(name, value);
                }
            }
        }
        Map<String, String> environment = new TreeMap<>(speedSettings(System.getenv()));
        environment.putAll(pins);
        return new NativeSettings(classifier, kernelMode, kernelSettings, pins, environment);
    }

    /** Whether this build runs oneDNN, so DL4J's layer helpers are switched on. */
    public boolean oneDnn() {
        return classifier.contains("onednn");
    }

    /**
     * Settings that change only the speed, never the bits, each left out where the environment already has a
     * value for it (the user's choice wins):
     * <ul>
     * <li>{@code OMP_WAIT_POLICY=PASSIVE}: idle OpenMP threads sleep instead of spinning. libgomp spins by default,
     * and two spinning threads on two cores shared with anything else (Maven, another build) collapse throughput;
     * measured here, cnn with 2 threads went from ~2,200-2,400 to ~2,800 images/s. Not set when
     * {@code GOMP_SPINCOUNT} is, which tunes the same thing.</li>
     * <li>{@code OPENBLAS_THREAD_TIMEOUT=4}: idle OpenBLAS threads sleep after a few cycles instead of ~2^28 of
     * them, which left them competing with the OpenMP/oneDNN threads that run between matrix products.</li>
     * </ul>
     * Both libraries read these once, when they load, from the C environment.
     */
    static Map<String, String> speedSettings(Map<String, String> current) {
        Map<String, String> settings = new TreeMap<>();
        if (!current.containsKey("OMP_WAIT_POLICY") && !current.containsKey("GOMP_SPINCOUNT")) {
            settings.put("OMP_WAIT_POLICY", "PASSIVE");
        }
        if (!current.containsKey("OPENBLAS_THREAD_TIMEOUT")) {
            settings.put("OPENBLAS_THREAD_TIMEOUT", "4");
        }
        return settings;
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
        String value = requested == null || requested.isBlank() ? NativeBackend.AUTO
                : requested.trim().toLowerCase(Locale.ROOT);
        switch (value) {
            case NativeBackend.AUTO:
                return NativeBackend.cpuHasAvx2() ? NativeBackend.ONEDNN_AVX2 : NativeBackend.PORTABLE;
            case NativeBackend.ONEDNN_AVX2:
                if (!NativeBackend.cpuHasAvx2()) {
                    throw new ConfigurationException("nd4j classifier '" + NativeBackend.ONEDNN_AVX2 + "' needs a CPU "
                            + "with AVX2, and this one has none. Use '" + NativeBackend.PORTABLE + "' or 'auto'.");
                }
                return value;
            case NativeBackend.PORTABLE:
                return value;
            default:
                throw new ConfigurationException("Unknown nd4j classifier '" + requested + "'. Use 'auto', '"
                        + NativeBackend.ONEDNN_AVX2 + "' (fast, needs AVX2) or '" + NativeBackend.PORTABLE
                        + "' (portable).");
        }
    }
}
