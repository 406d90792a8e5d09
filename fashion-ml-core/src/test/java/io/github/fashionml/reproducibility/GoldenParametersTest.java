package io.github.fashionml.reproducibility;

import io.github.fashionml.data.source.FetchOptions;
import io.github.fashionml.nativeblas.NativeBackend;
import io.github.fashionml.testing.ChildJvm;
import io.github.fashionml.testing.GoldenHashesInChildJvm;
import io.github.fashionml.testing.TestData;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeFalse;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * The same inputs give the same parameter bits on every x86-64 machine with AVX2: each architecture, trained for
 * one epoch on 3,000 images, must give these SHA-256 values, committed here. Each training runs in a child JVM,
 * once with the environment's kernel settings removed and once with hostile ones (another oneDNN ISA, another
 * OpenBLAS core type, another OpenMP thread count): the kernel pins must override them all. Op and BLAS threads
 * are fixed at 2 (the cores of this project's machines), since thread counts are inputs too.
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

    /** Trains in a child JVM; returns each model's parameter SHA-256 and, under "blas-core", OpenBLAS's kernels. */
    private static Map<String, String> train(Map<String, String> environment, String kernels, String... models)
            throws Exception {
        // Op threads follow the processor count, BLAS threads a property: both are fixed at 2 (the cores of this
        // project's machines), so a machine with more cores computes the same sums in the same order.
        List<String> jvmOptions = List.of("-XX:ActiveProcessorCount=2", "-D" + NativeBackend.BLAS_THREADS_PROPERTY + "=2");
        List<String> args = new ArrayList<>(List.of(TestData.scratchDirectory("golden").toString(), kernels));
        if (models.length > 0) {
            args.add(String.join(",", models));
        }
        try (ChildJvm child = new ChildJvm(environment, jvmOptions, GoldenHashesInChildJvm.class,
                args.toArray(String[]::new))) {
            assertEquals(0, child.waitFor(600), String.join("\n", child.lines()));
            Map<String, String> hashes = new LinkedHashMap<>();
            for (String line : child.lines()) {
                if (line.startsWith("golden ")) {
                    String[] parts = line.split(" ", 4);
                    hashes.put(parts[1], parts[2]);
                } else if (line.startsWith("blas-core ")) {
                    hashes.put("blas-core", line.substring("blas-core ".length()));
                }
            }
            return hashes;
        }
    }

    private static Map<String, String> withoutKernelVariables() {
        Map<String, String> clean = new HashMap<>();
        KERNEL_VARIABLES.forEach(name -> clean.put(name, null));
        return clean;
    }

    @Test
    void withoutKernelSettingsInTheEnvironment() throws Exception {
        Map<String, String> hashes = train(withoutKernelVariables(), NativeBackend.PINNED_KERNELS);
        hashes.remove("blas-core");
        assertEquals(GOLDEN, hashes, "parameter SHA-256 of each architecture after one epoch");
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
        Map<String, String> hashes = train(hostile, NativeBackend.PINNED_KERNELS);
        hashes.remove("blas-core");
        assertEquals(GOLDEN, hashes, "the kernel pins override the environment");
    }

    /**
     * The control for the negative controls below: native kernels with exactly the pinned values in the environment
     * give the golden bits, so a difference below comes from the one setting it changes, not from the mode.
     */
    @Test
    void unpinnedWithThePinnedValuesGivesTheGoldenBits() throws Exception {
        Map<String, String> environment = withoutKernelVariables();
        environment.putAll(KernelAlternatives.PINS);
        Map<String, String> hashes = train(environment, NativeBackend.NATIVE_KERNELS, "cnn", "dnn");
        assertEquals("haswell", hashes.get("blas-core").toLowerCase(Locale.ROOT), "OpenBLAS's kernels: " + hashes);
        assertEquals(GOLDEN.get("cnn"), hashes.get("cnn"), "cnn: " + hashes);
        assertEquals(GOLDEN.get("dnn"), hashes.get("dnn"), "dnn: " + hashes);
    }

    /**
     * The pins matter, so the tests above can fail: each kernel choice this CPU can run other than a pinned one,
     * named explicitly (never what auto-detection picks), changes the bits of the model whose kernels read it.
     * A CPU without AVX2 has no pins, and an OpenBLAS that does not honour a core type is skipped, saying so.
     */
    @TestFactory
    Stream<DynamicTest> eachPinnedSettingChangesTheBitsWhenChanged() throws Exception {
        List<KernelAlternatives.Alternative> alternatives =
                KernelAlternatives.forCpu(KernelAlternatives.cpuFlags(Files.readString(Path.of("/proc/cpuinfo"))));
        assumeFalse(alternatives.isEmpty(), "this CPU has no AVX2, so nothing is pinned: " + NativeBackend.cpuIsa());
        return alternatives.stream().map(alternative -> DynamicTest.dynamicTest(alternative.name(), () -> {
            Map<String, String> environment = withoutKernelVariables();
            environment.putAll(alternative.environment());
            Map<String, String> hashes = train(environment, NativeBackend.NATIVE_KERNELS, alternative.affectedModel());
            assumeTrue(alternative.blasCore().equalsIgnoreCase(hashes.get("blas-core")), "OpenBLAS did not run "
                    + alternative.blasCore() + "'s kernels when told to: " + hashes.get("blas-core"));
            String model = alternative.affectedModel();
            assertNotEquals(GOLDEN.get(model), hashes.get(model), alternative + " must change " + model + "'s bits");
        }));
    }
}
