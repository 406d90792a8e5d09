package io.github.fashionml.model;

import io.github.fashionml.data.DatasetDescription;
import io.github.fashionml.util.AtomicFiles;
import io.github.fashionml.util.DeterministicZip;
import io.github.fashionml.util.Json;
import io.github.fashionml.util.Sha256;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.deeplearning4j.util.ModelSerializer;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;

/** Saves and loads {@code model.zip} (DL4J's ModelSerializer format), and fingerprints parameters. */
public final class ModelArchive {
    private ModelArchive() {
    }

    /**
     * Writes the network with its updater state, atomically, with fixed zip entry times so the same
     * parameters give the same bytes. Returns the SHA-256 of the file written.
     */
    public static String write(MultiLayerNetwork network, Preprocessing preprocessing, Path target) throws IOException {
        ByteArrayOutputStream raw = new ByteArrayOutputStream(8 << 20);
        ModelSerializer.writeModel(network, raw, true);
        byte[] bytes = DeterministicZip.normalize(raw.toByteArray(),
                java.util.Map.of(Preprocessing.ZIP_ENTRY, Json.canonical(preprocessing)));
        AtomicFiles.write(target, out -> out.write(bytes));
        return Sha256.of(bytes);
    }

    /** The entries a model file may hold; anything else is refused before DL4J reads the file. */
    private static final java.util.Set<String> ENTRIES = java.util.Set.of("configuration.json", "coefficients.bin",
            "updaterState.bin", Preprocessing.ZIP_ENTRY);
    /** Packages whose classes a model's configuration may name (DL4J builds them from "@class" fields). */
    private static final java.util.List<String> ALLOWED_CLASSES = java.util.List.of(
            "org.deeplearning4j.nn.", "org.nd4j.linalg.activations.", "org.nd4j.linalg.learning.",
            "org.nd4j.linalg.lossfunctions.", "org.nd4j.linalg.schedule.");

    /**
     * Loads a model written by {@link #write}. The file is checked before DL4J reads it: only the expected
     * entries, and a configuration naming only DL4J/ND4J layer, activation, updater and loss classes (DL4J
     * instantiates the classes a configuration names, so a foreign file could otherwise pick any class);
     * nothing is deserialised with Java serialisation. A damaged or foreign file gets an error naming it.
     */
    public static MultiLayerNetwork load(Path file) throws IOException {
        if (!Files.isRegularFile(file)) {
            throw new IOException(file + " does not exist or is not a file; run the train goal to create it");
        }
        checkContents(file);
        MultiLayerNetwork network;
        try {
            network = ModelSerializer.restoreMultiLayerNetwork(file.toFile(), false);
        } catch (IOException | RuntimeException e) {
            throw new IOException(file + " is not a readable fashion-ml model (" + e.getClass().getSimpleName()
                    + (e.getMessage() == null ? "" : ": " + e.getMessage())
                    + "); delete it and run the train goal again", e);
        }
        return network;
    }

    private static void checkContents(Path file) throws IOException {
        String configuration = null;
        try (java.util.zip.ZipFile zip = new java.util.zip.ZipFile(file.toFile())) {
            java.util.Enumeration<? extends java.util.zip.ZipEntry> entries = zip.entries();
            while (entries.hasMoreElements()) {
                java.util.zip.ZipEntry entry = entries.nextElement();
                if (!ENTRIES.contains(entry.getName())) {
                    throw new IOException(file + " holds an unexpected entry '" + entry.getName() + "'; it is not a "
                            + "model the train goal wrote, and is not loaded");
                }
                if (entry.getName().equals("configuration.json")) {
                    try (java.io.InputStream in = zip.getInputStream(entry)) {
                        configuration = new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
                    }
                }
            }
        } catch (java.util.zip.ZipException e) {
            throw new IOException(file + " is not a readable fashion-ml model (not a zip file: " + e.getMessage()
                    + "); delete it and run the train goal again", e);
        }
        if (configuration == null) {
            throw new IOException(file + " has no configuration.json; it is not a Deeplearning4j model");
        }
        com.fasterxml.jackson.databind.JsonNode tree;
        try {
            tree = Json.MAPPER.readTree(configuration);
        } catch (com.fasterxml.jackson.core.JacksonException e) {
            throw new IOException(file + ": configuration.json is not valid JSON; the model is damaged", e);
        }
        java.util.List<String> classes = new java.util.ArrayList<>();
        collectClassNames(tree, classes);
        for (String name : classes) {
            if (ALLOWED_CLASSES.stream().noneMatch(name::startsWith)) {
                throw new IOException(file + ": configuration.json names class '" + name + "', which is not a "
                        + "Deeplearning4j layer, activation, updater or loss; the model is not loaded");
            }
        }
    }

    private static void collectClassNames(com.fasterxml.jackson.databind.JsonNode node, java.util.List<String> out) {
        if (node.isObject()) {
            node.fields().forEachRemaining(field -> {
                if (field.getKey().equals("@class") && field.getValue().isTextual()) {
                    out.add(field.getValue().asText());
                }
                collectClassNames(field.getValue(), out);
            });
        } else if (node.isArray()) {
            node.forEach(child -> collectClassNames(child, out));
        }
    }

    /**
     * Loads a model and checks it fits the data set: a model for another problem loads fine in DL4J but would give
     * wrong answers here, so it is refused.
     */
    public static MultiLayerNetwork load(Path file, DatasetDescription dataset) throws IOException {
        MultiLayerNetwork network = load(file);
        checkShape(file, network, dataset);
        return network;
    }

    private static void checkShape(Path file, MultiLayerNetwork network, DatasetDescription dataset)
            throws IOException {
        int last = network.getnLayers() - 1;
        org.deeplearning4j.nn.conf.layers.Layer output = network.getLayerWiseConfigurations().getConf(last).getLayer();
        long classes = output instanceof org.deeplearning4j.nn.conf.layers.FeedForwardLayer f ? f.getNOut() : -1;
        org.deeplearning4j.nn.conf.layers.Layer first = network.getLayerWiseConfigurations().getConf(0).getLayer();
        // A convolution's nIn is the images' channels; a dense layer's, every sample of an image.
        long inputs = first instanceof org.deeplearning4j.nn.conf.layers.ConvolutionLayer c
                ? c.getNIn() * dataset.shape().height() * dataset.shape().width()
                : first instanceof org.deeplearning4j.nn.conf.layers.FeedForwardLayer f ? f.getNIn() : -1;
        if (classes != dataset.classCount() || inputs != dataset.shape().samples()) {
            throw new IOException(file + " is a model for another problem (" + inputs + " inputs, " + classes
                    + " classes); the data set '" + dataset.name() + "' has " + dataset.shape() + " images ("
                    + dataset.shape().samples() + " inputs) and " + dataset.classCount() + " classes");
        }
    }

    /** The preprocessing stored with a model; models without the entry were scaled to [0,1] only. */
    public static Preprocessing preprocessing(Path file) throws IOException {
        try (java.util.zip.ZipFile zip = new java.util.zip.ZipFile(file.toFile())) {
            java.util.zip.ZipEntry entry = zip.getEntry(Preprocessing.ZIP_ENTRY);
            if (entry == null) {
                return new Preprocessing(null, null);
            }
            try (java.io.InputStream in = zip.getInputStream(entry)) {
                Preprocessing p = Json.MAPPER.readValue(in, Preprocessing.class);
                if (p.mean() != null && (p.std() == null || p.mean().length != p.std().length)) {
                    throw new IOException(file + ": " + Preprocessing.ZIP_ENTRY + " is inconsistent");
                }
                return p;
            }
        }
    }

    /** SHA-256 of the parameters as big-endian IEEE floats, in DL4J's flattened order. */
    public static String parametersSha256(MultiLayerNetwork network) {
        float[] params = network.params().dup().data().asFloat();
        ByteBuffer buffer = ByteBuffer.allocate(params.length * Float.BYTES);
        buffer.asFloatBuffer().put(params);
        MessageDigest digest = Sha256.newDigest();
        digest.update(buffer.array());
        return Sha256.hex(digest.digest());
    }

    public static String fileSha256(Path file) throws IOException {
        return Sha256.of(Files.readAllBytes(file));
    }
}
