package io.github.fashionml.report;

import java.util.List;

/** What the templates show: plain values, formatted for display, built by {@link ReportBuilder}. */
public final class ReportPages {
    private ReportPages() {
    }

    /** The overview page. */
    public record Overview(String title, String generated, List<ModelPage> models, List<Verdict> verdicts,
                           Dataset dataset, List<DataFile> dataFiles, String baseline, List<Tile> samples,
                           List<Charts.LineChart> sideBySide, Charts.BarChart classF1, List<SweepMention> sweeps) {
    }

    /** A swept model on the overview: which trial it is, linking its page's sweep section. */
    public record SweepMention(String model, String href, String text) {
    }

    /**
     * Which data set the models learnt: its name, image shape, digest, and each class's training and test images
     * (training images include those held out for validation).
     */
    public record Dataset(String name, String shape, String digest, List<ClassCount> classes, List<String> notes) {
    }

    /** One class of the data set: its name and how many training and test images it has. */
    public record ClassCount(String name, String train, String test) {
    }

    /** A McNemar verdict between two models. */
    public record Verdict(String first, String second, String onlyFirst, String onlySecond, String pValue,
                          String adjustedPValue,
                          String method, String text) {
    }

    /** One dataset file: where it came from and its digest. */
    public record DataFile(String key, String fileName, String source, String sha256) {
    }

    /** An image with a caption, e.g. a sample or a misclassified test image. */
    public record Tile(String src, String caption, String detail) {
    }

    /** A row of the classification report. */
    public record ClassRow(String name, String precision, String recall, String f1, String support) {
    }

    /** A layer of the network summary. */
    public record Layer(String index, String type, String detail, String outputShape, String parameters) {
    }

    /** A label and value of the manifest table. */
    public record Entry(String label, String value) {
    }

    /**
     * One model's page; {@code onnx} is null when the model has no {@code model.onnx}, {@code sweep} when it has no
     * {@code selection.json}.
     */
    public record ModelPage(String name, String page, String architecture, Headline headline, ClassReport report,
                            Charts.Heatmap heatmap, List<String> topConfusions, List<Charts.LineChart> charts,
                            Network network, List<Entry> manifest, List<Tile> misclassified, Download onnx,
                            Sweep sweep) {
    }

    /**
     * How a swept model's trial was chosen: the candidates best first ({@code columns} name their swept values),
     * every trial, and a chart of the candidates' means against the swept values ({@code chart}) or, when only
     * seeds were swept, of each seed's trial ({@code bars}); the other is null. {@code testNote} is non-null when
     * the model's evaluation is not of the selected trial, so no test figure is shown.
     */
    public record Sweep(String selectBy, String selectedTrial, String trialCount, String rule, String reason,
                        List<String> columns, List<SweepCandidate> candidates, List<String> trialColumns,
                        List<SweepTrial> trials, Charts.LineChart chart, Charts.BarChart bars, String testNote) {
    }

    /** A candidate's row; {@code testAccuracy} is empty except in the selected row. */
    public record SweepCandidate(String rank, List<String> values, String mean, String standardDeviation,
                                 String seeds, boolean selected, String testAccuracy) {
    }

    /** A trial's row: its swept values (seed included) and its kept epoch's validation figures. */
    public record SweepTrial(String name, List<String> values, String validationAccuracy, String validationLoss,
                             String epochs, boolean selected) {
    }

    /** A file the report links, copied beside its pages so the link works wherever the site is published. */
    public record Download(String href, String size, String sha256) {
    }

    /** A model's figures at a glance, formatted. */
    public record Headline(String accuracy, String interval, String macroF1, String logLoss, String parameters,
                           String trainingSeconds, String imagesPerSecond, String modelSize) {
    }

    /** The classification report: a row per class, then accuracy and the macro and weighted averages. */
    public record ClassReport(List<ClassRow> classes, List<ClassRow> averages) {
    }

    /** The network summary table. */
    public record Network(List<Layer> layers, String totalParameters) {
    }
}
