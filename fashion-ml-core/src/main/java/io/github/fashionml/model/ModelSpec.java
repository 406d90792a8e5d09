package io.github.fashionml.model;

import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import io.github.fashionml.data.preprocess.Layout;

import java.util.List;

/**
 * Everything that defines one model: its name, its network (convolution blocks, then dense layers) and how
 * it is trained. Every named architecture is a set of defaults for these fields; any field can be changed.
 *
 * @param name         the model's name: its output folder and artifact classifier
 * @param architecture the named architecture it started from ({@code cnn}, {@code dnn}, {@code cnn-deep})
 * @param filters      filters of each convolution block (a 3x3 convolution with ReLU, then 2x2 max-pooling);
 *                     empty for a dense network on flattened input
 * @param kernelSize   convolution kernel width and height
 * @param padding      the convolutions' padding, as in Keras: {@code valid} (none; each convolution shrinks the
 *                     image by kernelSize - 1) or {@code same} (zero-padded to keep the image's size)
 * @param convDropout  dropout rate (fraction dropped, as in Keras) after the last convolution block; 0 for none
 * @param dense        units of each hidden dense ReLU layer
 * @param denseDropout dropout rate after each hidden dense layer; 0 for none
 * @param epochs       passes over the training data
 * @param batchSize    images per gradient step
 * @param learningRate Adam's learning rate
 * @param seed         the one seed weights, shuffling and dropout are derived from (not 0: DL4J reads 0 as none)
 * @param threads      native threads for this model; 0 picks the architecture's best on this machine
 * @param standardize  per-pixel standardisation instead of plain [0,1] scaling
 * @param schedule     how the learning rate changes per epoch ({@code learningRate} is the peak)
 * @param earlyStopping when to stop before {@code epochs} (then the maximum), or null to train every epoch
 */
@JsonPropertyOrder({"name", "architecture", "filters", "kernelSize", "padding", "convDropout", "dense", "denseDropout",
        "epochs", "batchSize", "learningRate", "seed", "threads", "standardize", "schedule", "earlyStopping"})
public record ModelSpec(String name, String architecture, List<Integer> filters, int kernelSize, String padding,
                        double convDropout, List<Integer> dense, double denseDropout, int epochs, int batchSize,
                        double learningRate, long seed, int threads, boolean standardize,
                        LearningRateSchedule schedule, EarlyStopping earlyStopping) {
    public static final String VALID = "valid";
    public static final String SAME = "same";

    public ModelSpec {
        filters = filters == null ? List.of() : List.copyOf(filters);
        dense = dense == null ? List.of() : List.copyOf(dense);
        // Specs written before padding existed were all "valid".
        padding = padding == null ? VALID : padding;
        schedule = schedule == null ? LearningRateSchedule.CONSTANT_RATE : schedule;
    }

    public boolean samePadding() {
        return SAME.equals(padding);
    }

    public boolean convolutional() {
        return !filters.isEmpty();
    }

    public Layout layout() {
        return convolutional() ? Layout.CNN : Layout.DNN;
    }

    public ModelSpec withName(String value) {
        return new ModelSpec(value, architecture, filters, kernelSize, padding, convDropout, dense, denseDropout,
                epochs, batchSize, learningRate, seed, threads, standardize, schedule, earlyStopping);
    }

    public ModelSpec withPadding(String value) {
        return new ModelSpec(name, architecture, filters, kernelSize, value, convDropout, dense, denseDropout,
                epochs, batchSize, learningRate, seed, threads, standardize, schedule, earlyStopping);
    }

    public ModelSpec withEpochs(int value) {
        return new ModelSpec(name, architecture, filters, kernelSize, padding, convDropout, dense, denseDropout,
                value, batchSize, learningRate, seed, threads, standardize, schedule, earlyStopping);
    }

    public ModelSpec withBatchSize(int value) {
        return new ModelSpec(name, architecture, filters, kernelSize, padding, convDropout, dense, denseDropout,
                epochs, value, learningRate, seed, threads, standardize, schedule, earlyStopping);
    }

    public ModelSpec withSeed(long value) {
        return new ModelSpec(name, architecture, filters, kernelSize, padding, convDropout, dense, denseDropout,
                epochs, batchSize, learningRate, value, threads, standardize, schedule, earlyStopping);
    }

    public ModelSpec withLearningRate(double value) {
        return new ModelSpec(name, architecture, filters, kernelSize, padding, convDropout, dense, denseDropout,
                epochs, batchSize, value, seed, threads, standardize, schedule, earlyStopping);
    }

    public ModelSpec withSchedule(LearningRateSchedule value) {
        return new ModelSpec(name, architecture, filters, kernelSize, padding, convDropout, dense, denseDropout,
                epochs, batchSize, learningRate, seed, threads, standardize, value, earlyStopping);
    }

    public ModelSpec withEarlyStopping(EarlyStopping value) {
        return new ModelSpec(name, architecture, filters, kernelSize, padding, convDropout, dense, denseDropout,
                epochs, batchSize, learningRate, seed, threads, standardize, schedule, value);
    }
}
