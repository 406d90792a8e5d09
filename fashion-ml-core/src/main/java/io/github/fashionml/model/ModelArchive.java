package io.github.fashionml.model;

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

    /** Loads a model written by {@link #write}; a damaged or foreign file gets an error naming it. */
    public static MultiLayerNetwork load(Path file) throws IOException {
        if (!Files.isRegularFile(file)) {
            throw new IOException(file + " does not exist or is not a file; run the train goal to create it");
        }
        try {
            return ModelSerializer.restoreMultiLayerNetwork(file.toFile(), false);
        } catch (IOException | RuntimeException e) {
            throw new IOException(file + " is not a readable fashion-ml model (" + e.getClass().getSimpleName()
                    + (e.getMessage() == null ? "" : ": " + e.getMessage())
                    + "); delete it and run the train goal again", e);
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
