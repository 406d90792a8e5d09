package io.github.fashionml.train;

import io.github.fashionml.sweep.SweepProgress;
import io.github.fashionml.sweep.SweptModel;
import io.github.fashionml.ConfigurationException;
import io.github.fashionml.FashionMlException;
import io.github.fashionml.data.DatasetDescription;
import io.github.fashionml.data.ImageDataset;
import io.github.fashionml.data.FashionMnistFile;
import io.github.fashionml.data.idx.IdxReader;
import io.github.fashionml.data.source.ResolvedDataset;
import io.github.fashionml.data.source.ResolvedFile;
import io.github.fashionml.data.split.ValidationSplit;
import io.github.fashionml.model.Architectures;
import io.github.fashionml.model.ModelArchive;
import io.github.fashionml.model.ModelSpec;
import io.github.fashionml.model.ModelSpecs;
import io.github.fashionml.nativeblas.NativeBackend;
import io.github.fashionml.nativeblas.NativeSettings;
import io.github.fashionml.onnx.OnnxExporter;
import io.github.fashionml.onnx.OnnxMetadata;
import io.github.fashionml.output.OutputLayout;
import io.github.fashionml.provenance.EpochRecord;
import io.github.fashionml.provenance.GitInfo;
import io.github.fashionml.provenance.ModelManifest;
import io.github.fashionml.provenance.RunEnvironment;
import io.github.fashionml.provenance.TrainingHistory;
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
 * Trains a set of models into {@code <outputDirectory>/<model>/}: {@code model.zip}, {@code history.json},
 * {@code manifest.json} and {@code model.onnx}. Like {@code dvc repro}, a model whose fingerprint and files match the recorded ones
 * is not trained again; otherwise the log says which input changed.
 */
public final class TrainingRun {
    /**
     * @param trainLimit       use only the first N training images (0: all); recorded in the fingerprint
     * @param testLimit        how many test images {@code evaluate} will read (0: all); training reads none
     * @param validationSize   training images held out for validation (0: none); null for a tenth of them
     * @param projectDirectory where to look for the git commit, or null
     */
    public record Options(Path outputDirectory, boolean force, int trainLimit, int testLimit, Integer validationSize,
                          Path projectDirectory) {
        public Options(Path outputDirectory, boolean force, int trainLimit, int testLimit, Path projectDirectory) {
            this(outputDirectory, force, trainLimit, testLimit, null, projectDirectory);
        }
    }

    /** What happened to one model. */
    public record Outcome(ModelSpec spec, Path directory, ModelManifest manifest, boolean upToDate) {
        public Path modelFile() {
            return directory.resolve(OutputLayout.MODEL_FILE);
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
        return run(specs, List.of(), dataset, options);
    }

    /** Trains the models, logging each sweep's plan first and each trial's number as it starts. */
    public List<Outcome> run(List<ModelSpec> specs, List<SweptModel> sweeps, ResolvedDataset dataset,
                             Options options) throws FashionMlException, IOException {
        List<Outcome> outcomes = new ArrayList<>();
        Map<String, TrainingData> arrays = new HashMap<>();
        ImageDataset data = null;
        GitInfo git = GitInfo.of(options.projectDirectory());
        List<Planned> plan = plan(specs, dataset, options, new BackendIdentity(backend.classifier(),
                backend.kernelSettings(), backend.layerHelpersActive()), log);
        SweepProgress sweepProgress = new SweepProgress(sweeps);
        if (!sweeps.isEmpty() && !plan.isEmpty()) {
            Map<String, Optional<ModelManifest>> current = new HashMap<>();
            plan.forEach(p -> current.put(p.spec().name(), p.current()));
            Planned first = plan.get(0);
            sweepProgress.logPlan(current, first.inputs().trainImages() - first.split().validation().length, log);
        }
        for (Planned planned : plan) {
            ModelSpec spec = planned.spec();
            if (planned.current().isPresent()) {
                if (!planned.onnxCurrent()) {
                    exportOnnxFromModelFile(planned.directory(), planned.current().get(), dataset.description());
                }
                outcomes.add(new Outcome(spec, planned.directory(), planned.current().get(), true));
                continue;
            }
            if (data == null) {
                backend.kernelCostNote().ifPresent(log::info);
                data = load(dataset).subset(planned.inputs().trainImages(), 0);
            }
            sweepProgress.trialLine(spec.name()).ifPresent(log::info);
            final ImageDataset source = data;
            ValidationSplit split = planned.split();
            TrainingData prepared = arrays.computeIfAbsent(spec.standardize() + "/" + split.seed(),
                    key -> TrainingData.of(source, spec.standardize(), split));
            outcomes.add(new Outcome(spec, planned.directory(), train(spec, planned.threads(), planned.inputs(),
                    prepared, dataset.description(), planned.directory(), git), false));
        }
        return outcomes;
    }

    /**
     * Whether every model is up to date for a backend with these settings, decided without loading ND4J, so the
     * build need not start a JVM for nothing. When they all are, logs each one's status as {@link #run} would.
     */
    public static boolean allUpToDate(List<ModelSpec> specs, ResolvedDataset dataset, Options options,
                                      NativeSettings settings, ProgressLog log) throws FashionMlException, IOException {
        List<String> messages = new ArrayList<>();
        ProgressLog collecting = ProgressLog.into(messages);
        // With the oneDNN build, a started backend has its layer helpers on: Dl4jCompatibilityTest guards that.
        List<Planned> plan = plan(specs, dataset, options, new BackendIdentity(settings.classifier(),
                settings.kernelSettings(), settings.oneDnn()), collecting);
        if (plan.stream().anyMatch(p -> p.current().isEmpty() || !p.onnxCurrent())) {
            return false;
        }
        messages.forEach(log::info);
        return true;
    }

    /**
     * Each model's training inputs, and so its fingerprint, for a backend with these settings, decided without
     * loading ND4J: what a plan of legs for a CI matrix records.
     */
    public static Map<String, TrainingInputs> inputs(List<ModelSpec> specs, ResolvedDataset dataset, Options options,
                                                     NativeSettings settings) throws FashionMlException, IOException {
        Map<String, TrainingInputs> inputs = new java.util.LinkedHashMap<>();
        for (Planned p : plan(specs, dataset, options, new BackendIdentity(settings.classifier(),
                settings.kernelSettings(), settings.oneDnn()), ProgressLog.into(new ArrayList<>()))) {
            inputs.put(p.spec().name(), p.inputs());
        }
        return inputs;
    }

    /** What of the backend goes into the fingerprint. */
    private record BackendIdentity(String classifier, Map<String, String> kernelSettings, boolean layerHelpers) {
    }

    /**
     * One model's inputs, its recorded manifest when those match and its files are intact, and whether its
     * {@code model.onnx} is the export of that model.
     */
    private record Planned(ModelSpec spec, int threads, ValidationSplit split, TrainingInputs inputs, Path directory,
                           Optional<ModelManifest> current, boolean onnxCurrent) {
    }

    private static List<Planned> plan(List<ModelSpec> specs, ResolvedDataset dataset, Options options,
                                      BackendIdentity backend, ProgressLog log) throws FashionMlException, IOException {
        DatasetDescription description = dataset.description();
        ModelSpecs.validate(specs, description.shape());
        if (options.trainLimit() < 0 || options.testLimit() < 0) {
            throw new ConfigurationException("trainLimit and testLimit must be 0 (all images) or positive");
        }
        int trainImages = limit(imageCount(dataset.files().get(FashionMnistFile.TRAIN_IMAGES), description),
                options.trainLimit());
        int testImages = limit(imageCount(dataset.files().get(FashionMnistFile.TEST_IMAGES), description),
                options.testLimit());
        Map<String, String> digests = new TreeMap<>();
        dataset.files().forEach((file, resolved) -> digests.put(file.key(), resolved.sha256()));
        int validationSize = options.validationSize() != null ? options.validationSize() : trainImages / 10;
        checkValidationNeeds(specs, validationSize);
        // The split is part of the fingerprint, so it is drawn before the up-to-date check: from the labels alone.
        byte[] labels = java.util.Arrays.copyOf(IdxReader.readLabels(dataset.path(FashionMnistFile.TRAIN_LABELS),
                description.classCount()), trainImages);
        Map<Long, ValidationSplit> splits = new HashMap<>();
        List<Planned> plan = new ArrayList<>();
        for (ModelSpec spec : specs) {
            long seed = DerivedSeeds.of(spec.seed()).validation();
            ValidationSplit split = splits.get(seed);
            if (split == null) {
                split = ValidationSplit.stratified(labels, validationSize, seed, description.classNames());
                splits.put(seed, split);
            }
            int threads = spec.threads() > 0 ? spec.threads() : Architectures.defaultThreads(spec);
            TrainingInputs inputs = new TrainingInputs(digests, trainImages, testImages, split.summary(), spec, threads,
                    NativeBackend.blasThreads(), backend.kernelSettings(), backend.classifier(), backend.layerHelpers(),
                    Versions.deeplearning4j(), Versions.fashionMl());
            Path dir = options.outputDirectory().resolve(spec.name());
            Optional<ModelManifest> current = options.force() ? Optional.empty() : upToDate(dir, inputs, log);
            current.ifPresent(recorded -> log.info(spec.name() + ": up to date (fingerprint "
                    + inputs.fingerprint().substring(0, 12) + ", parameters "
                    + recorded.outputs().parametersSha256().substring(0, 12)
                    + "); training skipped. Use -Dfashionml.force=true to retrain."));
            boolean onnxCurrent = current.isPresent()
                    && OnnxMetadata.describes(dir.resolve(OutputLayout.ONNX_FILE), current.get(), description);
            plan.add(new Planned(spec, threads, split, inputs, dir, current, onnxCurrent));
        }
        return plan;
    }

    private ModelManifest train(ModelSpec spec, int threads, TrainingInputs inputs, TrainingData data,
                                DatasetDescription dataset, Path dir, GitInfo git) throws FashionMlException, IOException {
        io.github.fashionml.util.AtomicFiles.createDirectories(dir);
        int leftovers = io.github.fashionml.util.AtomicFiles.deleteLeftovers(dir);
        if (leftovers > 0) {
            log.info(spec.name() + ": removed " + leftovers + " partly written file(s) an interrupted build left");
        }
        // The previous outputs stay until the new ones are complete: model.zip, history.json, then the manifest,
        // each replaced atomically. A run killed between them leaves a manifest whose fingerprint or model
        // digest no longer matches, so the next run trains again.
        log.info(String.format(Locale.ROOT, "%s: training %s (%s) on %,d images, validating on %,d, %s%d epochs, "
                        + "batch %d, learning rate %s, %d thread%s, seed %d", spec.name(), spec.architecture(),
                describe(spec, data.classCount()), data.trainCount(), data.validationCount(),
                spec.earlyStopping() == null ? "" : "at most ", spec.epochs(), spec.batchSize(), describeRate(spec),
                threads, threads == 1 ? "" : "s", spec.seed()));
        String trainedAt = Instant.now().truncatedTo(ChronoUnit.SECONDS).toString();
        long started = System.nanoTime();
        Trainer.Result result = new Trainer(backend).train(spec, threads, data, this::progress);
        MultiLayerNetwork network = result.network();
        log.info(spec.name() + ": stopped: " + result.stopReason() + (result.keptEpoch() == result.history().size()
                ? "" : "; keeping epoch " + result.keptEpoch() + "'s parameters"));

        Path modelFile = dir.resolve(OutputLayout.MODEL_FILE);
        String modelSha = ModelArchive.write(network,
                io.github.fashionml.model.Preprocessing.of(data.standardization()), modelFile);
        List<EpochRecord> history = result.history();
        Json.write(dir.resolve(OutputLayout.HISTORY_FILE), new TrainingHistory(spec.name(), history, result.keptEpoch(),
                result.stopReason()));

        EpochRecord kept = result.kept();
        double trainingSeconds = history.stream().mapToDouble(EpochRecord::seconds).sum();
        double evaluationSeconds = history.stream().mapToDouble(EpochRecord::evaluationSeconds).sum();
        ModelManifest manifest = new ModelManifest(spec.name(), inputs.fingerprint(), inputs,
                new ModelManifest.Outputs(ModelArchive.parametersSha256(network), network.numParams(),
                        OutputLayout.MODEL_FILE, modelSha, Files.size(modelFile), kept.validationAccuracy(),
                        kept.validationLoss(), result.keptEpoch(), history.size(), result.stopReason()),
                new ModelManifest.Timings(trainedAt, round(trainingSeconds), round(evaluationSeconds),
                        Math.round((double) data.trainCount() * history.size() / trainingSeconds),
                        round((System.nanoTime() - started) / 1e9)),
                RunEnvironment.current(backend), git);
        Json.write(dir.resolve(OutputLayout.MANIFEST_FILE), manifest);
        // After the manifest: a build stopped before the export finds the model up to date and exports it then.
        String onnxSha = OnnxExporter.write(network, io.github.fashionml.model.Preprocessing.of(data.standardization()),
                OnnxMetadata.of(manifest, dataset), dir.resolve(OutputLayout.ONNX_FILE));
        log.info(spec.name() + ": " + OutputLayout.ONNX_FILE + " written (SHA-256 " + onnxSha.substring(0, 12) + ")");
        log.info(String.format(Locale.ROOT, "%s: kept epoch %d of %d, %s, %,d parameters, parameters SHA-256 %s; "
                        + "written to %s", spec.name(), result.keptEpoch(), history.size(), kept.validationAccuracy() == null
                        ? "no validation split" : String.format(Locale.ROOT, "validation accuracy %.4f",
                        kept.validationAccuracy()), network.numParams(), manifest.outputs().parametersSha256(), dir));
        return manifest;
    }

    /** Writes {@code model.onnx} for an up-to-date model that lacks it (or whose file is of another model). */
    private void exportOnnxFromModelFile(Path dir, ModelManifest manifest, DatasetDescription dataset)
            throws FashionMlException, IOException {
        Path modelFile = dir.resolve(OutputLayout.MODEL_FILE);
        String sha = OnnxExporter.write(ModelArchive.load(modelFile), ModelArchive.preprocessing(modelFile),
                OnnxMetadata.of(manifest, dataset), dir.resolve(OutputLayout.ONNX_FILE));
        log.info(manifest.model() + ": " + OutputLayout.ONNX_FILE + " was missing or not of this model; exported from "
                + OutputLayout.MODEL_FILE + " (SHA-256 " + sha.substring(0, 12) + ")");
    }

    /** The recorded manifest, when it matches these inputs and the model file is the one it records. */
    private static Optional<ModelManifest> upToDate(Path dir, TrainingInputs inputs, ProgressLog log) {
        Path manifestFile = dir.resolve(OutputLayout.MANIFEST_FILE);
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
        Path modelFile = dir.resolve(OutputLayout.MODEL_FILE);
        try {
            if (!Files.isRegularFile(modelFile) || !Files.isRegularFile(dir.resolve(OutputLayout.HISTORY_FILE))) {
                log.info(name + ": "
                        + (Files.isRegularFile(modelFile) ? OutputLayout.HISTORY_FILE : OutputLayout.MODEL_FILE)
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

    private ImageDataset load(ResolvedDataset dataset) throws IOException, FashionMlException {
        long started = System.nanoTime();
        DatasetDescription description = dataset.description();
        ImageDataset data = ImageDataset.load(dataset.paths(), description.name(), description.classNames());
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
        String validation = r.validationAccuracy() == null ? "" : String.format(Locale.ROOT,
                "  val loss %.4f  val acc %.4f", r.validationLoss(), r.validationAccuracy());
        log.info(String.format(Locale.ROOT, "%s: epoch %d/%d  lr %.2e  loss %.4f  acc %.4f%s  %,.0f img/s  %.1f s  "
                        + "ETA %s%s", spec.name(), r.epoch(), spec.epochs(), r.learningRate(), r.trainLoss(),
                r.trainAccuracy(), validation, r.imagesPerSecond(), r.seconds() + r.evaluationSeconds(),
                duration(etaSeconds), spec.earlyStopping() == null ? "" : " at most"));
    }

    /** Fails before any training when a model needs validation figures and none are held out. */
    private static void checkValidationNeeds(List<ModelSpec> specs, int validationSize) throws ConfigurationException {
        if (validationSize != 0) {
            return;
        }
        List<String> problems = new ArrayList<>();
        for (ModelSpec spec : specs) {
            if (spec.earlyStopping() != null) {
                problems.add("model '" + spec.name() + "' uses <earlyStopping>, which watches validation figures");
            }
            if (io.github.fashionml.model.LearningRateSchedule.PLATEAU.equals(spec.schedule().type())) {
                problems.add("model '" + spec.name() + "' uses the plateau schedule, which watches validation figures");
            }
        }
        if (!problems.isEmpty()) {
            throw new ConfigurationException("validationSize is 0 (no validation split), but:\n  - "
                    + String.join("\n  - ", problems) + "\nHold out validation images (leave validationSize unset "
                    + "for a tenth of the training images), or turn early stopping off with <earlyStopping><enabled>false"
                    + "</enabled></earlyStopping> and use another <schedule>.");
        }
    }

    private static String describeRate(ModelSpec spec) {
        var s = spec.schedule();
        return switch (s.type()) {
            case io.github.fashionml.model.LearningRateSchedule.CONSTANT -> Double.toString(spec.learningRate());
            case io.github.fashionml.model.LearningRateSchedule.COSINE -> spec.learningRate() + " with cosine decay"
                    + (s.warmupEpochs() > 0 ? " after " + s.warmupEpochs() + " warm-up epochs" : "");
            default -> spec.learningRate() + " (" + s.type() + " schedule)";
        };
    }

    static String duration(double seconds) {
        long s = Math.round(seconds);
        return s >= 60 ? (s / 60) + "m" + String.format(Locale.ROOT, "%02d", s % 60) + "s" : s + "s";
    }

    private static String describe(ModelSpec spec, int classes) {
        StringBuilder sb = new StringBuilder();
        for (int f : spec.filters()) {
            sb.append("conv").append(f).append(spec.samePadding() ? "same-" : "-");
        }
        for (int d : spec.dense()) {
            sb.append("dense").append(d).append('-');
        }
        return sb.append("softmax").append(classes).toString();
    }

    /** From the IDX file's size: a 16-byte header, then the images' samples. */
    private static int imageCount(ResolvedFile images, DatasetDescription description) {
        return (int) ((images.size() - 16) / description.shape().samples());
    }

    private static int limit(int available, int limit) {
        return limit > 0 ? Math.min(available, limit) : available;
    }

    private static double round(double seconds) {
        return Math.round(seconds * 100) / 100.0;
    }
}
