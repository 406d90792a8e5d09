package io.github.fashionml.train;

import java.util.SplittableRandom;

/**
 * The seeds derived from a model's one seed: each epoch's shuffle, the dropout masks, and the validation split.
 * SplittableRandom's algorithm is specified, so they are the same on every JVM. (The weights take the model's
 * seed itself, through DL4J's configuration.)
 */
public record DerivedSeeds(long shuffle, long dropout, long validation) {
    public static DerivedSeeds of(long seed) {
        SplittableRandom seeds = new SplittableRandom(seed);
        // Drawn in this order: the first two are the ones earlier versions drew.
        long shuffle = seeds.nextLong();
        long dropout = seeds.nextLong();
        long validation = seeds.nextLong();
        return new DerivedSeeds(shuffle, dropout, validation);
    }
}
