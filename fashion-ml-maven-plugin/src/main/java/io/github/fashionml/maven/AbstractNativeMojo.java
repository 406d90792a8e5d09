package io.github.fashionml.maven;

import io.github.fashionml.ConfigurationException;
import io.github.fashionml.nativeblas.NativeBackend;
import org.apache.maven.plugins.annotations.Parameter;

/**
 * Goals that run ND4J's native code (train, evaluate, predict, compare's baseline evaluation): the native build
 * and kernel choice, declared once. The native library loads once per JVM, so every goal of a build must ask
 * for the same ones.
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
     * AVX2, whatever the environment says, so every such x86-64 machine trains the same bits. {@code native}: the
     * CPU's fastest kernels; the bits then follow the CPU, and the fingerprint records its vector extensions.
     */
    @Parameter(property = "fashionml.kernels", defaultValue = "pinned")
    protected String kernels;

    protected NativeBackend startBackend() throws ConfigurationException {
        return NativeBackend.start(nd4jClassifier, kernels);
    }
}
