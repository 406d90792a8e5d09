package io.github.fashionml.scaleout;

import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import io.github.fashionml.ConfigurationException;
import io.github.fashionml.FashionMlException;
import io.github.fashionml.data.source.ResolvedDataset;
import io.github.fashionml.model.ModelSpec;
import io.github.fashionml.nativeblas.NativeSettings;
import io.github.fashionml.provenance.TrainingInputs;
import io.github.fashionml.provenance.Versions;
import io.github.fashionml.sweep.SweepPlan;
import io.github.fashionml.train.TrainingRun;
import io.github.fashionml.util.Json;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * {@code plan.json}: every leg the configuration trains (each model without a sweep, each sweep trial), with its
 * fingerprint and coordinates, for a CI matrix to run one job per leg. Planned without native code, from the
 * configuration and {@code dataset.json} alone.
 *
 * @param fashionMlVersion the version that planned, and that must train and gather the legs
 * @param legs             in configuration order
 */
@JsonPropertyOrder({"fashionMlVersion", "legs"})
public record LegPlan(String fashionMlVersion, List<Leg> legs) {
    public LegPlan {
        legs = List.copyOf(legs);
    }

    /** What identifies the project the legs belong to. */
    public record Project(String groupId, String artifactId, String version) {
    }

    /**
     * Plans the legs of the models (and sweeps) configured.
     *
     * @param settings the kernels and native build the legs will train with: part of each fingerprint
     */
    public static LegPlan of(SweepPlan models, ResolvedDataset dataset, TrainingRun.Options options,
                             NativeSettings settings, Project project) throws FashionMlException, IOException {
        if (models.specs().isEmpty()) {
            throw new ConfigurationException("The plan has no legs: no model is configured or selected "
                    + "(-Dfashionml.modelNames); configure <models>, or leave -Dfashionml.modelNames out");
        }
        Map<String, TrainingInputs> inputs = TrainingRun.inputs(models.specs(), dataset, options, settings);
        List<Leg> legs = new ArrayList<>();
        for (ModelSpec spec : models.specs()) {
            String model = models.trialModels().getOrDefault(spec.name(), spec.name());
            legs.add(new Leg(spec.name(), model, inputs.get(spec.name()).fingerprint(),
                    LegCoordinates.of(project.groupId(), project.artifactId(), project.version(), spec.name())
                            .toString()));
        }
        return new LegPlan(Versions.fashionMl(), legs);
    }

    /** The legs' names as a compact JSON array, for a workflow's {@code fromJSON}. */
    public String namesJson() throws IOException {
        return Json.MAPPER.writer().without(com.fasterxml.jackson.databind.SerializationFeature.INDENT_OUTPUT)
                .writeValueAsString(legs.stream().map(Leg::name).toList());
    }

    public void write(Path file) throws IOException {
        Json.write(file, this);
    }
}
