package io.github.fashionml.reproduce;

import io.github.fashionml.FashionMlException;
import io.github.fashionml.data.DatasetDescription;
import io.github.fashionml.data.ImageDataset;
import io.github.fashionml.data.source.ResolvedDataset;
import io.github.fashionml.data.split.ValidationSplit;
import io.github.fashionml.nativeblas.NativeBackend;
import io.github.fashionml.output.OutputLayout;
import io.github.fashionml.provenance.EpochRecord;
import io.github.fashionml.provenance.ModelManifest;
import io.github.fashionml.provenance.TrainingHistory;
import io.github.fashionml.provenance.TrainingInputs;
import io.github.fashionml.provenance.Versions;
import io.github.fashionml.train.Trainer;
import io.github.fashionml.train.TrainingData;
import io.github.fashionml.util.Json;
import io.github.fashionml.util.ProgressLog;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/**
 * Retrains recorded models from their manifests on this machine and compares each epoch's parameter SHA-256
 * with the recorded history, writing {@code reproduce.json} beside each manifest. Run it in a fresh JVM
 * ({@link ReproduceJob}, run by {@link Reproducer}): the native settings are chosen once per JVM, as for the build that recorded them.
 */
public final class ReproductionRun {
    private final NativeBackend backend;
    private final ProgressLog log;

    public ReproductionRun(NativeBackend backend, ProgressLog log) {
        this.backend = backend;
        this.log = log;
    }

    /**
     * @param epochLimit retrain at most this many epochs and compare them (0: every recorded epoch, and the kept
     *                   parameters too)
     */
    public List<Reproduction> run(List<String> models, ResolvedDataset dataset, Path outputDirectory, int epochLimit)
            throws FashionMlException, IOException {
        OutputLayout layout = new OutputLayout(outputDirectory);
        List<ModelManifest> manifests = new ArrayList<>();
        List<TrainingHistory> histories = new ArrayList<>();
        for (String model : models) {
            manifests.add(layout.readManifest(model));
            histories.add(layout.readHistory(model));
        }
        Map<String, String> digests = new TreeMap<>();
        dataset.files().forEach((file, resolved) -> digests.put(file.key(), resolved.sha256()));
        DatasetDescription description = dataset.description();
        ImageDataset all = ImageDataset.load(dataset.paths(), description.name(), description.classNames());
        byte[] labels = all.trainLabels();

        List<Reproduction> results = new ArrayList<>();
        for (int m = 0; m < manifests.size(); m++) {
            ModelManifest manifest = manifests.get(m);
            TrainingInputs recorded = manifest.inputs();
            List<EpochRecord> recordedEpochs = histories.get(m).epochs();
            if (recordedEpochs.isEmpty() || recordedEpochs.get(0).parametersSha256() == null) {
                throw new FashionMlException(manifest.model() + ": " + layout.historyFile(manifest.model())
                        + " records no per-epoch parameter hashes (it was written by an older fashion-ml); train "
                        + "again with -Dfashionml.force=true, then reproduce");
            }
            ValidationSplit split = ValidationSplit.stratified(Arrays.copyOf(labels, recorded.trainImages()),
                    recorded.validation().size(), recorded.validation().seed(), description.classNames());
            TrainingInputs here = new TrainingInputs(digests, recorded.trainImages(), recorded.testImages(),
                    split.summary(), recorded.spec(), recorded.threads(), NativeBackend.blasThreads(),
                    backend.kernelSettings(), backend.classifier(), backend.layerHelpersActive(),
                    Versions.deeplearning4j(), Versions.fashionMl());
            List<String> differences = here.differencesFrom(recorded);

            int limit = epochLimit > 0 ? Math.min(epochLimit, recordedEpochs.size()) : recordedEpochs.size();
            log.info(String.format(Locale.ROOT, "%s: retraining %d of %d recorded epoch%s in a fresh JVM to compare "
                            + "parameter hashes", manifest.model(), limit, recordedEpochs.size(),
                    recordedEpochs.size() == 1 ? "" : "s"));
            long started = System.nanoTime();
            TrainingData data = TrainingData.of(all.subset(recorded.trainImages(), 0), recorded.spec().standardize(),
                    split);
            Trainer.Result result = new Trainer(backend).train(recorded.spec(), recorded.threads(), data,
                    (spec, record, eta) -> log.info(String.format(Locale.ROOT, "%s: epoch %d: parameters %s (%s)",
                            spec.name(), record.epoch(), record.parametersSha256(),
                            record.parametersSha256().equals(recordedEpochs.get(record.epoch() - 1)
                                    .parametersSha256()) ? "as recorded" : "DIFFERENT from the recorded "
                                    + recordedEpochs.get(record.epoch() - 1).parametersSha256())), limit);

            List<Reproduction.Epoch> epochs = new ArrayList<>();
            Integer firstDifferent = null;
            for (int i = 0; i < limit; i++) {
                String before = recordedEpochs.get(i).parametersSha256();
                String now = i < result.history().size() ? result.history().get(i).parametersSha256() : "(not run)";
                boolean same = before.equals(now);
                epochs.add(new Reproduction.Epoch(i + 1, before, now, same));
                if (!same && firstDifferent == null) {
                    firstDifferent = i + 1;
                }
            }
            if (firstDifferent == null && limit == recordedEpochs.size() && !io.github.fashionml.model.ModelArchive
                    .parametersSha256(result.network()).equals(manifest.outputs().parametersSha256())) {
                // Every epoch matched but the kept parameters do not: early stopping kept another epoch.
                firstDifferent = result.keptEpoch();
            }
            Reproduction reproduction = new Reproduction(manifest.model(), manifest.fingerprint(), limit,
                    firstDifferent == null, firstDifferent, epochs, differences,
                    Math.round((System.nanoTime() - started) / 1e7) / 100.0);
            Json.write(layout.reproductionFile(manifest.model()), reproduction);
            log.info(reproduction.summary());
            results.add(reproduction);
        }
        return results;
    }

    /** Reads the reproduce.json files a run wrote. */
    public static List<Reproduction> read(Path outputDirectory, List<String> models) throws FashionMlException,
            IOException {
        OutputLayout layout = new OutputLayout(outputDirectory);
        List<Reproduction> results = new ArrayList<>();
        for (String model : models) {
            Path file = layout.reproductionFile(model);
            if (!Files.isRegularFile(file)) {
                throw new FashionMlException(model + ": the reproduction wrote no " + file);
            }
            results.add(Json.read(file, Reproduction.class, "run the reproduce goal again"));
        }
        return results;
    }
}
