package io.github.fashionml.provenance;

import io.github.fashionml.nativeblas.NativeBackend;

/** The machine and software a model was trained on: recorded, not part of the fingerprint. */
public record RunEnvironment(String javaVersion, String javaVendor, String javaVm, String osName, String osVersion,
                             String osArch, String cpu, int cores, String fashionMlVersion,
                             String deeplearning4jVersion, String nd4jClassifier, boolean oneDnnLayerHelpers) {

    public static RunEnvironment current(NativeBackend backend) {
        return new RunEnvironment(System.getProperty("java.version"), System.getProperty("java.vendor"),
                System.getProperty("java.vm.name"), System.getProperty("os.name"), System.getProperty("os.version"),
                System.getProperty("os.arch"), NativeBackend.cpuModel(), Runtime.getRuntime().availableProcessors(),
                Versions.fashionMl(), Versions.deeplearning4j(), backend.classifier(), backend.layerHelpersActive());
    }
}
