package io.github.fashionml.maven;

import io.github.fashionml.ConfigurationException;
import io.github.fashionml.model.ModelConfig;
import io.github.fashionml.model.ModelSelection;
import io.github.fashionml.model.ModelSpec;
import org.apache.maven.plugins.annotations.Parameter;

import java.util.List;

/** Goals that work on the configured models: configure {@code <models>} once at plugin level for all of them. */
abstract class AbstractModelsMojo extends AbstractFashionMlMojo {

    /**
     * The models. Each {@code <model>} has a {@code <name>} and an {@code <architecture>} ({@code cnn},
     * {@code dnn} or {@code cnn-deep}) and may change {@code filters}, {@code kernelSize}, {@code padding}
     * ({@code valid} or {@code same}), {@code convDropout},
     * {@code dense}, {@code denseDropout}, {@code epochs}, {@code batchSize}, {@code learningRate}, {@code seed},
     * {@code threads} and {@code standardize}. Default: the three reference models.
     */
    @Parameter
    protected List<ModelConfig> models;

    /** Work on these models only (comma-separated names). */
    @Parameter(property = "fashionml.models")
    protected String modelNames;

    protected List<ModelSpec> selectedSpecs(ModelConfig overrides) throws ConfigurationException {
        return ModelSelection.specs(models, overrides, modelNames);
    }

    protected List<String> selectedNames() throws ConfigurationException {
        return selectedSpecs(null).stream().map(ModelSpec::name).toList();
    }
}
