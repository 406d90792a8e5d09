package io.github.fashionml.model;

import io.github.fashionml.nativeblas.NativeBackend;
import io.github.fashionml.testing.TrainedOutputs;
import org.deeplearning4j.nn.conf.NeuralNetConfiguration;
import org.deeplearning4j.nn.conf.layers.DenseLayer;
import org.deeplearning4j.nn.conf.layers.OutputLayer;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.nd4j.linalg.activations.Activation;
import org.nd4j.linalg.lossfunctions.LossFunctions;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import java.util.zip.ZipOutputStream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ModelArchiveTest {
    @TempDir
    Path dir;

    private static Path trainedModel() throws Exception {
        return TrainedOutputs.directory().resolve("dnn/model.zip");
    }

    /** A copy of the trained model with one entry replaced (or added, when absent). */
    private Path rewritten(String entryName, byte[] content) throws Exception {
        Path target = dir.resolve("model.zip");
        try (ZipFile in = new ZipFile(trainedModel().toFile());
             ZipOutputStream out = new ZipOutputStream(Files.newOutputStream(target))) {
            for (ZipEntry e : java.util.Collections.list(in.entries())) {
                if (!e.getName().equals(entryName)) {
                    out.putNextEntry(new ZipEntry(e.getName()));
                    in.getInputStream(e).transferTo(out);
                }
            }
            out.putNextEntry(new ZipEntry(entryName));
            out.write(content);
        }
        return target;
    }

    @Test
    void notAZipIsNamedWithTheFix() throws Exception {
        Path bad = Files.write(dir.resolve("model.zip"), "definitely not a zip".getBytes(StandardCharsets.UTF_8));
        IOException e = assertThrows(IOException.class, () -> ModelArchive.load(bad));
        assertTrue(e.getMessage().contains("is not a readable fashion-ml model (not a zip file"), e.getMessage());
        assertTrue(e.getMessage().contains("run the train goal again"), e.getMessage());
    }

    @Test
    void truncatedModelIsRefused() throws Exception {
        byte[] bytes = Files.readAllBytes(trainedModel());
        Path cut = Files.write(dir.resolve("model.zip"), java.util.Arrays.copyOf(bytes, bytes.length / 2));
        IOException e = assertThrows(IOException.class, () -> ModelArchive.load(cut));
        assertTrue(e.getMessage().contains("is not a readable fashion-ml model"), e.getMessage());
    }

    @Test
    void unexpectedEntriesAreNeverRead() throws Exception {
        Path evil = rewritten("objects/payload.ser", new byte[] {(byte) 0xAC, (byte) 0xED, 0, 5});
        IOException e = assertThrows(IOException.class, () -> ModelArchive.load(evil));
        assertTrue(e.getMessage().contains("holds an unexpected entry 'objects/payload.ser'"), e.getMessage());
    }

    @Test
    void configurationNamingForeignClassesIsRefused() throws Exception {
        String config;
        try (ZipFile zip = new ZipFile(trainedModel().toFile())) {
            config = new String(zip.getInputStream(zip.getEntry("configuration.json")).readAllBytes(),
                    StandardCharsets.UTF_8);
        }
        String hostile = config.replace("org.nd4j.linalg.learning.config.Adam", "com.sun.rowset.JdbcRowSetImpl");
        Path evil = rewritten("configuration.json", hostile.getBytes(StandardCharsets.UTF_8));
        IOException e = assertThrows(IOException.class, () -> ModelArchive.load(evil));
        assertTrue(e.getMessage().contains("names class 'com.sun.rowset.JdbcRowSetImpl'"), e.getMessage());
    }

    @Test
    void modelForAnotherProblemIsRefused() throws Exception {
        NativeBackend.start(NativeBackend.AUTO);
        MultiLayerNetwork other = new MultiLayerNetwork(new NeuralNetConfiguration.Builder().seed(1).list()
                .layer(new DenseLayer.Builder().nIn(20).nOut(8).activation(Activation.RELU).build())
                .layer(new OutputLayer.Builder(LossFunctions.LossFunction.MCXENT).nIn(8).nOut(3)
                        .activation(Activation.SOFTMAX).build())
                .build());
        other.init();
        Path file = dir.resolve("other.zip");
        ModelArchive.write(other, new Preprocessing(null, null), file);
        IOException e = assertThrows(IOException.class, () -> ModelArchive.load(file,
                io.github.fashionml.data.DatasetDescription.fashionMnist(java.util.Map.of())));
        assertTrue(e.getMessage().contains("is a model for another problem (20 inputs, 3 classes); the data set "
                + "'fashion-mnist' has 28x28 grey images (784 inputs) and 10 classes"), e.getMessage());
        // The same model fits a data set of its own shape: 20 grey pixels (4x5), three classes.
        ModelArchive.load(file, new io.github.fashionml.data.DatasetDescription("other", java.util.List.of("a", "b",
                "c"), new io.github.fashionml.data.ImageShape(4, 5, 1), "d"));
    }

    @Test
    void theTrainedModelLoads() throws Exception {
        NativeBackend.start(NativeBackend.AUTO);
        assertEquals(535_818, ModelArchive.load(trainedModel()).numParams());
    }
}
