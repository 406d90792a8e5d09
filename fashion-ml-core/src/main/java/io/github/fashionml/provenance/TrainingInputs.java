package io.github.fashionml.provenance;

import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import com.fasterxml.jackson.databind.JsonNode;
import io.github.fashionml.data.split.ValidationSplit;
import io.github.fashionml.model.ModelSpec;
import io.github.fashionml.util.Json;
import io.github.fashionml.util.Sha256;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Everything that determines a trained model's parameters; its SHA-256 is the model's fingerprint. The same
 * inputs on the same kind of machine give bitwise the same parameters (the thread count and native build are
 * inputs because they change the bits; the JVM is not, because it does not).
 *
 * @param dataset     SHA-256 of each data file's decompressed contents, by key ({@code train-images}, ...)
 * @param trainImages how many training images the split was drawn from (all 60,000 unless limited), validation
 *                    images included
 * @param testImages  how many test images {@code evaluate} reads (training reads none)
 * @param validation  the held-out validation images: how many, the seed that chose them, and a digest of their
 *                    indices
 * @param threads     native op threads (OpenMP, oneDNN)
 * @param blasThreads OpenBLAS threads
 * @param kernels     what chose the native kernels: the pinned settings ({@code ONEDNN_MAX_CPU_ISA},
 *                    {@code OPENBLAS_CORETYPE}, ...) or, when nothing is pinned, the CPU's vector extensions
 */
@JsonPropertyOrder({"dataset", "trainImages", "testImages", "validation", "spec", "threads", "blasThreads", "kernels", "nd4jClassifier",
        "oneDnnLayerHelpers", "deeplearning4jVersion", "fashionMlVersion"})
public record TrainingInputs(Map<String, String> dataset, int trainImages, int testImages,
                             ValidationSplit.Summary validation, ModelSpec spec,
                             int threads, int blasThreads, Map<String, String> kernels, String nd4jClassifier, boolean oneDnnLayerHelpers,
                             String deeplearning4jVersion, String fashionMlVersion) {

    public TrainingInputs {
        dataset = new TreeMap<>(dataset);
        kernels = kernels == null ? null : new TreeMap<>(kernels);
    }

    public String fingerprint() {
        try {
            return Sha256.of(Json.canonical(this));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** What differs from earlier inputs, one line each: {@code spec.epochs: 5 -> 10}. */
    public List<String> differencesFrom(TrainingInputs earlier) {
        Map<String, String> before = flatten(Json.MAPPER.valueToTree(earlier));
        Map<String, String> now = flatten(Json.MAPPER.valueToTree(this));
        List<String> changes = new ArrayList<>();
        for (String key : union(before, now)) {
            String a = before.get(key);
            String b = now.get(key);
            if (a == null ? b != null : !a.equals(b)) {
                changes.add(key + ": " + (a == null ? "(none)" : a) + " -> " + (b == null ? "(none)" : b));
            }
        }
        return changes;
    }

    private static List<String> union(Map<String, String> a, Map<String, String> b) {
        TreeMap<String, String> all = new TreeMap<>(a);
        all.putAll(b);
        return new ArrayList<>(all.keySet());
    }

    private static Map<String, String> flatten(JsonNode node) {
        Map<String, String> out = new TreeMap<>();
        flatten("", node, out);
        return out;
    }

    private static void flatten(String prefix, JsonNode node, Map<String, String> out) {
        if (node.isObject()) {
            Iterator<Map.Entry<String, JsonNode>> fields = node.fields();
            while (fields.hasNext()) {
                Map.Entry<String, JsonNode> field = fields.next();
                flatten(prefix.isEmpty() ? field.getKey() : prefix + "." + field.getKey(), field.getValue(), out);
            }
        } else {
            out.put(prefix, node.isTextual() ? node.asText() : node.toString());
        }
    }
}
