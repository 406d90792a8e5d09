package io.github.fashionml.train;

import io.github.fashionml.ConfigurationException;
import io.github.fashionml.FashionMlException;
import io.github.fashionml.data.FashionMnist;
import io.github.fashionml.data.FashionMnistData;
import io.github.fashionml.data.FashionMnistFile;
import io.github.fashionml.data.source.ResolvedDataset;
import io.github.fashionml.data.source.ResolvedFile;
import io.github.fashionml.model.Architectures;
import io.github.fashionml.model.ModelArchive;
import io.github.fashionml.model.ModelSpec;
import io.github.fashionml.model.ModelSpecs;
import io.github.fashionml.nativeblas.NativeBackend;
import io.github.fashionml.provenance.GitInfo;
import io.github.fashionml.provenance.ModelManifest;
import io.github.fashionml.provenance.RunEnvironment;
import io.github.fashionml.provenance.TrainingInputs;
import io.github.fashionml.provenance.Versions;
import io.github.fashionml.util.Json;
import io.github.fashionml.util.ProgressLog;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * Trains a set of models into {@code <outputDirectory>/<model>/}: {@code model.zip}, {@code history.json} and
 * {@code manifest.json}. Like {@code dvc repro}, a model whose fingerprint and files match the recorded ones
 * is not trained again; otherwise the log says which input changed.
 */
public final class TrainingRun {
    public static final String MODEL_FILE = "model.zip";
    public static final String HISTORY_FILE = "history.json";
    public static final String MANIFEST_FILE = "manifest.json";

    /**
     * @param trainLimit       use only the first N training images (0: all); recorded in the fingerprint
     * @param testLimit        use only the first N test images (0: all)
     * @param projectDirectory where to look for the git commit, or null
     */
    public record Options(Path outputDirectory, boolean force, int trainLimit, int testLimit, Path projectDirectory) {
    }

    /** What happened to one model. */
    public record Outcome(ModelSpec spec, Path directory, ModelManifest manifest, boolean upToDate) {
        public Path modelFile() {
            return directory.resolve(MODEL_FILE);
        }
    }

    private final NativeBackend backend;
    private final ProgressLog log;

    public TrainingRun(NativeBackend backend, ProgressLog log) {
        this.backend = backend;
        this.log = log;
    }

    public List<Outcome> run(List<ModelSpec> specs, ResolvedDataset dataset, Options options)
            throws FashionMlException, IOException {
        ModelSpecs.validate(specs);
        if (options.trainLimit() < 0 || options.testLimit() < 0) {
            throw new ConfigurationException("trainLimit and testLimit must be 0 (all images) or positive");
        }
        int trainImages = limit(imageCount(dataset.files().get(FashionMnistFile.TRAIN_IMAGES)), options.trainLimit());
        int testImages = limit(imageCount(dataset.files().get(FashionMnistFile.TEST_IMAGES)), options.testLimit());
        Map<String, String> digests = new TreeMap<>();
        dataset.files().forEach((file, resolved) -> digests.put(file.key(), resolved.sha256()));

        List<Outcome> outcomes = new ArrayList<>();
        Map<Boolean, TrainingData> arrays = new HashMap<>();
        FashionMnistData data = null;
        GitInfo git = GitInfo.of(options.projectDirectory());
        for (ModelSpec spec : specs) {
            int threads = spec.threads() > 0 ? spec.threads() : Architectures.defaultThreads(spec);
            TrainingInputs inputs = new TrainingInputs(digests, trainImages, testImages, spec, threads,
                    NativeBackend.blasThreads(), backend.classifier(), backend.layerHelpersActive(), Versions.deeplearning4j(), Versions.fashionMl());
            Path dir = options.outputDirectory().resolve(spec.name());
            Optional<ModelManifest> current = options.force() ? Optional.empty() : upToDate(dir, inputs);
            if (current.isPresent()) {
                log.info(spec.name() + ": up to date (fingerprint " + inputs.fingerprint().substring(0, 12)
                        + ", parameters " + current.get().outputs().parametersSha256().substring(0, 12)
                        + "); training skipped. Use -Dfashionml.force=true to retrain.");
                outcomes.add(new Outcome(spec, dir, current.get(), true));
                continue;
            }
            if (data == null) {
                data = load(dataset).subset(trainImages, testImages);
            }
            final FashionMnistData source = data;
            TrainingData prepared = arrays.computeIfAbsent(spec.standardize(), s -> TrainingData.of(source, s));
            outcomes.add(new Outcome(spec, dir, train(spec, threads, inputs, prepared, dir, git), false));
        }
        return outcomes;
    }

    private ModelManifest train(ModelSpec spec, int threads, TrainingInputs inputs, TrainingData data, Path dir,
                                GitInfo git) throws IOException {
        io.github.fashionml.util.AtomicFiles.createDirectories(dir);
        int leftovers = io.github.fashionml.util.AtomicFiles.deleteLeftovers(dir);
        if (leftovers > 0) {
            log.info(spec.name() + ": removed " + leftovers + " partly written file(s) an interrupted build left");
        }
        // The previous outputs stay until the new ones are complete: model.zip, history.json, then the manifest,
        // each replaced atomically. A run killed between them leaves a manifest whose fingerprint or model
        // digest no longer matches, so the next run trains again.
        log.info(String.format(Locale.ROOT, "%s: training %s (%s) on %,d images, %d epochs, batch %d, %d thread%s, "
                        + "seed %d", spec.name(), spec.architecture(), describe(spec), data.trainCount(), spec.epochs(),
                spec.batchSize(), threads, threads == 1 ? "" : "s", spec.seed()));
        String trainedAt = Instant.now().truncatedTo(ChronoUnit.SECONDS).toString();
        long started = System.nanoTime();
        Trainer.Result result = new Trainer(backend).train(spec, threads, data, this::progress);
        MultiLayerNetwork network = result.network();

        Path modelFile = dir.resolve(MODEL_FILE);
        String modelSha = ModelArchive.write(network,
                io.github.fashionml.model.Preprocessing.of(data.standardization()), modelFile);
        List<EpochRecord> history = result.history();
        Json.write(dir.resolve(HISTORY_FILE), new TrainingHistory(spec.name(), history));

        EpochRecord last = history.get(history.size() - 1);
        double trainingSeconds = history.stream().mapToDouble(EpochRecord::seconds).sum();
        double evaluationSeconds = history.stream().mapToDouble(EpochRecord::evaluationSeconds).sum();
        ModelManifest manifest = new ModelManifest(spec.name(), inputs.fingerprint(), inputs,
                new ModelManifest.Outputs(ModelArchive.parametersSha256(network), network.numParams(), MODEL_FILE,
                        modelSha, Files.size(modelFile), last.testAccuracy(), last.testLoss()),
                new ModelManifest.Timings(trainedAt, round(trainingSeconds), round(evaluationSeconds),
                        Math.round((double) data.trainCount() * spec.epochs() / trainingSeconds),
                        round((System.nanoTime() - started) / 1e9)),
                RunEnvironment.current(backend), git);
        Json.write(dir.resolve(MANIFEST_FILE), manifest);
        log.info(String.format(Locale.ROOT, "%s: test accuracy %.4f, %,d parameters, parameters SHA-256 %s; "
                        + "written to %s", spec.name(), last.testAccuracy(), network.numParams(),
                manifest.outputs().parametersSha256(), dir));
        return manifest;
    }

    /** The recorded manifest, when it matches these inputs and the model file is the one it records. */
    private Optional<ModelManifest> upToDate(Path dir, TrainingInputs inputs) {
        Path manifestFile = dir.resolve(MANIFEST_FILE);
        String name = inputs.spec().name();
        if (!Files.isRegularFile(manifestFile)) {
            log.info(name + ": no complete earlier model in " + dir + "; training");
            return Optional.empty();
        }
        ModelManifest recorded;
        try {
            recorded = Json.read(manifestFile, ModelManifest.class, "it will be replaced");
        } catch (IOException e) {
            log.warn(name + ": " + e.getMessage() + "; training again");
            return Optional.empty();
        }
        if (recorded.inputs() == null || !inputs.fingerprint().equals(recorded.fingerprint())) {
            List<String> changes = recorded.inputs() == null ? List.of("the manifest records no inputs")
                    : inputs.differencesFrom(recorded.inputs());
            log.info(name + ": inputs changed since the last training, so training again:\n    "
                    + String.join("\n    ", changes));
            return Optional.empty();
        }
        Path modelFile = dir.resolve(MODEL_FILE);
        try {
            if (!Files.isRegularFile(modelFile) || !Files.isRegularFile(dir.resolve(HISTORY_FILE))) {
                log.info(name + ": " + (Files.isRegularFile(modelFile) ? HISTORY_FILE : MODEL_FILE)
                        + " is missing; training again");
                return Optional.empty();
            }
            if (!ModelArchive.fileSha256(modelFile).equals(recorded.outputs().modelSha256())) {
                log.info(name + ": " + modelFile + " is not the file the manifest records (damaged or replaced); "
                        + "training again");
                return Optional.empty();
            }
        } catch (IOException e) {
            log.warn(name + ": cannot read " + modelFile + " (" + e.getMessage() + "); training again");
            return Optional.empty();
        }
        return Optional.of(recorded);
    }

    private FashionMnistData load(ResolvedDataset dataset) throws IOException, FashionMlException {
        long started = System.nanoTime();
        FashionMnistData data = FashionMnistData.load(dataset.paths());
        for (FashionMnistFile file : FashionMnistFile.values()) {
            String recorded = dataset.files().get(file).sha256();
            if (!recorded.equals(data.sha256().get(file))) {
                throw new FashionMlException(dataset.path(file) + " changed since fetch-data verified it (SHA-256 now "
                        + data.sha256().get(file) + ", recorded " + recorded + "); run the fetch-data goal again");
            }
        }
        log.info(String.format(Locale.ROOT, "Loaded %,d training and %,d test images in %.1f s",
                data.trainImages().count(), data.testImages().count(), (System.nanoTime() - started) / 1e9));
        return data;
    }

    private void progress(ModelSpec spec, EpochRecord r, double etaSeconds) {
        log.info(String.format(Locale.ROOT,
                "%s: epoch %d/%d  loss %.4f  train acc %.4f  test loss %.4f  test acc %.4f  %,.0f img/s  %.1f s  ETA %s",
                spec.name(), r.epoch(), spec.epochs(), r.trainLoss(), r.trainAccuracy(), r.testLoss(),
                r.testAccuracy(), r.imagesPerSecond(), r.seconds() + r.evaluationSeconds(), duration(etaSeconds)));
    }

    static String duration(double seconds) {
        long s = Math.round(seconds);
        return s >= 60 ? (s / 60) + "m" + String.format(Locale.ROOT, "%02d", s % 60) + "s" : s + "s";
    }

    private static String describe(ModelSpec spec) {
        StringBuilder sb = new StringBuilder();
        for (int f : spec.filters()) {
            sb.append("conv").append(f).append(spec.samePadding() ? "same-" : "-");
        }
        for (int d : spec.dense()) {
            sb.append("dense").append(d).append('-');
        }
        return sb.append("softmax").append(FashionMnist.CLASS_COUNT).toString();
    }

    private static int imageCount(ResolvedFile images) {
        return (int) ((images.size() - 16) / FashionMnist.PIXELS);
    }

    private static int limit(int available, int limit) {
        return limit > 0 ? Math.min(available, limit) : available;
    }

    private static double round(double seconds) {
        return Math.round(seconds * 100) / 100.0;
    }
}
