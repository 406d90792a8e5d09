package org.nd4j.nativeblas;

/**
 * Bridges Deeplearning4j 1.0.0-M2.1's oneDNN check to where ND4J moved the answer.
 *
 * <p>{@code org.deeplearning4j.nn.layers.mkldnn.BaseMKLDNNHelper.mklDnnEnabled()} asks, by reflection,
 * {@code org.nd4j.nativeblas.Nd4jCpu$Environment.getInstance().isUseMKLDNN()}. In M2.1 that class lives
 * at {@code org.nd4j.linalg.cpu.nativecpu.bindings.Nd4jCpu$Environment} and the method is
 * {@code isUseONEDNN()}, so the check fails and the oneDNN layer helpers stay off for the whole JVM.
 * This class answers under the old name from the new one. It is only consulted when helpers are enabled
 * (see {@code io.github.fashionml.nativeblas.NativeBackend}).
 */
public final class Nd4jCpu {
    private Nd4jCpu() {
    }

    /** The shape DL4J's reflection expects: a static {@code getInstance()} and {@code isUseMKLDNN()}. */
    public static final class Environment {
        private static final Environment INSTANCE = new Environment();

        private Environment() {
        }

        public static Environment getInstance() {
            return INSTANCE;
        }

        public boolean isUseMKLDNN() {
            return org.nd4j.linalg.cpu.nativecpu.bindings.Nd4jCpu.Environment.getInstance().isUseONEDNN();
        }
    }
}
