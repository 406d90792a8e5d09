package io.github.fashionml.report;

import io.github.fashionml.FashionMlException;
import io.github.fashionml.compare.Comparison;
import io.github.fashionml.compare.ComparisonRun;
import io.github.fashionml.compare.PairwiseTest;
import io.github.fashionml.data.FashionMnist;
import io.github.fashionml.data.FashionMnistFile;
import io.github.fashionml.data.idx.IdxImages;
import io.github.fashionml.data.idx.IdxReader;
import io.github.fashionml.data.source.ResolvedDataset;
import io.github.fashionml.eval.ClassMetrics;
import io.github.fashionml.eval.Confusion;
import io.github.fashionml.eval.Evaluation;
import io.github.fashionml.eval.EvaluationRun;
import io.github.fashionml.predict.GreyImages;
import io.github.fashionml.provenance.ModelManifest;
import io.github.fashionml.train.EpochRecord;
import io.github.fashionml.train.TrainingHistory;
import io.github.fashionml.train.TrainingRun;
import io.github.fashionml.util.Json;
import org.deeplearning4j.nn.conf.MultiLayerConfiguration;
import org.deeplearning4j.nn.conf.NeuralNetConfiguration;
import org.deeplearning4j.nn.conf.inputs.InputType;
import org.deeplearning4j.nn.conf.layers.ConvolutionLayer;
import org.deeplearning4j.nn.conf.layers.DropoutLayer;
import org.deeplearning4j.nn.conf.layers.FeedForwardLayer;
import org.deeplearning4j.nn.conf.layers.Layer;
import org.deeplearning4j.nn.conf.layers.SubsamplingLayer;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;

/**
 * Reads a build's outputs ({@code dataset.json}, each model's manifest, history and evaluation, and
 * {@code comparison.json}) and turns them into the pages' values, writing the image files they show.
 */
public final class ReportBuilder {
    static final int SAMPLES_PER_CLASS = 8;
    static final int MISCLASSIFIED_SHOWN = 24;

    private final Path outputDirectory;

    public ReportBuilder(Path outputDirectory) {
        this.outputDirectory = outputDirectory;
    }

    /** Builds the overview and model pages; images are written under {@code siteDirectory/images}. */
    public ReportPages.Overview build(List<String> models, Path siteDirectory, String generated)
            throws FashionMlException, IOException {
        IdxImages testImages = null;
        byte[] testLabels = null;
        List<ReportPages.DataFile> dataFiles = new ArrayList<>();
        Path datasetRecord = outputDirectory.resolve("dataset.json");
        if (Files.isRegularFile(datasetRecord)) {
            ResolvedDataset dataset = ResolvedDataset.read(datasetRecord);
            dataset.files().forEach((file, r) -> dataFiles.add(new ReportPages.DataFile(file.key(), file.fileName(),
                    r.source(), r.sha256())));
            Path images = dataset.path(FashionMnistFile.TEST_IMAGES);
            Path labels = dataset.path(FashionMnistFile.TEST_LABELS);
            if (Files.isRegularFile(images) && Files.isRegularFile(labels)) {
                testImages = IdxReader.readImages(images);
                testLabels = IdxReader.readLabels(labels, FashionMnist.CLASS_COUNT);
            }
        }
        List<ReportPages.ModelPage> pages = new ArrayList<>();
        List<ModelOutputs> outputs = new ArrayList<>();
        io.github.fashionml.output.OutputLayout layout = new io.github.fashionml.output.OutputLayout(outputDirectory);
        for (String model : models) {
            ModelOutputs loaded = ModelOutputs.load(layout, model);
            outputs.add(loaded);
            pages.add(modelPage(loaded, siteDirectory, testImages));
        }
        List<ReportPages.Verdict> verdicts = new ArrayList<>();
        String baseline = null;
        Path comparisonFile = outputDirectory.resolve(ComparisonRun.COMPARISON_FILE);
        if (Files.isRegularFile(comparisonFile)) {
            Comparison comparison = Json.read(comparisonFile, Comparison.class, "run the compare goal again");
            for (PairwiseTest p : comparison.pairs()) {
                if (models.contains(p.first()) && models.contains(p.second())) {
                    verdicts.add(new ReportPages.Verdict(p.first(), p.second(), Integer.toString(p.onlyFirstCorrect()),
                            Integer.toString(p.onlySecondCorrect()), pValue(p.pValue()), pValue(p.adjustedPValue()),
                            p.method(), p.verdict()));
                }
            }
            if (comparison.baseline() != null) {
                var b = comparison.baseline();
                baseline = String.format(Locale.ROOT, "%s against baseline %s: accuracy %.4f → %.4f (%+.4f, "
                                + "tolerance %.4f)%s", b.model(), b.baselineFile(), b.baselineAccuracy(), b.accuracy(),
                        b.accuracyDelta(), b.tolerance(), b.regressed() ? " — regressed" : "");
            }
        }
        List<ReportPages.Tile> samples = testImages == null ? List.of()
                : sampleGrid(testImages, testLabels, siteDirectory);
        return new ReportPages.Overview("fashion-ml report", generated, pages, verdicts, dataFiles, baseline, samples,
                sideBySide(outputs), classF1(outputs));
    }

    /** Validation accuracy and loss per epoch of every model on one chart each, each model's kept epoch ringed. */
    private static List<Charts.LineChart> sideBySide(List<ModelOutputs> outputs) {
        List<ModelOutputs> validated = outputs.stream().filter(o -> !o.history().epochs().isEmpty()
                && o.history().epochs().stream().allMatch(r -> r.validationAccuracy() != null)).toList();
        if (validated.isEmpty()) {
            return List.of();
        }
        List<String> names = validated.stream().map(ModelOutputs::model).toList();
        List<Integer> kept = validated.stream().map(ModelOutputs::keptEpoch).toList();
        return List.of(
                Charts.comparisonChart("Validation accuracy per epoch", "accuracy", names, validated.stream()
                        .map(o -> o.history().epochs().stream().mapToDouble(EpochRecord::validationAccuracy)
                                .toArray()).toList(), kept, true),
                Charts.comparisonChart("Validation loss per epoch", "cross-entropy", names, validated.stream()
                        .map(o -> o.history().epochs().stream().mapToDouble(EpochRecord::validationLoss)
                                .toArray()).toList(), kept, false));
    }

    /** Each class's F1 on the test set, the models side by side. */
    private static Charts.BarChart classF1(List<ModelOutputs> outputs) {
        if (outputs.isEmpty()) {
            return null;
        }
        List<String> classes = outputs.get(0).evaluation().classes().stream().map(ClassMetrics::name).toList();
        return Charts.groupedBars("F1 per class (test set)", "F1", classes,
                outputs.stream().map(ModelOutputs::model).toList(), outputs.stream()
                        .map(o -> o.evaluation().classes().stream().map(ClassMetrics::f1).toList()).toList());
    }

    private ReportPages.ModelPage modelPage(ModelOutputs outputs, Path siteDirectory, IdxImages testImages)
            throws FashionMlException, IOException {
        String model = outputs.model();
        Path dir = outputDirectory.resolve(model);
        ModelManifest manifest = outputs.manifest();
        Evaluation e = outputs.evaluation();
        TrainingHistory history = outputs.history();

        List<ReportPages.ClassRow> classes = new ArrayList<>();
        for (ClassMetrics c : e.classes()) {
            classes.add(row(c));
        }
        List<ReportPages.ClassRow> averages = List.of(
                new ReportPages.ClassRow("accuracy", "", "", f2(e.accuracy()), Integer.toString(e.count())),
                row(e.macroAverage()), row(e.weightedAverage()));
        List<String> classNames = e.classes().stream().map(ClassMetrics::name).toList();

        List<Charts.LineChart> charts = new ArrayList<>();
        List<EpochRecord> epochs = history.epochs();
        if (!epochs.isEmpty()) {
            // Training and validation curves only: the test set is evaluate's, and stays out of the history.
            boolean validated = epochs.stream().allMatch(r -> r.validationAccuracy() != null);
            int kept = history.keptEpoch() == null ? epochs.size() : history.keptEpoch();
            List<String> names = validated ? List.of("train", "validation") : List.of("train");
            List<double[]> accuracy = new ArrayList<>(List.of(epochs.stream().mapToDouble(EpochRecord::trainAccuracy)
                    .toArray()));
            List<double[]> loss = new ArrayList<>(List.of(epochs.stream().mapToDouble(EpochRecord::trainLoss)
                    .toArray()));
            if (validated) {
                accuracy.add(epochs.stream().mapToDouble(EpochRecord::validationAccuracy).toArray());
                loss.add(epochs.stream().mapToDouble(EpochRecord::validationLoss).toArray());
            }
            charts.add(Charts.lineChart("Accuracy per epoch", "accuracy", names, accuracy, true, kept));
            charts.add(Charts.lineChart("Loss per epoch", "cross-entropy", names, loss, false, kept));
        }

        List<ReportPages.Layer> layers = new ArrayList<>();
        long total = summarizeLayers(dir.resolve(TrainingRun.MODEL_FILE), layers);

        var spec = manifest.inputs().spec();
        List<ReportPages.Entry> entries = new ArrayList<>(List.of(
                new ReportPages.Entry("seed", Long.toString(spec.seed())),
                new ReportPages.Entry("epochs: kept, run, maximum", manifest.outputs().bestEpoch() + ", "
                        + manifest.outputs().epochsRun() + ", " + spec.epochs()
                        + (manifest.outputs().stopReason() == null ? "" : " (" + manifest.outputs().stopReason() + ")")),
                new ReportPages.Entry("batch size, learning rate", spec.batchSize() + ", " + spec.learningRate()
                        + (spec.schedule().type().equals(io.github.fashionml.model.LearningRateSchedule.CONSTANT) ? "" : " peak, " + spec.schedule().type()
                        + " schedule")),
                new ReportPages.Entry("training / validation / test images", String.format(Locale.ROOT,
                        "%,d / %,d / %,d", manifest.inputs().trainImages() - validationSize(manifest),
                        validationSize(manifest), manifest.inputs().testImages())),
                new ReportPages.Entry("fingerprint", manifest.fingerprint()),
                new ReportPages.Entry("parameters SHA-256", manifest.outputs().parametersSha256()),
                new ReportPages.Entry("model.zip SHA-256", manifest.outputs().modelSha256()),
                new ReportPages.Entry("threads, nd4j build", manifest.inputs().threads() + ", "
                        + manifest.inputs().nd4jClassifier() + (manifest.inputs().oneDnnLayerHelpers()
                        ? " (oneDNN layer helpers on)" : "")),
                new ReportPages.Entry("Deeplearning4j, fashion-ml", manifest.inputs().deeplearning4jVersion() + ", "
                        + manifest.inputs().fashionMlVersion())));
        if (manifest.environment() != null) {
            var env = manifest.environment();
            entries.add(new ReportPages.Entry("JVM", env.javaVm() + " " + env.javaVersion() + " (" + env.javaVendor()
                    + ")"));
            entries.add(new ReportPages.Entry("machine", env.osName() + " " + env.osArch() + ", " + env.cpu() + ", "
                    + env.cores() + " cores"));
        }
        if (manifest.git() != null) {
            entries.add(new ReportPages.Entry("git commit", manifest.git().commit()
                    + (manifest.git().dirty() ? " (with uncommitted changes)" : "")));
        }
        entries.add(new ReportPages.Entry("trained at", manifest.timings().trainedAt()));

        List<ReportPages.Tile> misclassified = testImages == null ? List.of()
                : misclassified(model, e, testImages, classNames, siteDirectory);
        List<String> confusions = new ArrayList<>();
        for (Confusion c : e.topConfusions()) {
            confusions.add(String.format(Locale.ROOT, "%s taken for %s: %d", c.actualName(), c.predictedName(),
                    c.count()));
        }
        return new ReportPages.ModelPage(model, pageName(model), spec.architecture(), f4(e.accuracy()),
                String.format(Locale.ROOT, "%.4f–%.4f", e.accuracyInterval().lower(), e.accuracyInterval().upper()),
                f4(e.macroAverage().f1()), f4(e.logLoss()), String.format(Locale.ROOT, "%,d",
                manifest.outputs().parameterCount()), String.format(Locale.ROOT, "%.1f s",
                manifest.timings().trainingSeconds()), String.format(Locale.ROOT, "%,.0f",
                manifest.timings().imagesPerSecond()), String.format(Locale.ROOT, "%.1f MB",
                manifest.outputs().modelBytes() / 1e6), classes, averages, Charts.heatmap(e.confusionMatrix(),
                classNames), charts, layers, String.format(Locale.ROOT, "%,d", total), entries, misclassified,
                confusions);
    }

    private static int validationSize(ModelManifest manifest) {
        return manifest.inputs().validation() == null ? 0 : manifest.inputs().validation().size();
    }

    /** Layer table from the model's stored configuration: no native code is needed to read it. */
    private static long summarizeLayers(Path modelFile, List<ReportPages.Layer> out) throws IOException {
        if (!Files.isRegularFile(modelFile)) {
            return 0;
        }
        String json;
        try (ZipFile zip = new ZipFile(modelFile.toFile())) {
            ZipEntry entry = zip.getEntry("configuration.json");
            if (entry == null) {
                throw new IOException(modelFile + " has no configuration.json; it is not a DL4J model");
            }
            try (InputStream in = zip.getInputStream(entry)) {
                json = new String(in.readAllBytes(), StandardCharsets.UTF_8);
            }
        }
        MultiLayerConfiguration conf = MultiLayerConfiguration.fromJson(json);
        Layer first = conf.getConf(0).getLayer();
        InputType input = first instanceof ConvolutionLayer c
                ? InputType.convolutional(FashionMnist.ROWS, FashionMnist.COLUMNS, 1, c.getCnn2dDataFormat())
                : InputType.feedForward(FashionMnist.PIXELS);
        List<InputType> shapes = conf.getLayerActivationTypes(input);
        long total = 0;
        for (int i = 0; i < conf.getConfs().size(); i++) {
            NeuralNetConfiguration layerConf = conf.getConf(i);
            Layer layer = layerConf.getLayer();
            long params = layer.initializer().numParams(layerConf);
            total += params;
            out.add(new ReportPages.Layer(Integer.toString(i), layer.getClass().getSimpleName(), describe(layer),
                    shape(shapes.get(i)), String.format(Locale.ROOT, "%,d", params)));
        }
        return total;
    }

    private static String describe(Layer layer) {
        if (layer instanceof ConvolutionLayer c) {
            return String.format(Locale.ROOT, "%d filters %dx%d, %s", c.getNOut(), c.getKernelSize()[0],
                    c.getKernelSize()[1], c.getActivationFn());
        }
        if (layer instanceof SubsamplingLayer s) {
            return String.format(Locale.ROOT, "%s pool %dx%d", s.getPoolingType(), s.getKernelSize()[0],
                    s.getKernelSize()[1]).toLowerCase(Locale.ROOT);
        }
        if (layer instanceof org.deeplearning4j.nn.conf.layers.ActivationLayer a) {
            return a.getActivationFn().toString();
        }
        if (layer instanceof DropoutLayer d) {
            return "dropout " + String.format(Locale.ROOT, "%.2f", 1 - retain(d));
        }
        if (layer instanceof FeedForwardLayer f) {
            return f.getNOut() + " units, " + f.getActivationFn();
        }
        return "";
    }

    private static double retain(DropoutLayer d) {
        return d.getIDropout() instanceof org.deeplearning4j.nn.conf.dropout.Dropout dropout ? dropout.getP() : 1;
    }

    private static String shape(InputType type) {
        if (type instanceof InputType.InputTypeConvolutional c) {
            return c.getFormat() == org.deeplearning4j.nn.conf.CNN2DFormat.NHWC
                    ? c.getHeight() + " x " + c.getWidth() + " x " + c.getChannels()
                    : c.getChannels() + " x " + c.getHeight() + " x " + c.getWidth();
        }
        return Long.toString(type.arrayElementsPerExample());
    }

    private List<ReportPages.Tile> sampleGrid(IdxImages images, byte[] labels, Path siteDirectory) throws IOException {
        List<ReportPages.Tile> tiles = new ArrayList<>();
        for (int c = 0; c < FashionMnist.CLASS_COUNT; c++) {
            int shown = 0;
            for (int i = 0; i < images.count() && shown < SAMPLES_PER_CLASS; i++) {
                if ((labels[i] & 0xFF) == c) {
                    String src = "images/samples/test-" + i + ".png";
                    writeImage(images, i, siteDirectory.resolve(src));
                    tiles.add(new ReportPages.Tile(src, FashionMnist.CLASS_NAMES.get(c), "test image " + i));
                    shown++;
                }
            }
        }
        return tiles;
    }

    private List<ReportPages.Tile> misclassified(String model, Evaluation e, IdxImages images, List<String> names,
                                                 Path siteDirectory) throws IOException {
        var s = e.samples();
        List<Integer> wrong = new ArrayList<>();
        for (int i = 0; i < s.count() && i < images.count(); i++) {
            if (!s.correct(i)) {
                wrong.add(i);
            }
        }
        // The most confident mistakes first: the ones worth a look.
        wrong.sort((a, b) -> Float.compare(s.probability()[b], s.probability()[a]) != 0
                ? Float.compare(s.probability()[b], s.probability()[a]) : Integer.compare(a, b));
        List<ReportPages.Tile> tiles = new ArrayList<>();
        for (int i : wrong.subList(0, Math.min(MISCLASSIFIED_SHOWN, wrong.size()))) {
            String src = "images/samples/test-" + i + ".png";
            writeImage(images, i, siteDirectory.resolve(src));
            tiles.add(new ReportPages.Tile(src, "actual " + names.get(s.actual()[i]), String.format(Locale.ROOT,
                    "predicted %s (%.1f%%), test image %d", names.get(s.predicted()[i]), 100 * s.probability()[i], i)));
        }
        return tiles;
    }

    private static void writeImage(IdxImages images, int index, Path target) throws IOException {
        if (!Files.isRegularFile(target)) {
            int size = images.pixelsPerImage();
            byte[] pixels = java.util.Arrays.copyOfRange(images.pixels(), index * size, (index + 1) * size);
            GreyImages.writePng(pixels, images.columns(), images.rows(), target);
        }
    }

    /** A page name safe on every file system, whatever the model's name. */
    static String pageName(String model) {
        return "model-" + model.replaceAll("[^A-Za-z0-9._-]", "_") + ".html";
    }

    private static ReportPages.ClassRow row(ClassMetrics c) {
        return new ReportPages.ClassRow(c.name(), f2(c.precision()), f2(c.recall()), f2(c.f1()),
                Integer.toString(c.support()));
    }

    /** Three decimals, or the order of magnitude below 0.001 (the survival function keeps tiny values). */
    private static String pValue(double p) {
        return p < 0.001 ? String.format(Locale.ROOT, "%.1e", p) : String.format(Locale.ROOT, "%.3f", p);
    }

    private static String f2(double v) {
        return String.format(Locale.ROOT, "%.2f", v);
    }

    private static String f4(double v) {
        return String.format(Locale.ROOT, "%.4f", v);
    }
}
