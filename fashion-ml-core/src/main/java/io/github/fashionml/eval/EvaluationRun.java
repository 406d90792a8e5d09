package io.github.fashionml.eval;

import io.github.fashionml.FashionMlException;
import io.github.fashionml.data.DatasetDescription;
import io.github.fashionml.data.ImageDataset;
import io.github.fashionml.data.source.ResolvedDataset;
import io.github.fashionml.output.OutputLayout;
import io.github.fashionml.predict.ImageClassifier;
import io.github.fashionml.provenance.ModelManifest;
import io.github.fashionml.util.Json;
import io.github.fashionml.util.ProgressLog;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Evaluates trained models on the test images they were trained against, writes {@code evaluation.json} per
 * model, logs the classification report, and checks the quality gates after every model was evaluated.
 */
public final class EvaluationRun {
    private final io.github.fashionml.nativeblas.NativeBackend backend;
    private final ProgressLog log;

    public EvaluationRun(io.github.fashionml.nativeblas.NativeBackend backend, ProgressLog log) {
        this.backend = backend;
        this.log = log;
    }

    public List<Evaluation> run(List<String> models, ResolvedDataset dataset, Path outputDirectory,
                                List<QualityGate> gates) throws FashionMlException, IOException {
        return run(models, dataset, outputDirectory, gates, true);
    }

    /**
     * @param failOnGate false reports missed gates as warnings and lets the build go on (like surefire's
     *                   {@code testFailureIgnore}), for exploratory builds
     */
    public List<Evaluation> run(List<String> models, ResolvedDataset dataset, Path outputDirectory,
                                List<QualityGate> gates, boolean failOnGate) throws FashionMlException, IOException {
        for (QualityGate gate : gates) {
            gate.validate();
        }
        List<ModelManifest> manifests = new ArrayList<>();
        for (String model : models) {
            manifests.add(readManifest(outputDirectory, model));
        }
        ImageDataset data = null;
        List<Evaluation> evaluations = new ArrayList<>();
        List<String> failures = new ArrayList<>();
        for (ModelManifest manifest : manifests) {
            Path dir = outputDirectory.resolve(manifest.model());
            long started = System.nanoTime();
            Evaluation evaluation = current(manifest, dir, dataset);
            String how;
            if (evaluation != null) {
                how = "up to date: the model and test images are those of " + OutputLayout.EVALUATION_FILE;
            } else {
                if (data == null) {
                    DatasetDescription description = dataset.description();
                    data = ImageDataset.load(dataset.paths(), description.name(), description.classNames());
                }
                evaluation = evaluate(manifest, dir, data);
                Json.write(dir.resolve(OutputLayout.EVALUATION_FILE), evaluation);
                how = String.format(Locale.ROOT, "%.1f s", (System.nanoTime() - started) / 1e9);
            }
            log.info(String.format(Locale.ROOT, "%s: accuracy %.4f (95%% CI %.4f-%.4f), macro F1 %.4f, log loss %.4f "
                            + "on %,d test images (%s)%n%s", manifest.model(), evaluation.accuracy(),
                    evaluation.accuracyInterval().lower(), evaluation.accuracyInterval().upper(),
                    evaluation.macroAverage().f1(), evaluation.logLoss(), evaluation.count(),
                    how, ClassificationReport.format(evaluation)));
            evaluations.add(evaluation);
            for (QualityGate gate : gates) {
                if (gate.appliesTo(manifest.model())) {
                    failures.addAll(gate.failures(evaluation));
                }
            }
        }
        if (!failures.isEmpty() && !failOnGate) {
            for (String failure : failures) {
                log.warn("Quality gate missed: " + failure);
            }
            log.warn(failures.size() + " quality gate" + (failures.size() == 1 ? "" : "s") + " missed; the build goes "
                    + "on because failOnGate is false");
        } else if (!failures.isEmpty()) {
            throw new QualityGateException(failures);
        }
        return evaluations;
    }

    /**
     * Whether every model's {@code evaluation.json} is of its current model file and of these test images, so
     * {@link #run} needs no native backend (a rebuild with nothing changed starts none).
     */
    public static boolean allCurrent(List<String> models, ResolvedDataset dataset, Path outputDirectory)
            throws FashionMlException, IOException {
        for (String model : models) {
            if (current(readManifest(outputDirectory, model), outputDirectory.resolve(model), dataset) == null) {
                return false;
            }
        }
        return true;
    }

    /** The recorded evaluation, when it is of this model file on these test images; else null. */
    private static Evaluation current(ModelManifest manifest, Path dir, ResolvedDataset dataset) {
        Path file = dir.resolve(OutputLayout.EVALUATION_FILE);
        if (!Files.isRegularFile(file)) {
            return null;
        }
        try {
            Evaluation recorded = read(file);
            java.util.Map<String, String> digests = new java.util.TreeMap<>();
            dataset.files().forEach((f, resolved) -> digests.put(f.key(), resolved.sha256()));
            boolean same = recorded.model().equals(manifest.model())
                    && io.github.fashionml.provenance.Versions.fashionMl().equals(recorded.fashionMlVersion())
                    && recorded.count() == manifest.inputs().testImages()
                    && digests.equals(new java.util.TreeMap<>(manifest.inputs().dataset()))
                    && digests.equals(recorded.dataset() == null ? null : new java.util.TreeMap<>(recorded.dataset()))
                    && io.github.fashionml.model.ModelArchive.fileSha256(dir.resolve(OutputLayout.MODEL_FILE))
                    .equals(recorded.modelSha256());
            return same ? recorded : null;
        } catch (FashionMlException | IOException | RuntimeException e) {
            return null; // Unreadable or foreign: evaluated again, and replaced.
        }
    }

    /** Evaluates one trained model on the first {@code testImages} test images, as recorded at training. */
    Evaluation evaluate(ModelManifest manifest, Path dir, ImageDataset data) throws IOException {
        int count = Math.min(manifest.inputs().testImages(), data.testImages().count());
        return evaluateModelFile(backend, dir.resolve(OutputLayout.MODEL_FILE), manifest.model(),
                manifest.inputs().dataset(),
                data, count);
    }

    /**
     * Evaluates any {@code model.zip} (for example a published model artifact) on the first {@code count}
     * test images. Start the native backend first.
     */
    public static Evaluation evaluateModelFile(io.github.fashionml.nativeblas.NativeBackend backend, Path modelFile,
                                               String name, java.util.Map<String, String> dataset,
                                               ImageDataset data, int count) throws IOException {
        ImageDataset test = data.subset(0, count);
        ImageClassifier classifier = ImageClassifier.load(modelFile, backend, data.description());
        float[] probabilities = classifier.probabilities(test.testImages());
        int[] actual = new int[count];
        for (int i = 0; i < count; i++) {
            actual[i] = test.testLabels()[i] & 0xFF;
        }
        return Evaluator.evaluate(name, io.github.fashionml.model.ModelArchive.fileSha256(modelFile), dataset,
                actual, probabilities, data.description().classNames());
    }

    static ModelManifest readManifest(Path outputDirectory, String model) throws FashionMlException, IOException {
        return new OutputLayout(outputDirectory).readManifest(model);
    }

    /** Reads an {@code evaluation.json}, checking it is one. */
    public static Evaluation read(Path file) throws FashionMlException, IOException {
        if (!Files.isRegularFile(file)) {
            throw new FashionMlException("Evaluation file " + file + " does not exist");
        }
        Evaluation e = Json.read(file, Evaluation.class, "give an evaluation.json written by the evaluate goal");
        if (e.classes() == null || e.confusionMatrix() == null || e.model() == null || e.count() <= 0) {
            throw new FashionMlException(file + " is not an evaluation written by the evaluate goal (it has no "
                    + "model, classes or confusion matrix); give a target/fashion-ml/<model>/evaluation.json");
        }
        return e;
    }
}
