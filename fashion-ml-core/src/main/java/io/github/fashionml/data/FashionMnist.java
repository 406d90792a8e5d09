package io.github.fashionml.data;

import java.util.List;

/** Facts about the Fashion-MNIST dataset (Zalando SE, MIT licence). */
public final class FashionMnist {
    public static final String NAME = "fashion-mnist";
    public static final int ROWS = 28;
    public static final int COLUMNS = 28;
    public static final int PIXELS = ROWS * COLUMNS;
    public static final int TRAIN_COUNT = 60_000;
    public static final int TEST_COUNT = 10_000;

    /** Class names, indexed by label. */
    public static final List<String> CLASS_NAMES = List.of(
            "T-shirt/top", "Trouser", "Pullover", "Dress", "Coat",
            "Sandal", "Shirt", "Sneaker", "Bag", "Ankle boot");

    public static final int CLASS_COUNT = CLASS_NAMES.size();

    private FashionMnist() {
    }
}
