package io.github.fashionml.maven;

import io.github.fashionml.ConfigurationException;
import io.github.fashionml.FashionMlException;
import io.github.fashionml.model.ModelArchive;
import io.github.fashionml.nativeblas.NativeBackend;
import io.github.fashionml.predict.ImageClassifier;
import io.github.fashionml.predict.Prediction;
import io.github.fashionml.predict.PredictionReport;
import io.github.fashionml.util.Json;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * Classifies images with a trained model and writes {@code predictions.json}: for each image its label,
 * class name and the probability of every class. Images are 28x28 grey files (PNG, JPEG, GIF, BMP) in a
 * directory, or an IDX images file. Not bound to a phase: run {@code mvn fashion-ml:predict -Dfashionml.images=DIR}.
 */
@Mojo(name = "predict", threadSafe = true)
public class PredictMojo extends AbstractNativeMojo {

    /** The trained model to use, by name. */
    @Parameter(property = "fashionml.model", defaultValue = "cnn")
    private String model;

    /** A model file to use instead of {@code <outputDirectory>/<model>/model.zip}. */
    @Parameter(property = "fashionml.modelFile")
    private File modelFile;

    /** A directory of 28x28 grey images, or an IDX images file (.gz or plain). */
    @Parameter(property = "fashionml.images", required = true)
    private File images;

    /** Where to write the predictions. Default: {@code <outputDirectory>/<model>/predictions.json}. */
    @Parameter(property = "fashionml.predictionsFile")
    private File predictionsFile;


    @Override
    protected void run() throws FashionMlException, IOException {
        Path zip = modelFile != null ? modelFile.toPath() : outputDirectory.toPath().resolve(model).resolve("model.zip");
        if (!Files.isRegularFile(zip)) {
            throw new ConfigurationException("No model at " + zip + ": run the train goal first (mvn compile with "
                    + "the train goal bound), or set -Dfashionml.modelFile to a model.zip.");
        }
        Path input = images.toPath();
        if (!Files.exists(input)) {
            throw new ConfigurationException("fashionml.images: " + input + " does not exist; give a directory of "
                    + "28x28 grey images or an IDX images file.");
        }
        ImageClassifier classifier = ImageClassifier.load(zip, startBackend());
        List<Prediction> predictions = Files.isDirectory(input)
                ? classifier.classifyDirectory(input) : classifier.classifyIdx(input);
        Path out = predictionsFile != null ? predictionsFile.toPath()
                : outputDirectory.toPath().resolve(model).resolve("predictions.json");
        Json.write(out, new PredictionReport(model, zip.toString(), ModelArchive.fileSha256(zip), predictions));
        int shown = Math.min(10, predictions.size());
        for (Prediction p : predictions.subList(0, shown)) {
            getLog().info(String.format(java.util.Locale.ROOT, "%s: %s (%.1f%%)", p.image(), p.className(),
                    100 * p.probability()));
        }
        if (predictions.size() > shown) {
            getLog().info("... and " + (predictions.size() - shown) + " more");
        }
        getLog().info(predictions.size() + " predictions written to " + out);
    }
}
