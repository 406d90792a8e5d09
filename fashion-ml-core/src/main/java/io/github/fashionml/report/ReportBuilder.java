package io.github.fashionml.report;

import io.github.fashionml.FashionMlException;
import io.github.fashionml.compare.Comparison;
import io.github.fashionml.compare.PairwiseTest;
import io.github.fashionml.data.FashionMnistFile;
import io.github.fashionml.data.idx.IdxImages;
import io.github.fashionml.data.idx.IdxReader;
import io.github.fashionml.data.DatasetDescription;
import io.github.fashionml.data.source.ResolvedDataset;
import io.github.fashionml.eval.ClassMetrics;
import io.github.fashionml.model.NetworkSummary;
import io.github.fashionml.output.OutputLayout;
import io.github.fashionml.provenance.EpochRecord;
import io.github.fashionml.util.Json;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Reads a build's outputs ({@code dataset.json}, each model's manifest, history and evaluation, a swept model's
 * {@code selection.json}, and {@code comparison.json}) and turns them into the pages' values, writing the image
 * files they show.
 */
public final class ReportBuilder {
    private final Path outputDirectory;

    public ReportBuilder(Path outputDirectory) {
        this.outputDirectory = outputDirectory;
    }

    /** Builds the overview and model pages; images are written under {@code siteDirectory/images}. */
    public ReportPages.Overview build(List<String> models, Path siteDirectory, String generated)
            throws FashionMlException, IOException {
        IdxImages testImages = null;
        byte[] testLabels = null;
        List<String> classNames = List.of();
        DatasetDescription description = null;
        ReportPages.Dataset datasetSummary = null;
        List<ReportPages.DataFile> dataFiles = new ArrayList<>();
        OutputLayout layout = new OutputLayout(outputDirectory);
        Path datasetRecord = layout.datasetFile();
        if (Files.isRegularFile(datasetRecord)) {
            ResolvedDataset dataset = ResolvedDataset.read(datasetRecord);
            dataset.files().forEach((file, r) -> dataFiles.add(new ReportPages.DataFile(file.key(), file.fileName(),
                    r.source(), r.sha256())));
            Path images = dataset.path(FashionMnistFile.TEST_IMAGES);
            Path labels = dataset.path(FashionMnistFile.TEST_LABELS);
            description = dataset.description();
            classNames = description.classNames();
            if (Files.isRegularFile(images) && Files.isRegularFile(labels)) {
                testImages = IdxReader.readImages(images);
                testLabels = IdxReader.readLabels(labels, classNames.size());
                Path trainLabels = dataset.path(FashionMnistFile.TRAIN_LABELS);
                if (Files.isRegularFile(trainLabels)) {
                    datasetSummary = datasetSummary(description,
                            IdxReader.readLabels(trainLabels, classNames.size()), testLabels,
                            dataset.folder() == null ? List.of() : dataset.folder().lines());
                }
            }
        }
        ReportImages images = testImages == null ? null
                : new ReportImages(testImages, testLabels, classNames, siteDirectory);
        List<ReportPages.ModelPage> pages = new ArrayList<>();
        List<ModelOutputs> outputs = new ArrayList<>();
        for (String model : models) {
            ModelOutputs loaded = ModelOutputs.load(layout, model);
            outputs.add(loaded);
            List<String> evaluatedClasses = loaded.evaluation().classes().stream().map(ClassMetrics::name).toList();
            pages.add(ModelPages.of(loaded, NetworkSummary.of(layout.modelFile(model),
                            description == null ? null : description.shape()),
                    images == null ? List.of() : images.misclassified(loaded.evaluation(), evaluatedClasses),
                    onnxDownload(layout.onnxFile(model), loaded.manifest(), description, siteDirectory, model)));
        }
        List<ReportPages.Verdict> verdicts = new ArrayList<>();
        String baseline = null;
        Path comparisonFile = layout.comparisonFile();
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
        List<ReportPages.Tile> samples = images == null ? List.of() : images.samples();
        return new ReportPages.Overview("fashion-ml report", generated, pages, verdicts, datasetSummary, dataFiles,
                baseline, samples, sideBySide(outputs), classF1(outputs), outputs.stream().map(SweepPages::mention)
                .filter(java.util.Objects::nonNull).toList());
    }

    /** The data set's name, shape and digest, and each class's training and test images. */
    private static ReportPages.Dataset datasetSummary(DatasetDescription description, byte[] trainLabels,
                                                      byte[] testLabels, List<String> notes) {
        int[] train = new int[description.classCount()];
        int[] test = new int[description.classCount()];
        for (byte label : trainLabels) {
            train[label & 0xFF]++;
        }
        for (byte label : testLabels) {
            test[label & 0xFF]++;
        }
        List<ReportPages.ClassCount> classes = new ArrayList<>();
        for (int c = 0; c < description.classCount(); c++) {
            classes.add(new ReportPages.ClassCount(description.classNames().get(c),
                    String.format(Locale.ROOT, "%,d", train[c]), String.format(Locale.ROOT, "%,d", test[c])));
        }
        return new ReportPages.Dataset(description.name(), description.shape().toString(), description.digest(),
                classes, notes);
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

    /**
     * Copies a model's {@code model.onnx} beside the pages, as {@code onnx/<model>.onnx}; null when it has none, or
     * when the file is not the export of the model the manifest records (a build stopped before the export).
     */
    private static ReportPages.Download onnxDownload(Path onnx, io.github.fashionml.provenance.ModelManifest manifest,
                                                     DatasetDescription dataset, Path siteDirectory,
                                                     String model) throws IOException {
        if (dataset == null || !io.github.fashionml.onnx.OnnxMetadata.describes(onnx, manifest, dataset)) {
            return null;
        }
        byte[] bytes = Files.readAllBytes(onnx);
        String href = "onnx/" + model.replaceAll("[^A-Za-z0-9._-]", "_") + ".onnx";
        io.github.fashionml.util.AtomicFiles.write(siteDirectory.resolve(href), out -> out.write(bytes));
        return new ReportPages.Download(href, String.format(Locale.ROOT, "%.1f MB", bytes.length / 1e6),
                io.github.fashionml.util.Sha256.of(bytes));
    }

    /** A page name safe on every file system, whatever the model's name. */
    static String pageName(String model) {
        return "model-" + model.replaceAll("[^A-Za-z0-9._-]", "_") + ".html";
    }

    /** Three decimals, or the order of magnitude below 0.001 (the survival function keeps tiny values). */
    private static String pValue(double p) {
        return p < 0.001 ? String.format(Locale.ROOT, "%.1e", p) : String.format(Locale.ROOT, "%.3f", p);
    }

}
