package io.github.fashionml.maven;

import io.github.fashionml.FashionMlException;
import io.github.fashionml.predict.PredictJob;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;

import java.io.File;
import java.io.IOException;

/**
 * Classifies images with a trained model and writes {@code predictions.json}: for each image its label,
 * class name and the probability of every class. Images are grey files (PNG, JPEG, GIF, BMP) of the size of the
 * data set the model was trained on ({@code dataset.json}; 28x28 for Fashion-MNIST) in a directory, or an IDX
 * images file. Not bound to a phase: run {@code mvn fashion-ml:predict -Dfashionml.images=DIR}.
 */
@Mojo(name = "predict", threadSafe = true)
public class PredictMojo extends AbstractNativeMojo {

    /** The trained model to use, by name. */
    @Parameter(property = "fashionml.model", defaultValue = "cnn")
    private String model;

    /** A model file to use instead of {@code <outputDirectory>/<model>/model.zip}. */
    @Parameter(property = "fashionml.modelFile")
    private File modelFile;

    /** A directory of grey images of the data set's size (28x28 for Fashion-MNIST), or an IDX images file. */
    @Parameter(property = "fashionml.images", required = true)
    private File images;

    /** Where to write the predictions. Default: {@code <outputDirectory>/<model>/predictions.json}. */
    @Parameter(property = "fashionml.predictionsFile")
    private File predictionsFile;

    @Override
    protected void run() throws FashionMlException, IOException {
        jobRunner().run(new PredictJob(outputDirectory.toPath(), model, modelFile == null ? null : modelFile.toPath(),
                images.toPath(), predictionsFile == null ? null : predictionsFile.toPath()));
    }
}
