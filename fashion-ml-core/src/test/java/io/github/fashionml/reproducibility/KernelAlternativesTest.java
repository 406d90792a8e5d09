package io.github.fashionml.reproducibility;

import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The negative control's choices on each kind of CPU this project meets, from their /proc/cpuinfo flags. */
class KernelAlternativesTest {
    private static final String AVX2_EPYC = "flags : fpu sse sse2 ssse3 sse4_1 sse4_2 avx f16c fma avx2 bmi2";
    private static final String ZEN4 = AVX2_EPYC + " avx512f avx512dq avx512ifma avx512cd avx512bw avx512vl "
            + "avx512_bf16 avx512vbmi avx512_vnni";
    private static final String ZEN5 = ZEN4 + " avx_vnni avx512_vp2intersect";
    private static final String SAPPHIRE_RAPIDS = ZEN4 + " avx512_fp16 amx_bf16 amx_tile amx_int8";

    private static List<String> names(String cpuinfo) {
        return KernelAlternatives.forCpu(KernelAlternatives.cpuFlags("processor : 0\n" + cpuinfo + "\nbugs :\n"))
                .stream().map(KernelAlternatives.Alternative::name).toList();
    }

    @Test
    void anAvx2OnlyCpuGetsTheNarrowerKernelSets() {
        assertEquals(List.of("oneDNN ISA SSE41", "OpenBLAS core Sandybridge"), names(AVX2_EPYC));
    }

    @Test
    void everyAvx512CpuGetsTheWiderAndTheNarrowerKernelSets() {
        List<String> expected = List.of("oneDNN ISA AVX512_CORE", "oneDNN ISA SSE41", "OpenBLAS core SkylakeX",
                "OpenBLAS core Sandybridge");
        assertEquals(expected, names(ZEN4));
        assertEquals(expected, names(ZEN5));
        assertEquals(expected, names(SAPPHIRE_RAPIDS));
    }

    @Test
    void anAvx512CpuWithoutTheCoreSubsetGetsOnlyTheNarrowerOnes() {
        // avx512f alone (no bw/vl/dq) cannot run oneDNN's avx512_core nor OpenBLAS's SkylakeX kernels.
        assertEquals(List.of("oneDNN ISA SSE41", "OpenBLAS core Sandybridge"), names(AVX2_EPYC + " avx512f"));
    }

    @Test
    void aCpuWithoutAvx2HasNothingPinnedSoNoAlternative() {
        assertTrue(names("flags : fpu sse sse2 sse4_1 avx").isEmpty());
    }

    @Test
    void eachAlternativeChangesExactlyOnePinnedSetting() {
        for (KernelAlternatives.Alternative alternative : KernelAlternatives.forCpu(
                KernelAlternatives.cpuFlags(ZEN5))) {
            Set<String> changed = new java.util.TreeSet<>();
            KernelAlternatives.PINS.forEach((name, value) -> {
                if (!value.equals(alternative.environment().get(name))) {
                    changed.add(name.startsWith("DNNL") ? "ONEDNN_MAX_CPU_ISA" : name);
                }
            });
            assertEquals(1, changed.size(), alternative + " changes " + changed);
            assertEquals(KernelAlternatives.PINS.keySet(), alternative.environment().keySet());
        }
    }
}
