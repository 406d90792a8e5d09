package io.github.fashionml.report;

import io.github.fashionml.eval.ClassMetrics;
import io.github.fashionml.eval.Confusion;
import io.github.fashionml.eval.Evaluation;
import io.github.fashionml.model.LearningRateSchedule;
import io.github.fashionml.model.ModelSpec;
import io.github.fashionml.model.NetworkSummary;
import io.github.fashionml.provenance.EpochRecord;
import io.github.fashionml.provenance.ModelManifest;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** Maps one model's outputs to its page's values, formatted for display. */
final class ModelPages {
    private ModelPages() {
    }

    static ReportPages.ModelPage of(ModelOutputs outputs, NetworkSummary network, List<ReportPages.Tile> misclassified,
                                    ReportPages.Download onnx) {
        ModelManifest manifest = outputs.manifest();
        Evaluation e = outputs.evaluation();
        List<String> classNames = e.classes().stream().map(ClassMetrics::name).toList();
        List<String> confusions = new ArrayList<>();
        for (Confusion c : e.topConfusions()) {
            confusions.add(String.format(Locale.ROOT, "%s taken for %s: %d", c.actualName(), c.predictedName(),
                    c.count()));
        }
        return new ReportPages.ModelPage(outputs.model(), ReportBuilder.pageName(outputs.model()),
                manifest.inputs().spec().architecture(), headline(manifest, e), classReport(e),
                Charts.heatmap(e.confusionMatrix(), classNames), confusions, historyCharts(outputs),
                network(network), manifestEntries(manifest), misclassified, onnx, SweepPages.of(outputs));
    }

    private static ReportPages.Headline headline(ModelManifest manifest, Evaluation e) {
        return new ReportPages.Headline(f4(e.accuracy()), String.format(Locale.ROOT, "%.4f–%.4f",
                e.accuracyInterval().lower(), e.accuracyInterval().upper()), f4(e.macroAverage().f1()),
                f4(e.logLoss()), String.format(Locale.ROOT, "%,d", manifest.outputs().parameterCount()),
                String.format(Locale.ROOT, "%.1f s", manifest.timings().trainingSeconds()),
                String.format(Locale.ROOT, "%,.0f", manifest.timings().imagesPerSecond()),
                String.format(Locale.ROOT, "%.1f MB", manifest.outputs().modelBytes() / 1e6));
    }

    private static ReportPages.ClassReport classReport(Evaluation e) {
        List<ReportPages.ClassRow> classes = new ArrayList<>();
        for (ClassMetrics c : e.classes()) {
            classes.add(row(c));
        }
        return new ReportPages.ClassReport(classes, List.of(
                new ReportPages.ClassRow("accuracy", "", "", f2(e.accuracy()), Integer.toString(e.count())),
                row(e.macroAverage()), row(e.weightedAverage())));
    }

    /** Training and validation curves only: the test set is evaluate's, and stays out of the history. */
    private static List<Charts.LineChart> historyCharts(ModelOutputs outputs) {
        List<EpochRecord> epochs = outputs.history().epochs();
        if (epochs.isEmpty()) {
            return List.of();
        }
        boolean validated = epochs.stream().allMatch(r -> r.validationAccuracy() != null);
        int kept = outputs.keptEpoch();
        List<String> names = validated ? List.of("train", "validation") : List.of("train");
        List<double[]> accuracy = new ArrayList<>(List.of(epochs.stream().mapToDouble(EpochRecord::trainAccuracy)
                .toArray()));
        List<double[]> loss = new ArrayList<>(List.of(epochs.stream().mapToDouble(EpochRecord::trainLoss).toArray()));
        if (validated) {
            accuracy.add(epochs.stream().mapToDouble(EpochRecord::validationAccuracy).toArray());
            loss.add(epochs.stream().mapToDouble(EpochRecord::validationLoss).toArray());
        }
        return List.of(Charts.lineChart("Accuracy per epoch", "accuracy", names, accuracy, true, kept),
                Charts.lineChart("Loss per epoch", "cross-entropy", names, loss, false, kept));
    }

    private static ReportPages.Network network(NetworkSummary summary) {
        List<ReportPages.Layer> layers = new ArrayList<>();
        for (NetworkSummary.Layer l : summary.layers()) {
            layers.add(new ReportPages.Layer(Integer.toString(l.index()), l.type(), l.detail(), l.outputShape(),
                    String.format(Locale.ROOT, "%,d", l.parameters())));
        }
        return new ReportPages.Network(layers, String.format(Locale.ROOT, "%,d", summary.totalParameters()));
    }

    private static List<ReportPages.Entry> manifestEntries(ModelManifest manifest) {
        ModelSpec spec = manifest.inputs().spec();
        int validation = manifest.inputs().validation() == null ? 0 : manifest.inputs().validation().size();
        List<ReportPages.Entry> entries = new ArrayList<>(List.of(
                new ReportPages.Entry("seed", Long.toString(spec.seed())),
                new ReportPages.Entry("epochs: kept, run, maximum", manifest.outputs().bestEpoch() + ", "
                        + manifest.outputs().epochsRun() + ", " + spec.epochs()
                        + (manifest.outputs().stopReason() == null ? "" : " (" + manifest.outputs().stopReason() + ")")),
                new ReportPages.Entry("batch size, learning rate", spec.batchSize() + ", " + spec.learningRate()
                        + (spec.schedule().type().equals(LearningRateSchedule.CONSTANT) ? ""
                        : " peak, " + spec.schedule().type() + " schedule")),
                new ReportPages.Entry("training / validation / test images", String.format(Locale.ROOT,
                        "%,d / %,d / %,d", manifest.inputs().trainImages() - validation, validation,
                        manifest.inputs().testImages())),
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
        return entries;
    }

    private static ReportPages.ClassRow row(ClassMetrics c) {
        return new ReportPages.ClassRow(c.name(), f2(c.precision()), f2(c.recall()), f2(c.f1()),
                Integer.toString(c.support()));
    }

    private static String f2(double v) {
        return String.format(Locale.ROOT, "%.2f", v);
    }

    private static String f4(double v) {
        return String.format(Locale.ROOT, "%.4f", v);
    }
}
