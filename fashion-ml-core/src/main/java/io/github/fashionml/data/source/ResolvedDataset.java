package io.github.fashionml.data.source;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import io.github.fashionml.data.DatasetDescription;
import io.github.fashionml.data.FashionMnist;
import io.github.fashionml.data.ImageShape;
import io.github.fashionml.data.image.DecodeSettings;
import io.github.fashionml.data.FashionMnistFile;
import io.github.fashionml.util.AtomicFiles;

import java.io.IOException;
import java.nio.file.Path;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The four verified files (training and test images and labels), where each came from, the data set they hold, and
 * for an image folder how its images were decoded (so {@code predict} decodes new images the same way); written as
 * {@code dataset.json} for later goals.
 */
public record ResolvedDataset(Map<FashionMnistFile, ResolvedFile> files, DatasetDescription description,
                              DecodeSettings decoding, FolderNotes folder) {

    public ResolvedDataset {
        // Not new EnumMap<>(files): that refuses an empty map that is not an EnumMap.
        EnumMap<FashionMnistFile, ResolvedFile> copy = new EnumMap<>(FashionMnistFile.class);
        copy.putAll(files);
        files = java.util.Collections.unmodifiableMap(copy);
    }

    /** Files whose images need no decoding: Fashion-MNIST's, an IDX set's. */
    public ResolvedDataset(Map<FashionMnistFile, ResolvedFile> files, DatasetDescription description) {
        this(files, description, null, null);
    }

    /** Fashion-MNIST's four files: its classes and shape, and the digest of their contents. */
    public static ResolvedDataset fashionMnist(Map<FashionMnistFile, ResolvedFile> files) {
        Map<String, String> digests = new java.util.TreeMap<>();
        files.forEach((file, resolved) -> digests.put(file.key(), resolved.sha256()));
        return new ResolvedDataset(files, DatasetDescription.fashionMnist(digests));
    }

    public Path path(FashionMnistFile file) {
        return files.get(file).path();
    }

    public Map<FashionMnistFile, Path> paths() {
        Map<FashionMnistFile, Path> paths = new EnumMap<>(FashionMnistFile.class);
        files.forEach((file, resolved) -> paths.put(file, resolved.path()));
        return paths;
    }

    /** JSON form: stable field names, read by later goals and by users' scripts. */
    record Json(@JsonProperty("dataset") String dataset, @JsonProperty("files") Map<String, FileJson> files,
                @JsonProperty("classNames") List<String> classNames, @JsonProperty("imageShape") ImageShape imageShape,
                @JsonProperty("digest") String digest, @JsonProperty("decoding") DecodeSettings decoding,
                @JsonProperty("folder") FolderNotes folder) {
    }

    record FileJson(@JsonProperty("fileName") String fileName, @JsonProperty("path") String path,
                    @JsonProperty("source") String source, @JsonProperty("origin") String origin,
                    @JsonProperty("sha256") String sha256, @JsonProperty("size") long size) {
    }

    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT)
            .disable(com.fasterxml.jackson.databind.DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);

    public void write(Path target) throws IOException {
        Map<String, FileJson> out = new LinkedHashMap<>();
        files.forEach((file, r) -> out.put(file.key(), new FileJson(file.fileName(), r.path().toString(),
                r.source(), r.origin(), r.sha256(), r.size())));
        byte[] bytes = JSON.writeValueAsBytes(new Json(description.name(), out, description.classNames(),
                description.shape(), description.digest(), decoding, folder));
        AtomicFiles.write(target, stream -> stream.write(bytes));
    }

    /** Reads a {@code dataset.json} written by {@link #write}. */
    public static ResolvedDataset read(Path source) throws IOException {
        Json json;
        try {
            json = JSON.readValue(source.toFile(), Json.class);
        } catch (com.fasterxml.jackson.core.JacksonException e) {
            throw new IOException(source + " is not valid JSON (" + e.getOriginalMessage()
                    + "); run the fetch-data goal again", e);
        }
        boolean described = json.classNames() != null && json.imageShape() != null && json.digest() != null;
        if (json.files() == null || json.dataset() == null || !described && !FashionMnist.NAME.equals(json.dataset())) {
            throw new IOException(source + " is not a fashion-ml dataset record (no \"dataset\", \"files\", "
                    + "\"classNames\", \"imageShape\" and \"digest\"); run the fetch-data goal again");
        }
        Map<FashionMnistFile, ResolvedFile> files = new EnumMap<>(FashionMnistFile.class);
        for (FashionMnistFile file : FashionMnistFile.values()) {
            FileJson f = json.files().get(file.key());
            if (f == null || f.path() == null) {
                throw new IOException(source + " has no entry for " + file.key() + "; run the fetch-data goal again");
            }
            files.put(file, new ResolvedFile(file, Path.of(f.path()), f.source(), f.origin(), f.sha256(), f.size()));
        }
        // Records written before the description was (fashion-ml 0.1.0 snapshots) are Fashion-MNIST's.
        return described ? new ResolvedDataset(files, new DatasetDescription(json.dataset(), json.classNames(),
                json.imageShape(), json.digest()), json.decoding(), json.folder()) : fashionMnist(files);
    }
}
