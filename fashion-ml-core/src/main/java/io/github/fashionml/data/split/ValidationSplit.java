package io.github.fashionml.data.split;

import io.github.fashionml.ConfigurationException;
import io.github.fashionml.util.Sha256;

import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;

/**
 * Training images held out for validation: stratified by class (each class keeps its share of the held-out
 * images, as scikit-learn's {@code train_test_split(stratify=...)} does), chosen from a seed. The model never
 * trains on them; epochs, early stopping and schedules are judged on them, so the test set stays unread until
 * {@code evaluate}.
 *
 * @param training   indices of the images to train on, ascending
 * @param validation indices of the held-out images, ascending
 */
public record ValidationSplit(int size, long seed, int[] training, int[] validation) {

    /** What the manifest records: enough to tell two splits apart, and to redo one. */
    public record Summary(int size, long seed, String indicesSha256) {
    }

    /** A split whose classes are the labels that occur, named by number in messages. */
    public static ValidationSplit stratified(byte[] labels, int size, long seed) throws ConfigurationException {
        int classes = 0;
        for (byte label : labels) {
            classes = Math.max(classes, (label & 0xFF) + 1);
        }
        List<String> names = new ArrayList<>();
        for (int c = 0; c < classes; c++) {
            names.add(Integer.toString(c));
        }
        return stratified(labels, size, seed, names);
    }

    /**
     * @param labels     the class of each candidate image, an index into {@code classNames}
     * @param size       how many images to hold out: 0 for none (every image trains)
     * @param classNames the data set's classes, for the strata and for messages
     */
    public static ValidationSplit stratified(byte[] labels, int size, long seed, List<String> classNames)
            throws ConfigurationException {
        int n = labels.length;
        if (size < 0 || size >= n) {
            throw new ConfigurationException("validationSize " + size + " does not fit " + n + " training images: "
                    + "set -Dfashionml.validationSize (or <validationSize>) to a number from 0 (no validation split) "
                    + "to " + (n - 1) + ", typically a tenth of the training images (" + n / 10 + ")");
        }
        List<List<Integer>> byClass = new ArrayList<>();
        for (int c = 0; c < classNames.size(); c++) {
            byClass.add(new ArrayList<>());
        }
        for (int i = 0; i < n; i++) {
            byClass.get(labels[i] & 0xFF).add(i);
        }
        int[] quota = quotas(byClass, size, n);
        for (int c = 0; c < quota.length; c++) {
            int count = byClass.get(c).size();
            if (count > 0 && quota[c] >= count) {
                throw new ConfigurationException("validationSize " + size + " holds out all " + count + " training "
                        + "images of class " + c + " (" + classNames.get(c) + "), leaving none to train "
                        + "on: use a smaller validationSize or more training images (trainLimit)");
            }
        }
        boolean[] held = new boolean[n];
        SplittableRandom random = new SplittableRandom(seed);
        for (int c = 0; c < quota.length; c++) {
            List<Integer> members = byClass.get(c);
            // A partial Fisher-Yates shuffle: the first quota[c] places are a uniform sample of the class.
            int[] order = members.stream().mapToInt(Integer::intValue).toArray();
            for (int i = 0; i < quota[c]; i++) {
                int j = i + random.nextInt(order.length - i);
                int t = order[i];
                order[i] = order[j];
                order[j] = t;
                held[order[i]] = true;
            }
        }
        int[] training = new int[n - size];
        int[] validation = new int[size];
        int t = 0;
        int v = 0;
        for (int i = 0; i < n; i++) {
            if (held[i]) {
                validation[v++] = i;
            } else {
                training[t++] = i;
            }
        }
        return new ValidationSplit(size, seed, training, validation);
    }

    /** Each class's share of {@code size}, by largest remainder, so the shares add up to {@code size} exactly. */
    private static int[] quotas(List<List<Integer>> byClass, int size, int n) {
        int classes = byClass.size();
        int[] quota = new int[classes];
        long[] remainder = new long[classes];
        int given = 0;
        for (int c = 0; c < classes; c++) {
            long exact = (long) size * byClass.get(c).size();
            quota[c] = (int) (exact / n);
            remainder[c] = exact % n;
            given += quota[c];
        }
        while (given < size) {
            int best = 0;
            for (int c = 1; c < classes; c++) {
                if (remainder[c] > remainder[best]) {
                    best = c;
                }
            }
            quota[best]++;
            remainder[best] = -1;
            given++;
        }
        return quota;
    }

    /** SHA-256 of the held-out indices (big-endian 32-bit integers, ascending). */
    public String indicesSha256() {
        ByteBuffer bytes = ByteBuffer.allocate(validation.length * Integer.BYTES);
        for (int index : validation) {
            bytes.putInt(index);
        }
        return Sha256.of(bytes.array());
    }

    public Summary summary() {
        return new Summary(size, seed, indicesSha256());
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof ValidationSplit s && s.size == size && s.seed == seed
                && Arrays.equals(s.training, training) && Arrays.equals(s.validation, validation);
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(validation) * 31 + Long.hashCode(seed);
    }

    @Override
    public String toString() {
        return "ValidationSplit[size=" + size + ", seed=" + seed + ", indicesSha256=" + indicesSha256() + "]";
    }
}
