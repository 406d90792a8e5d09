package io.github.fashionml.model;

import io.github.fashionml.ConfigurationException;
import io.github.fashionml.data.ImageShape;
import io.github.fashionml.data.preprocess.Layout;
import io.github.fashionml.nativeblas.NativeBackend;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The networks follow the data: any image size, grey or RGB, any number of classes. */
class NetworkShapeTest {
    private static final ImageShape RGB_32_BY_24 = new ImageShape(32, 24, 3);

    @BeforeAll
    static void backend() throws Exception {
        NativeBackend.start(NativeBackend.AUTO);
    }

    @Test
    void everyArchitectureTakesTheImagesShapeAndGivesOneOutputPerClass() throws Exception {
        for (String architecture : Architectures.names()) {
            ModelSpec spec = Architectures.defaults(architecture);
            ModelSpecs.validate(List.of(spec), RGB_32_BY_24);
            MultiLayerNetwork network = NetworkFactory.create(spec, RGB_32_BY_24, 5);
            Layout layout = spec.convolutional() ? Layout.CNN : Layout.DNN;
            INDArray images = Nd4j.rand(DataType.FLOAT, layout.shape(4, RGB_32_BY_24));
            INDArray labels = Nd4j.eye(5).getRows(0, 1, 2, 3).castTo(DataType.FLOAT);

            network.fit(images, labels); // one step trains: the shapes agree end to end
            INDArray probabilities = network.output(images);

            assertArrayEquals(new long[] {4, 5}, probabilities.shape(), architecture);
            assertTrue(probabilities.sum(1).sub(1).amaxNumber().doubleValue() < 1e-5, architecture + ": softmax rows");
        }
    }

    @Test
    void fashionMnistsNetworksAreTheOnesForItsShape() throws Exception {
        for (String architecture : Architectures.names()) {
            ModelSpec spec = Architectures.defaults(architecture);
            assertTrue(NetworkFactory.configuration(spec).toJson()
                    .equals(NetworkFactory.configuration(spec, ImageShape.FASHION_MNIST, 10).toJson()), architecture);
        }
    }

    @Test
    void aNetworkThatPoolsTheImagesToNothingIsRefusedNamingTheirSize() throws Exception {
        ModelSpec deep = Architectures.defaults("cnn-deep"); // two 3x3 blocks, each pooled 2x2
        ConfigurationException valid = assertThrows(ConfigurationException.class, () -> ModelSpecs.validate(
                List.of(deep.withPadding(ModelSpec.VALID)), new ImageShape(8, 40, 1))); // 8 -> 3 -> 0 rows
        assertTrue(valid.getMessage().contains("shrink a 8x40 image to nothing"), valid.getMessage());
        ConfigurationException same = assertThrows(ConfigurationException.class,
                () -> ModelSpecs.validate(List.of(deep), new ImageShape(40, 3, 3))); // 3 -> 1 -> 0 columns
        assertTrue(same.getMessage().contains("shrink a 40x3 image to nothing"), same.getMessage());
        ModelSpecs.validate(List.of(deep), new ImageShape(8, 40, 1)); // "same": 8 -> 4 -> 2
    }
}
