package io.github.fashionml.predict;

import io.github.fashionml.ConfigurationException;
import io.github.fashionml.FashionMlException;
import io.github.fashionml.model.ModelArchive;
import io.github.fashionml.nativeblas.NativeBackend;
import io.github.fashionml.data.DatasetDescription;
import io.github.fashionml.data.source.ResolvedDataset;
import io.github.fashionml.output.OutputLayout;
import io.github.fashionml.util.Json;
import io.github.fashionml.util.ProgressLog;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;

/**
 * What the {@code predict} goal calls: classifies a directory of images or an IDX file with a trained model and
 * writes {@code predictions.json}.
 */
public final class PredictionRun {
    private final NativeBackend backend;
    private final ProgressLog log;

    public PredictionRun(NativeBackend backend, ProgressLog log) {
        this.backend = backend;
        this.log = log;
    }

    /**
     * @param modelFile       a model file to use, or null for the named model's {@code model.zip}
     * @param predictionsFile where to write, or null for {@code <outputDirectory>/<model>/predictions.json}
     */
    public List<Prediction> run(Path outputDirectory, String model, Path modelFile, Path images, Path predictionsFile)
            throws FashionMlException, IOException {
        OutputLayout layout = new OutputLayout(outputDirectory);
        Path zip = modelFile != null ? modelFile : layout.modelFile(model);
        if (!Files.isRegularFile(zip)) {
            throw new ConfigurationException("No model at " + zip + ": run the train goal first (mvn compile with "
                    + "the train goal bound), or set -Dfashionml.modelFile to a model.zip.");
        }
        if (images == null || !Files.exists(images)) {
            throw new ConfigurationException("fashionml.images: " + images + " does not exist; give a directory of "
                    + "images like the data set's (" + dataset(layout).description().shape() + ") or an IDX images file.");
        }
        ResolvedDataset dataset = dataset(layout);
        ImageClassifier classifier = ImageClassifier.load(zip, backend, dataset.description(), dataset.decoding());
        List<Prediction> predictions = Files.isDirectory(images)
                ? classifier.classifyDirectory(images) : classifier.classifyIdx(images);
        Path out = predictionsFile != null ? predictionsFile : layout.predictionsFile(model);
        Json.write(out, new PredictionReport(model, zip.toString(), ModelArchive.fileSha256(zip), predictions));
        int shown = Math.min(10, predictions.size());
        for (Prediction p : predictions.subList(0, shown)) {
            log.info(String.format(Locale.ROOT, "%s: %s (%.1f%%)", p.image(), p.className(), 100 * p.probability()));
        }
        if (predictions.size() > shown) {
            log.info("... and " + (predictions.size() - shown) + " more");
        }
        log.info(predictions.size() + " predictions written to " + out);
        return predictions;
    }

    /**
     * The data set the build's models were trained on, from its {@code dataset.json}: its image shape, class names
     * and, for an image folder, how its images were decoded. Without one (a model file classified outside a build),
     * Fashion-MNIST's.
     */
    private static ResolvedDataset dataset(OutputLayout layout) throws IOException {
        Path record = layout.datasetFile();
        return Files.isRegularFile(record) ? ResolvedDataset.read(record)
                : new ResolvedDataset(java.util.Map.of(), DatasetDescription.fashionMnist(java.util.Map.of()));
    }
}
