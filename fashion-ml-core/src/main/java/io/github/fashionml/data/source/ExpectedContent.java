package io.github.fashionml.data.source;

import io.github.fashionml.data.FashionMnistFile;

import java.util.EnumMap;
import java.util.Map;

/** The SHA-256 and size a file's decompressed contents must have to be used. */
public record ExpectedContent(String sha256, long size) {

    /** The published Fashion-MNIST files. */
    public static Map<FashionMnistFile, ExpectedContent> fashionMnist() {
        Map<FashionMnistFile, ExpectedContent> expected = new EnumMap<>(FashionMnistFile.class);
        for (FashionMnistFile file : FashionMnistFile.values()) {
            expected.put(file, new ExpectedContent(file.sha256(), file.size()));
        }
        return expected;
    }
}
