package io.github.fashionml.reproducibility;

import io.github.fashionml.data.source.FetchOptions;
import io.github.fashionml.nativeblas.NativeBackend;
import io.github.fashionml.testing.ChildJvm;
import io.github.fashionml.testing.GoldenHashesInChildJvm;
import io.github.fashionml.testing.TestData;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * The same inputs give the same parameter bits on every x86-64 machine with AVX2: each architecture, trained for
 * one epoch on 3,000 images, must give these SHA-256 values, committed here. Each training runs in a child JVM,
 * once with the environment's kernel settings removed and once with hostile ones (another oneDNN ISA, another
 * OpenBLAS core type, another OpenMP thread count): the kernel pins must override them all. BLAS threads are
 * fixed at 2 (the cores of this project's machines), since the thread count is an input too.
 *
 * <p>If this fails after a deliberate change to training (data order, arithmetic, a library version), the new
 * hashes are in the failure message: check they repeat, then commit them with the change, and update the
 * example project's hashes on the site's reproducibility page too.
 */
class GoldenParametersTest {
    private static final Map<String, String> GOLDEN = Map.of(
            "cnn", "96d06728acbce410e579f19c65af3e7f73349a9fedd6d2095a94ce9b28344670",
            "dnn", "d1ea5108eda1af327b391d09b98b42aae8c7e3380d3d50af7062be139205b4f8",
            "cnn-deep", "3c72c2f21356d3b1a71d9edcad62f8e2ec4a26532eb258dd03c073e95567850c");

    private static final List<String> KERNEL_VARIABLES = List.of("ONEDNN_MAX_CPU_ISA", "DNNL_MAX_CPU_ISA",
            "OPENBLAS_CORETYPE", "OPENBLAS_L2_SIZE", "OMP_NUM_THREADS", "OPENBLAS_NUM_THREADS");

    @BeforeAll
    static void needsAvx2AndTheData() {
        assumeTrue(NativeBackend.cpuHasAvx2(), "golden hashes are for the pinned AVX2 kernels");
        assertTrue(Files.isRegularFile(FetchOptions.SYSTEM_PACKAGE_DIRECTORY.resolve("train-images-idx3-ubyte.gz")),
                "needs Debian's Fashion-MNIST: apt-get install dataset-fashion-mnist");
    }

    private static Map<String, String> train(Map<String, String> environment, String kernels) throws Exception {
        try (ChildJvm child = new ChildJvm(environment, List.of("-D" + NativeBackend.BLAS_THREADS_PROPERTY + "=2"),
                GoldenHashesInChildJvm.class, TestData.scratchDirectory("golden").toString(), kernels)) {
            assertEquals(0, child.waitFor(600), String.join("\n", child.lines()));
            Map<String, String> hashes = new LinkedHashMap<>();
            for (String line : child.lines()) {
                if (line.startsWith("golden ")) {
                    String[] parts = line.split(" ", 4);
                    hashes.put(parts[1], parts[2]);
                }
            }
            return hashes;
        }
    }

    @Test
    void withoutKernelSettingsInTheEnvironment() throws Exception {
        Map<String, String> clean = new HashMap<>();
        KERNEL_VARIABLES.forEach(name -> clean.put(name, null));
        assertEquals(GOLDEN, train(clean, NativeBackend.PINNED_KERNELS), "parameter SHA-256 of each architecture after one epoch");
    }

    @Test
    void withHostileKernelSettingsInTheEnvironment() throws Exception {
        Map<String, String> hostile = Map.of(
                "ONEDNN_MAX_CPU_ISA", "AVX512_CORE_AMX",
                "DNNL_MAX_CPU_ISA", "SSE41",
                "OPENBLAS_CORETYPE", "SkylakeX",
                "OPENBLAS_L2_SIZE", "2097152",
                "OMP_NUM_THREADS", "1",
                "OPENBLAS_NUM_THREADS", "1");
        assertEquals(GOLDEN, train(hostile, NativeBackend.PINNED_KERNELS), "the kernel pins override the environment");
    }

    /**
     * The pins matter (so the tests above can fail): on a CPU with AVX-512, unpinned, oneDNN's AVX-512 convolutions
     * and OpenBLAS's own choice of core type (0.3.19 takes "Barcelona" on a Zen core it does not know) give other
     * bits.
     */
    @Test
    void unpinnedAvx512KernelsGiveOtherBits() throws Exception {
        assumeTrue(NativeBackend.cpuIsa().contains("avx512f"), "needs a CPU with AVX-512");
        Map<String, String> avx512 = new HashMap<>();
        KERNEL_VARIABLES.forEach(name -> avx512.put(name, null));
        avx512.put("ONEDNN_MAX_CPU_ISA", "AVX512_CORE");
        Map<String, String> hashes = train(avx512, NativeBackend.NATIVE_KERNELS);
        assertTrue(!GOLDEN.get("cnn").equals(hashes.get("cnn")), "cnn: " + hashes);
        assertTrue(!GOLDEN.get("dnn").equals(hashes.get("dnn")), "dnn: " + hashes);
    }
}
