package io.github.fashionml.nativeblas;

import io.github.fashionml.model.Architectures;
import io.github.fashionml.model.NetworkFactory;
import io.github.fashionml.provenance.Versions;
import org.deeplearning4j.nn.layers.convolution.ConvolutionLayer;
import org.deeplearning4j.nn.layers.convolution.subsampling.SubsamplingLayer;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.junit.jupiter.api.Test;

import java.net.URL;
import java.util.Collections;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * A tripwire on what the speed and the bits rest on. {@link NativeBackend} and the bridge class
 * {@code org.nd4j.nativeblas.Nd4jCpu} (in ND4J's package, inside our jar) re-enable DL4J's oneDNN layer helpers,
 * which DL4J 1.0.0-M2.1 ships switched off twice over. A DL4J upgrade could turn them off another way, or ship a
 * class of that name itself, and nothing else would fail: training would only get slower and give other bits.
 */
class Dl4jCompatibilityTest {
    private static final String WRITTEN_FOR = "1.0.0-M2.1";

    @Test
    void theHelperSwitchesWereWrittenForThisDeeplearning4jVersion() {
        assertEquals(WRITTEN_FOR, Versions.deeplearning4j(), "NativeBackend and org.nd4j.nativeblas.Nd4jCpu were "
                + "written for Deeplearning4j " + WRITTEN_FOR + ". After an upgrade, re-check: (1) HelperUtils still "
                + "reads the system property org.eclipse.deeplearning4j.helpers.disable; (2) "
                + "BaseMKLDNNHelper.mklDnnEnabled() still looks for org.nd4j.nativeblas.Nd4jCpu$Environment"
                + ".isUseMKLDNN() (or now finds ND4J's own class, and the bridge can go); (3) the oneDNN helpers "
                + "still speed up TrainingBenchmark and the golden parameter hashes still hold; then update "
                + "WRITTEN_FOR here.");
    }

    @Test
    void theBridgeClassIsOursAlone() throws Exception {
        List<URL> copies = Collections.list(getClass().getClassLoader()
                .getResources("org/nd4j/nativeblas/Nd4jCpu$Environment.class"));
        assertEquals(1, copies.size(), "another jar ships org.nd4j.nativeblas.Nd4jCpu$Environment: " + copies
                + "; check whether Deeplearning4j now finds oneDNN itself and the bridge can go");
        assertTrue(copies.get(0).toString().contains("fashion-ml-core"), copies.toString());
    }

    @Test
    void oneDnnLayerHelpersAreActiveOnCpusWithAvx2() throws Exception {
        assumeTrue(NativeBackend.cpuHasAvx2(), "the oneDNN build runs on CPUs with AVX2");
        NativeBackend backend = NativeBackend.start(NativeBackend.AUTO);
        assertEquals(NativeBackend.ONEDNN_AVX2, backend.classifier());
        assertTrue(backend.layerHelpersActive(), "DL4J's oneDNN check answers false: the layer helpers are off, "
                + "and convolutions take the slow im2col path");
        MultiLayerNetwork network = NetworkFactory.create(Architectures.defaults("cnn"));
        assertNotNull(((ConvolutionLayer) network.getLayer(0)).getHelper(), "the convolution has no oneDNN helper");
        assertNotNull(((SubsamplingLayer) network.getLayer(1)).getHelper(), "the pooling has no oneDNN helper");
    }
}
