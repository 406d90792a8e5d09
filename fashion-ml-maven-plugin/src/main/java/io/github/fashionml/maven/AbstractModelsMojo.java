package io.github.fashionml.maven;

import io.github.fashionml.ConfigurationException;
import io.github.fashionml.model.ModelConfig;
import io.github.fashionml.model.ModelSelection;
import io.github.fashionml.model.ModelSpec;
import org.apache.maven.plugins.annotations.Parameter;

import java.util.List;

/** Goals that work on the configured models: configure {@code <models>} once at plugin level for all of them. */
abstract class AbstractModelsMojo extends AbstractNativeMojo {

    /**
     * The models. Each {@code <model>} has a {@code <name>} and an {@code <architecture>} ({@code cnn},
     * {@code dnn} or {@code cnn-deep}) and may change {@code filters}, {@code kernelSize}, {@code padding}
     * ({@code valid} or {@code same}), {@code convDropout},
     * {@code dense}, {@code denseDropout}, {@code epochs} (the maximum, with early stopping), {@code batchSize},
     * {@code learningRate} (the peak, with a schedule), {@code seed}, {@code threads}, {@code standardize},
     * {@code <schedule>} ({@code <type>} {@code constant}, {@code cosine}, {@code onecycle} or {@code plateau}, with
     * {@code warmupEpochs}, {@code floor}, {@code factor}, {@code patience}, {@code monitor}) and
     * {@code <earlyStopping>} ({@code monitor} {@code validationLoss} or {@code validationAccuracy},
     * {@code patience}, {@code minDelta}, {@code restoreBest}, {@code enabled}). Default: the three reference
     * models.
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
