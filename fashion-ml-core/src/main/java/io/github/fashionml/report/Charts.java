package io.github.fashionml.report;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Geometry for the SVG charts the templates draw: scaled points, ticks and colours. The templates write the
 * SVG elements; this class only does the arithmetic a template language is bad at.
 */
public final class Charts {
    private Charts() {
    }

    /** A tick: where (in pixels) and its label. */
    public record Tick(double position, String label) {
    }

    /** A point in pixels, formatted for SVG, with the text its tooltip shows (null for none). */
    public record Point(String x, String y, String title) {
        public Point(String x, String y) {
            this(x, y, null);
        }
    }

    /** A value at a category of the x axis (its index), with the text its tooltip shows. */
    public record CategoryValue(int category, double value, String title) {
    }

    /**
     * One line of a chart: its name, colour and SVG points ("x,y x,y ..."), each point for markers, and, on
     * charts comparing models, its kept epoch (a ring) and a direct label at its last point, so the lines read
     * without colour.
     */
    public record Series(String name, String colour, String points, List<Point> markers, Point kept, Point label) {
        public Series(String name, String colour, String points, List<Point> markers) {
            this(name, colour, points, markers, null, null);
        }
    }

    /** One bar of a grouped bar chart, with its series' number as a label above it. */
    public record Bar(double x, double y, double width, double height, String colour, String label, String title) {
    }

    /** A group of bars (one per series) under one category label. */
    public record BarGroup(String label, double labelX, List<Bar> bars) {
    }

    /** A grouped bar chart: one group per category, one bar per series, the series numbered in the legend. */
    public record BarChart(String title, int width, int height, double left, double right, double top,
                           double bottom, String yLabel, List<Tick> yTicks, List<BarGroup> groups,
                           List<Series> legend) {
    }

    /**
     * A line chart's frame and series; the plot area spans {@code left..right} and {@code top..bottom}.
     * {@code kept} marks the epoch whose parameters were kept, or is null.
     */
    public record LineChart(String title, int width, int height, double left, double right, double top,
                            double bottom, String xLabel, String yLabel, List<Tick> xTicks, List<Tick> yTicks,
                            List<Series> series, Tick kept) {
    }

    /** One cell of a heatmap. */
    public record Cell(double x, double y, double size, String fill, String textColour, int count, String title) {
    }

    /** A confusion-matrix heatmap: rows actual, columns predicted. */
    public record Heatmap(int width, int height, double left, double top, double cellSize, List<String> labels,
                          List<Cell> cells) {
    }

    private static final String[] PALETTE = {"#1f77b4", "#d62728", "#2ca02c", "#ff7f0e", "#9467bd", "#8c564b"};

    /**
     * A chart of series over epochs 1..n. {@code values} holds one array per series, all the same length.
     */
    public static LineChart lineChart(String title, String yLabel, List<String> names, List<double[]> values,
                                      boolean unitInterval) {
        return lineChart(title, yLabel, names, values, unitInterval, 0);
    }

    /** The same, with a line marking the kept epoch (1-based; 0 for none). */
    public static LineChart lineChart(String title, String yLabel, List<String> names, List<double[]> values,
                                      boolean unitInterval, int keptEpoch) {
        int width = 520;
        int height = 300;
        double left = 64;
        double right = width - 16;
        double top = 28;
        double bottom = height - 44;
        int n = values.isEmpty() ? 0 : values.get(0).length;
        double min = Double.POSITIVE_INFINITY;
        double max = Double.NEGATIVE_INFINITY;
        for (double[] v : values) {
            for (double d : v) {
                min = Math.min(min, d);
                max = Math.max(max, d);
            }
        }
        if (!(min <= max)) {
            min = 0;
            max = 1;
        }
        double[] range = niceRange(min, max, unitInterval);
        double lo = range[0];
        double hi = range[1];
        List<Tick> yTicks = yTicks(lo, hi, bottom, top, (hi - lo) / 4 < 0.05 ? "%.3f" : "%.2f");
        List<Tick> xTicks = new ArrayList<>();
        int step = Math.max(1, (int) Math.ceil(n / 10.0));
        for (int e = 1; e <= n; e += step) {
            xTicks.add(new Tick(x(e, n, left, right), Integer.toString(e)));
        }
        List<Series> series = new ArrayList<>();
        for (int s = 0; s < values.size(); s++) {
            StringBuilder points = new StringBuilder();
            List<Point> markers = new ArrayList<>();
            double[] v = values.get(s);
            for (int e = 1; e <= v.length; e++) {
                double px = round(x(e, n, left, right));
                double py = round(scale(v[e - 1], lo, hi, bottom, top));
                points.append(points.length() == 0 ? "" : " ").append(fmt(px)).append(',').append(fmt(py));
                markers.add(new Point(fmt(px), fmt(py)));
            }
            series.add(new Series(names.get(s), PALETTE[s % PALETTE.length], points.toString(), markers));
        }
        Tick kept = keptEpoch >= 1 && keptEpoch <= n
                ? new Tick(round(x(keptEpoch, n, left, right)), "kept: epoch " + keptEpoch) : null;
        return new LineChart(title, width, height, left, right, top, bottom, "epoch", yLabel, xTicks, yTicks, series,
                kept);
    }

    /**
     * Models side by side: one series per model over its own epochs (models may run different numbers), each
     * with a ring on its kept epoch (1-based; 0 for none) and its name at its last point.
     */
    public static LineChart comparisonChart(String title, String yLabel, List<String> names, List<double[]> values,
                                            List<Integer> keptEpochs, boolean unitInterval) {
        int longest = values.stream().mapToInt(v -> v.length).max().orElse(0);
        List<double[]> padded = new ArrayList<>();
        for (double[] v : values) {
            double[] p = java.util.Arrays.copyOf(v, longest);
            java.util.Arrays.fill(p, v.length, longest, v.length == 0 ? 0 : v[v.length - 1]);
            padded.add(p);
        }
        LineChart frame = lineChart(title, yLabel, names, padded, unitInterval, 0);
        List<Series> series = new ArrayList<>();
        for (int i = 0; i < values.size(); i++) {
            Series full = frame.series().get(i);
            int n = values.get(i).length;
            List<Point> markers = full.markers().subList(0, n);
            String points = String.join(" ", markers.stream().map(p -> p.x() + "," + p.y()).toList());
            int kept = keptEpochs.get(i);
            Point ring = kept >= 1 && kept <= n ? markers.get(kept - 1) : null;
            Point label = n == 0 ? null : markers.get(n - 1);
            series.add(new Series(full.name(), full.colour(), points, markers, ring, label));
        }
        return new LineChart(frame.title(), frame.width() + 90, frame.height(), frame.left(), frame.right(),
                frame.top(), frame.bottom(), frame.xLabel(), frame.yLabel(), frame.xTicks(), frame.yTicks(), series,
                null);
    }

    /** Per-category values of several series as grouped bars on [lo, 1], the series numbered 1, 2, ... */
    public static BarChart groupedBars(String title, String yLabel, List<String> categories, List<String> names,
                                       List<List<Double>> values) {
        int width = 760;
        int height = 300;
        double left = 56;
        double right = width - 16;
        double top = 44;
        double bottom = height - 56;
        double min = values.stream().flatMap(List::stream).mapToDouble(Double::doubleValue).min().orElse(0);
        double lo = Math.max(0, Math.floor(Math.min(min, 0.9) * 10) / 10 - 0.1);
        double hi = 1;
        List<Tick> yTicks = yTicks(lo, hi, bottom, top, "%.2f");
        double groupWidth = (right - left) / Math.max(1, categories.size());
        double barWidth = Math.min(18, (groupWidth - 8) / Math.max(1, names.size()));
        List<BarGroup> groups = new ArrayList<>();
        for (int c = 0; c < categories.size(); c++) {
            double start = left + c * groupWidth + (groupWidth - barWidth * names.size()) / 2;
            List<Bar> bars = new ArrayList<>();
            for (int s = 0; s < names.size(); s++) {
                double v = values.get(s).get(c);
                double y = scale(Math.max(lo, v), lo, hi, bottom, top);
                bars.add(new Bar(round(start + s * barWidth), round(y), round(barWidth - 1), round(bottom - y),
                        PALETTE[s % PALETTE.length], Integer.toString(s + 1), String.format(Locale.ROOT,
                        "%s, %s: F1 %.4f", names.get(s), categories.get(c), v)));
            }
            groups.add(new BarGroup(categories.get(c), round(left + c * groupWidth + groupWidth / 2), bars));
        }
        List<Series> legend = new ArrayList<>();
        for (int s = 0; s < names.size(); s++) {
            legend.add(new Series((s + 1) + " = " + names.get(s), PALETTE[s % PALETTE.length], "", List.of()));
        }
        return new BarChart(title, width, height, left, right, top, bottom, yLabel, yTicks, groups, legend);
    }

    /**
     * Series over categories (such as a swept parameter's values) evenly spaced on the x axis, each point with a
     * tooltip; a series may miss categories. {@code marked} (an index, or -1) is drawn as a dashed line labelled
     * {@code markedLabel}. With several series each carries its name at its last point, so they read without colour.
     */
    public static LineChart categoryChart(String title, String xLabel, String yLabel, List<String> categories,
                                          List<String> names, List<List<CategoryValue>> values, int marked,
                                          String markedLabel, boolean unitInterval) {
        int width = names.size() > 1 ? 610 : 520;
        int height = 300;
        double left = 64;
        double right = 520 - 16;
        double top = 28;
        double bottom = height - 44;
        int n = categories.size();
        double[] range = niceRange(values.stream().flatMap(List::stream).mapToDouble(CategoryValue::value).min()
                .orElse(0), values.stream().flatMap(List::stream).mapToDouble(CategoryValue::value).max().orElse(1),
                unitInterval);
        double lo = range[0];
        double hi = range[1];
        List<Tick> yTicks = yTicks(lo, hi, bottom, top, (hi - lo) / 4 < 0.05 ? "%.3f" : "%.2f");
        List<Tick> xTicks = new ArrayList<>();
        for (int c = 0; c < n; c++) {
            xTicks.add(new Tick(round(x(c + 1, n, left, right)), categories.get(c)));
        }
        List<Series> series = new ArrayList<>();
        for (int s = 0; s < values.size(); s++) {
            List<Point> markers = new ArrayList<>();
            for (CategoryValue v : values.get(s).stream()
                    .sorted(java.util.Comparator.comparingInt(CategoryValue::category)).toList()) {
                markers.add(new Point(fmt(round(x(v.category() + 1, n, left, right))),
                        fmt(round(scale(v.value(), lo, hi, bottom, top))), v.title()));
            }
            String points = String.join(" ", markers.stream().map(p -> p.x() + "," + p.y()).toList());
            Point label = names.size() > 1 && !markers.isEmpty() ? markers.get(markers.size() - 1) : null;
            series.add(new Series(names.get(s), PALETTE[s % PALETTE.length], points, markers, null, label));
        }
        Tick mark = marked >= 0 && marked < n ? new Tick(round(x(marked + 1, n, left, right)), markedLabel) : null;
        return new LineChart(title, width, height, left, right, top, bottom, xLabel, yLabel, xTicks, yTicks, series,
                mark);
    }

    /**
     * One bar per category, each labelled with its value ({@code %.4f}) and with a tooltip; the {@code highlighted}
     * bar (an index, or -1) in a second colour. Accuracies start a tenth below the lowest, other figures at 0.
     */
    public static BarChart bars(String title, String yLabel, List<String> categories, List<Double> values,
                                List<String> titles, int highlighted, boolean unitInterval) {
        int width = Math.max(320, Math.min(760, 120 + 90 * categories.size()));
        int height = 300;
        double left = 64;
        double right = width - 16;
        double top = 28;
        double bottom = height - 56;
        double min = values.stream().mapToDouble(Double::doubleValue).min().orElse(0);
        double max = values.stream().mapToDouble(Double::doubleValue).max().orElse(1);
        double[] range = niceRange(min, max, unitInterval);
        double lo = unitInterval ? Math.max(0, range[0] - 0.1) : 0;
        double hi = range[1];
        List<Tick> yTicks = yTicks(lo, hi, bottom, top, (hi - lo) / 4 < 0.05 ? "%.3f" : "%.2f");
        double groupWidth = (right - left) / Math.max(1, categories.size());
        double barWidth = Math.min(48, groupWidth - 12);
        List<BarGroup> groups = new ArrayList<>();
        for (int c = 0; c < categories.size(); c++) {
            double v = values.get(c);
            double y = scale(Math.max(lo, v), lo, hi, bottom, top);
            double centre = left + c * groupWidth + groupWidth / 2;
            groups.add(new BarGroup(categories.get(c), round(centre), List.of(new Bar(round(centre - barWidth / 2),
                    round(y), round(barWidth), round(bottom - y), PALETTE[c == highlighted ? 1 : 0],
                    String.format(Locale.ROOT, "%.4f", v), titles.get(c)))));
        }
        return new BarChart(title, width, height, left, right, top, bottom, yLabel, yTicks, groups, List.of());
    }

    /** A heatmap of a square matrix, each cell shaded by its share of the row (the actual class). */
    public static Heatmap heatmap(int[][] matrix, List<String> labels) {
        double cell = 44;
        double left = 110;
        double top = 100;
        int k = matrix.length;
        List<Cell> cells = new ArrayList<>();
        for (int a = 0; a < k; a++) {
            int rowTotal = 0;
            for (int v : matrix[a]) {
                rowTotal += v;
            }
            for (int p = 0; p < k; p++) {
                double share = rowTotal == 0 ? 0 : (double) matrix[a][p] / rowTotal;
                String fill = a == p ? blend(share, 0x2c, 0xa0, 0x2c) : blend(share, 0xd6, 0x27, 0x28);
                String text = share > 0.5 ? "#ffffff" : "#222222";
                String title = String.format(Locale.ROOT, "actual %s, predicted %s: %d (%.1f%% of %s)",
                        labels.get(a), labels.get(p), matrix[a][p], 100 * share, labels.get(a));
                cells.add(new Cell(left + p * cell, top + a * cell, cell, fill, text, matrix[a][p], title));
            }
        }
        return new Heatmap((int) (left + k * cell + 20), (int) (top + k * cell + 20), left, top, cell, labels, cells);
    }

    /** White blended towards a colour by {@code share} (0..1); small shares stay visible. */
    private static String blend(double share, int r, int g, int b) {
        double t = share == 0 ? 0 : 0.08 + 0.92 * Math.min(1, share);
        return String.format(Locale.ROOT, "#%02x%02x%02x", mix(255, r, t), mix(255, g, t), mix(255, b, t));
    }

    private static int mix(int from, int to, double t) {
        return (int) Math.round(from + (to - from) * t);
    }

    private static double[] niceRange(double min, double max, boolean unitInterval) {
        if (unitInterval) {
            double lo = Math.max(0, Math.floor(min * 10) / 10);
            double hi = Math.min(1, Math.ceil(max * 10) / 10);
            return lo == hi ? new double[] {Math.max(0, lo - 0.1), Math.min(1, hi + 0.1)} : new double[] {lo, hi};
        }
        // Four steps of a "nice" size (1, 2, 2.5 or 5 times a power of ten), so the ticks read well.
        if (max <= 0) {
            return new double[] {0, 1};
        }
        double rough = max / 4;
        double power = Math.pow(10, Math.floor(Math.log10(rough)));
        double f = rough / power;
        double step = (f <= 1 ? 1 : f <= 2 ? 2 : f <= 2.5 ? 2.5 : f <= 5 ? 5 : 10) * power;
        return new double[] {0, step * 4};
    }

    /** Five ticks from {@code lo} to {@code hi}, labelled with {@code format}. */
    private static List<Tick> yTicks(double lo, double hi, double bottom, double top, String format) {
        List<Tick> ticks = new ArrayList<>();
        for (int i = 0; i <= 4; i++) {
            double v = lo + (hi - lo) * i / 4;
            ticks.add(new Tick(scale(v, lo, hi, bottom, top), String.format(Locale.ROOT, format, v)));
        }
        return ticks;
    }

    private static double x(int epoch, int n, double left, double right) {
        return n <= 1 ? (left + right) / 2 : left + (right - left) * (epoch - 1) / (n - 1);
    }

    private static double scale(double v, double lo, double hi, double bottom, double top) {
        return bottom - (v - lo) / (hi - lo) * (bottom - top);
    }

    private static double round(double v) {
        return Math.round(v * 10) / 10.0;
    }

    static String fmt(double v) {
        return v == Math.rint(v) ? Long.toString((long) v) : String.format(Locale.ROOT, "%.1f", v);
    }
}
