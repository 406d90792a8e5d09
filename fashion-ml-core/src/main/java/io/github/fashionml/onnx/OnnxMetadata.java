package io.github.fashionml.onnx;

import ai.onnx.proto.OnnxMl;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import io.github.fashionml.data.DatasetDescription;
import io.github.fashionml.data.FashionMnist;
import io.github.fashionml.data.ImageShape;
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
 * @param imageShape       the images the model takes: their height and width ({@code imageSize}, "28x28") and
 *                         channels ({@code colorMode}: {@code grayscale} or {@code rgb})
 * @param fingerprint      the training inputs' fingerprint, as in {@code manifest.json}
 * @param parametersSha256 SHA-256 of the parameters the graph holds, as in {@code manifest.json}
 * @param fashionMlVersion the fashion-ml version that trained and exported the model
 * @param seed             the seed the model was trained with
 */
public record OnnxMetadata(String model, List<String> classNames, ImageShape imageShape, String fingerprint,
                           String parametersSha256, String fashionMlVersion, long seed) {
    public static final String MODEL = "model";
    /** A JSON array of strings, e.g. {@code ["T-shirt/top","Trouser",...]}. */
    public static final String CLASS_NAMES = "classNames";
    /** Height x width of the input images, e.g. {@code 28x28}. */
    public static final String IMAGE_SIZE = "imageSize";
    /** {@code grayscale} ({@code pixels} is [N, H, W]) or {@code rgb} ([N, H, W, 3]). */
    public static final String COLOR_MODE = "colorMode";
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

    /** Fashion-MNIST's class names and images, and this build's fashion-ml version. */
    public static OnnxMetadata of(String model, String fingerprint, String parametersSha256, long seed) {
        return new OnnxMetadata(model, FashionMnist.CLASS_NAMES, ImageShape.FASHION_MNIST, fingerprint,
                parametersSha256, Versions.fashionMl(), seed);
    }

    /** The metadata of the model a manifest describes, trained on the data set described. */
    public static OnnxMetadata of(ModelManifest manifest, DatasetDescription dataset) {
        return new OnnxMetadata(manifest.model(), dataset.classNames(), dataset.shape(), manifest.fingerprint(),
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
        properties.put(IMAGE_SIZE, imageShape.height() + "x" + imageShape.width());
        properties.put(COLOR_MODE, colorMode(imageShape));
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
    public static boolean describes(Path file, ModelManifest manifest, DatasetDescription dataset) {
        if (!java.nio.file.Files.isRegularFile(file)) {
            return false;
        }
        try {
            OnnxMetadata recorded = from(OnnxExporter.read(file));
            return recorded.equals(of(manifest, dataset));
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
            return new OnnxMetadata(property(properties, MODEL), names,
                    imageShape(property(properties, IMAGE_SIZE), property(properties, COLOR_MODE)),
                    property(properties, FINGERPRINT),
                    property(properties, PARAMETERS_SHA256), property(properties, FASHION_ML_VERSION),
                    Long.parseLong(property(properties, SEED)));
        } catch (JsonProcessingException | IllegalArgumentException e) {
            throw new IOException("the ONNX model's fashion-ml metadata is malformed: " + e.getMessage(), e);
        }
    }

    private static String colorMode(ImageShape shape) {
        return shape.channels() == 1 ? "grayscale" : "rgb";
    }

    private static ImageShape imageShape(String size, String colorMode) {
        String[] parts = size.split("x");
        if (parts.length != 2 || !("grayscale".equals(colorMode) || "rgb".equals(colorMode))) {
            throw new IllegalArgumentException("imageSize '" + size + "' or colorMode '" + colorMode + "' is not "
                    + "HxW and grayscale or rgb");
        }
        return new ImageShape(Integer.parseInt(parts[0]), Integer.parseInt(parts[1]),
                "grayscale".equals(colorMode) ? 1 : 3);
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
