package io.github.fashionml.onnx;

import ai.onnx.proto.OnnxMl;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import io.github.fashionml.data.FashionMnist;
import io.github.fashionml.provenance.ModelManifest;
import io.github.fashionml.provenance.Versions;
import io.github.fashionml.util.Json;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What a {@code model.onnx} says about itself, in its {@code metadata_props} (ONNX Runtime: {@code
 * OrtSession.getMetadata().getCustomMetadata()}; Python: {@code session.get_modelmeta().custom_metadata_map}).
 *
 * @param model            the model's name (also the graph's name)
 * @param classNames       class names in label order: {@code probabilities[i][c]} is the probability of class c
 * @param fingerprint      the training inputs' fingerprint, as in {@code manifest.json}
 * @param parametersSha256 SHA-256 of the parameters the graph holds, as in {@code manifest.json}
 * @param fashionMlVersion the fashion-ml version that trained and exported the model
 * @param seed             the seed the model was trained with
 */
public record OnnxMetadata(String model, List<String> classNames, String fingerprint, String parametersSha256,
                           String fashionMlVersion, long seed) {
    public static final String MODEL = "model";
    /** A JSON array of strings, e.g. {@code ["T-shirt/top","Trouser",...]}. */
    public static final String CLASS_NAMES = "classNames";
    public static final String FINGERPRINT = "fingerprint";
    public static final String PARAMETERS_SHA256 = "parametersSha256";
    public static final String FASHION_ML_VERSION = "fashionMlVersion";
    public static final String SEED = "seed";

    public OnnxMetadata {
        classNames = List.copyOf(classNames);
        require(model, MODEL);
        require(fingerprint, FINGERPRINT);
        require(parametersSha256, PARAMETERS_SHA256);
        require(fashionMlVersion, FASHION_ML_VERSION);
    }

    /** Fashion-MNIST's class names and this build's fashion-ml version. */
    public static OnnxMetadata of(String model, String fingerprint, String parametersSha256, long seed) {
        return new OnnxMetadata(model, FashionMnist.CLASS_NAMES, fingerprint, parametersSha256, Versions.fashionMl(),
                seed);
    }

    /** The metadata of the model a manifest describes. */
    public static OnnxMetadata of(ModelManifest manifest) {
        return new OnnxMetadata(manifest.model(), FashionMnist.CLASS_NAMES, manifest.fingerprint(),
                manifest.outputs().parametersSha256(), manifest.inputs().fashionMlVersion(),
                manifest.inputs().spec().seed());
    }

    /** The properties in a fixed order, so the same metadata always gives the same bytes. */
    Map<String, String> properties() {
        Map<String, String> properties = new LinkedHashMap<>();
        properties.put(MODEL, model);
        try {
            properties.put(CLASS_NAMES, Json.MAPPER.writer().withoutFeatures(
                    com.fasterxml.jackson.databind.SerializationFeature.INDENT_OUTPUT).writeValueAsString(classNames));
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
        properties.put(FINGERPRINT, fingerprint);
        properties.put(PARAMETERS_SHA256, parametersSha256);
        properties.put(FASHION_ML_VERSION, fashionMlVersion);
        properties.put(SEED, Long.toString(seed));
        return properties;
    }

    /**
     * Whether {@code file} is an ONNX export of the model a manifest records (its fingerprint, parameters and
     * fashion-ml version); false for a missing, unreadable or other model's file.
     */
    public static boolean describes(Path file, ModelManifest manifest) {
        if (!java.nio.file.Files.isRegularFile(file)) {
            return false;
        }
        try {
            OnnxMetadata recorded = from(OnnxExporter.read(file));
            return recorded.equals(of(manifest));
        } catch (IOException | RuntimeException e) {
            return false;
        }
    }

    /** Reads the metadata back from an exported model; a property missing or malformed is an error. */
    public static OnnxMetadata from(OnnxMl.ModelProto model) throws IOException {
        Map<String, String> properties = new LinkedHashMap<>();
        for (OnnxMl.StringStringEntryProto entry : model.getMetadataPropsList()) {
            properties.put(entry.getKey(), entry.getValue());
        }
        try {
            List<String> names = Json.MAPPER.readValue(property(properties, CLASS_NAMES),
                    new TypeReference<List<String>>() { });
            return new OnnxMetadata(property(properties, MODEL), names, property(properties, FINGERPRINT),
                    property(properties, PARAMETERS_SHA256), property(properties, FASHION_ML_VERSION),
                    Long.parseLong(property(properties, SEED)));
        } catch (JsonProcessingException | NumberFormatException e) {
            throw new IOException("the ONNX model's fashion-ml metadata is malformed: " + e.getMessage(), e);
        }
    }

    private static String property(Map<String, String> properties, String key) throws IOException {
        String value = properties.get(key);
        if (value == null) {
            throw new IOException("the ONNX model has no '" + key + "' metadata property; it was not exported by "
                    + "fashion-ml");
        }
        return value;
    }

    private static void require(String value, String name) {
        if (value == null || value.isBlank()) {
            throw new IllegalArgumentException("ONNX metadata needs a " + name);
        }
    }
}
