package io.github.fashionml.data.source;

import io.github.fashionml.FashionMlException;
import io.github.fashionml.data.FashionMnistFile;

import java.util.List;
import java.util.Map;

/** No source could serve a verified copy of a dataset file; the message lists every attempt and the fixes. */
public class DataUnavailableException extends FashionMlException {
    private static final long serialVersionUID = 1L;

    private final transient Map<FashionMnistFile, List<Attempt>> attempts;

    public DataUnavailableException(Map<FashionMnistFile, List<Attempt>> attempts, String systemPackageDirectory) {
        super(message(attempts, systemPackageDirectory));
        this.attempts = Map.copyOf(attempts);
    }

    public Map<FashionMnistFile, List<Attempt>> attempts() {
        return attempts;
    }

    private static String message(Map<FashionMnistFile, List<Attempt>> attempts, String systemPackageDirectory) {
        StringBuilder sb = new StringBuilder("Fashion-MNIST is not available: no source served a verified copy of ");
        sb.append(attempts.size() == 1 ? "1 file." : attempts.size() + " files.");
        attempts.forEach((file, tried) -> {
            sb.append("\n  ").append(file.gzipFileName()).append(", tried:");
            for (Attempt attempt : tried) {
                sb.append("\n    - ").append(attempt);
            }
        });
        sb.append("\nTo fix, do one of:")
                .append("\n  - install the Debian/Ubuntu package: sudo apt-get install dataset-fashion-mnist (it puts the files in ")
                .append(systemPackageDirectory).append(')')
                .append("\n  - point the plugin at a directory holding the four files (.gz or decompressed):")
                .append(" <dataDirectory> or -Dfashionml.dataDirectory=/path")
                .append("\n  - let it download: build online (without -o) with at least one HTTPS mirror in <mirrors>");
        return sb.toString();
    }
}
