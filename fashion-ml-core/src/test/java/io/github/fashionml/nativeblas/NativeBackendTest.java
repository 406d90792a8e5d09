package io.github.fashionml.nativeblas;

import io.github.fashionml.ConfigurationException;
import org.junit.jupiter.api.Test;

import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

class NativeBackendTest {

    /** The process environment as the native libraries read it (Java's System.getenv is a copy from start-up). */
    private static String nativeGetenv(String name) {
        com.sun.jna.Pointer value = com.sun.jna.Function.getFunction("c", "getenv")
                .invokePointer(new Object[] {name});
        return value == null ? null : value.getString(0);
    }

    @Test
    void pinsTheKernelSetsOnCpusWithAvx2WhateverTheEnvironmentSaid() throws Exception {
        assumeTrue(NativeBackend.cpuHasAvx2(), "the pins apply to CPUs with AVX2");
        NativeBackend backend = NativeBackend.start(NativeBackend.AUTO);
        assertEquals(NativeBackend.PINNED_KERNELS, backend.kernels());
        assertEquals(Map.of("DNNL_MAX_CPU_ISA", "AVX2", "ONEDNN_MAX_CPU_ISA", "AVX2", "OPENBLAS_CORETYPE", "Haswell"),
                backend.kernelSettings());
        // Set in the process's C environment, where oneDNN and OpenBLAS read them, replacing any inherited value.
        assertEquals("AVX2", nativeGetenv("ONEDNN_MAX_CPU_ISA"));
        assertEquals("AVX2", nativeGetenv("DNNL_MAX_CPU_ISA"));
        assertEquals("Haswell", nativeGetenv("OPENBLAS_CORETYPE"));
    }

    @Test
    void anotherKernelSettingInTheSameJvmOrAnUnknownOneIsRefused() throws Exception {
        NativeBackend backend = NativeBackend.start(NativeBackend.AUTO);
        String other = backend.kernels().equals(NativeBackend.PINNED_KERNELS) ? NativeBackend.NATIVE_KERNELS
                : NativeBackend.PINNED_KERNELS;
        ConfigurationException twice = assertThrows(ConfigurationException.class,
                () -> NativeBackend.start(NativeBackend.AUTO, other));
        assertTrue(twice.getMessage().contains("loads once per JVM"), twice.getMessage());
        ConfigurationException unknown = assertThrows(ConfigurationException.class,
                () -> NativeBackend.start(NativeBackend.AUTO, "fastest"));
        assertTrue(unknown.getMessage().contains("Unknown kernels 'fastest'. Use 'pinned'"), unknown.getMessage());
    }

    /** A build on an AVX-512 CPU says what the pinned kernels cost there and how to choose the CPU's own. */
    @Test
    void pinnedKernelsOnAnAvx512CpuNameTheirCostAndTheWayOut() {
        String avx512 = "avx2,avx512bw,avx512f,avx_vnni,fma";
        String note = NativeBackend.kernelCostNote(NativeBackend.PINNED_KERNELS, avx512).orElseThrow();
        assertTrue(note.contains("AVX-512") && note.contains("-Dfashionml.kernels=native"), note);
        assertTrue(NativeBackend.kernelCostNote(NativeBackend.NATIVE_KERNELS, avx512).isEmpty(),
                "the CPU's own kernels cost nothing");
        assertTrue(NativeBackend.kernelCostNote(NativeBackend.PINNED_KERNELS, "avx2,fma").isEmpty(),
                "on an AVX2-only CPU the pins are the CPU's own choice");
    }

    @Test
    void unsupportedPlatformsFailAtOnceNamingTheSupportedOne() throws Exception {
        for (String[] platform : new String[][] {{"Mac OS X", "aarch64"}, {"Windows 11", "amd64"},
                {"Linux", "aarch64"}}) {
            ConfigurationException e = assertThrows(ConfigurationException.class,
                    () -> NativeSettings.checkPlatform(platform[0], platform[1]));
            assertTrue(e.getMessage().contains("this JVM runs on " + platform[0] + " " + platform[1]
                    + ". Supported: Linux on x86-64."), e.getMessage());
        }
        NativeSettings.checkPlatform("Linux", "amd64");
        NativeSettings.checkPlatform("Linux", "x86_64");
    }

    @Test
    void thePlanForAChildCarriesThePinsAndLeavesSpeedSettingsTheUserMade() throws Exception {
        assumeTrue(NativeBackend.cpuHasAvx2(), "the pins apply to CPUs with AVX2");
        NativeSettings pinned = NativeSettings.plan(NativeBackend.AUTO, null);
        assertEquals(NativeBackend.ONEDNN_AVX2, pinned.classifier());
        assertTrue(pinned.oneDnn());
        assertEquals(NativeSettings.AVX2_PINS, pinned.pins());
        assertEquals("Haswell", pinned.environment().get("OPENBLAS_CORETYPE"));
        assertEquals("AVX2", pinned.environment().get("ONEDNN_MAX_CPU_ISA"));

        NativeSettings unpinned = NativeSettings.plan(NativeBackend.PORTABLE, NativeBackend.NATIVE_KERNELS);
        assertEquals(Map.of(), unpinned.pins());
        assertEquals(NativeBackend.cpuIsa(), unpinned.kernelSettings().get("cpuIsa"));
        assertTrue(!unpinned.oneDnn());

        assertEquals(Map.of("OMP_WAIT_POLICY", "PASSIVE", "OPENBLAS_THREAD_TIMEOUT", "4"),
                NativeSettings.speedSettings(Map.of()));
        assertEquals(Map.of("OPENBLAS_THREAD_TIMEOUT", "4"), NativeSettings.speedSettings(Map.of("GOMP_SPINCOUNT", "0")));
        assertEquals(Map.of(), NativeSettings.speedSettings(Map.of("OMP_WAIT_POLICY", "ACTIVE",
                "OPENBLAS_THREAD_TIMEOUT", "8")));
    }
}
