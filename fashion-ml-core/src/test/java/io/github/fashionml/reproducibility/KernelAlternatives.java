package io.github.fashionml.reproducibility;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * Kernel choices other than the pinned ones that a given CPU can run, each named explicitly, so a negative control
 * never depends on what auto-detection happens to pick there (OpenBLAS 0.3.19 takes Haswell's kernels on a Zen 4,
 * "Barcelona" on a Zen 5 it does not know). Each changes one pinned setting and keeps the others.
 */
final class KernelAlternatives {

    /** The pins, as {@code NativeSettings} sets them on every CPU with AVX2. */
    static final Map<String, String> PINS = Map.of(
            "ONEDNN_MAX_CPU_ISA", "AVX2",
            "DNNL_MAX_CPU_ISA", "AVX2",
            "OPENBLAS_CORETYPE", "Haswell");

    /** What AVX-512 kernel sets need: oneDNN's {@code avx512_core} and OpenBLAS's SkylakeX both use these. */
    private static final Set<String> AVX512_CORE = Set.of("avx512f", "avx512bw", "avx512vl", "avx512dq", "avx512cd");

    /**
     * One alternative: the environment a child trains in, and the model whose bits it must change.
     *
     * @param name         what is changed, for the test's name and messages
     * @param environment  the pins with one setting changed
     * @param affectedModel the architecture whose kernels read the setting: cnn's convolutions run on oneDNN, dnn's
     *                     dense layers on OpenBLAS
     * @param blasCore     the core name OpenBLAS must report when it honours the setting
     */
    record Alternative(String name, Map<String, String> environment, String affectedModel, String blasCore) {
        @Override
        public String toString() {
            return name;
        }
    }

    private KernelAlternatives() {
    }

    /** The alternatives a CPU with these {@code /proc/cpuinfo} flags runs: none without AVX2 (nothing is pinned). */
    static List<Alternative> forCpu(Set<String> flags) {
        List<Alternative> alternatives = new ArrayList<>();
        if (!flags.contains("avx2")) {
            return alternatives;
        }
        boolean avx512 = flags.containsAll(AVX512_CORE);
        // Wider than the pins where the CPU has them (the difference a user's AVX-512 machine would make), and
        // narrower everywhere: every x86-64 CPU with AVX2 runs SSE4.1 and AVX kernels.
        if (avx512) {
            alternatives.add(oneDnnIsa("AVX512_CORE"));
        }
        alternatives.add(oneDnnIsa("SSE41"));
        if (avx512) {
            alternatives.add(openBlasCore("SkylakeX"));
        }
        alternatives.add(openBlasCore("Sandybridge"));
        return alternatives;
    }

    static Set<String> cpuFlags(String cpuinfo) {
        for (String line : cpuinfo.split("\n")) {
            if (line.startsWith("flags")) {
                return new TreeSet<>(Arrays.asList(line.substring(line.indexOf(':') + 1).trim().split("\\s+")));
            }
        }
        return Set.of();
    }

    private static Alternative oneDnnIsa(String isa) {
        Map<String, String> environment = new TreeMap<>(PINS);
        environment.put("ONEDNN_MAX_CPU_ISA", isa);
        environment.put("DNNL_MAX_CPU_ISA", isa);
        return new Alternative("oneDNN ISA " + isa, environment, "cnn", "Haswell");
    }

    private static Alternative openBlasCore(String core) {
        Map<String, String> environment = new TreeMap<>(PINS);
        environment.put("OPENBLAS_CORETYPE", core);
        return new Alternative("OpenBLAS core " + core, environment, "dnn", core);
    }
}
