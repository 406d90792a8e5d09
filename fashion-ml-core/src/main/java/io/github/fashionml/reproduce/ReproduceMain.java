package io.github.fashionml.reproduce;

import io.github.fashionml.FashionMlException;
import io.github.fashionml.data.source.ResolvedDataset;
import io.github.fashionml.nativeblas.NativeBackend;
import io.github.fashionml.output.OutputLayout;
import io.github.fashionml.util.ProgressLog;

import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;

/**
 * The child JVM of a reproduction: {@code <outputDirectory> <epochs (0: all)> <nd4jClassifier> <kernels>
 * <model>...}. Writes {@code reproduce.json} per model; exits 0 when it could compare (matching or not), 2 when
 * something kept it from comparing.
 */
public final class ReproduceMain {
    private ReproduceMain() {
    }

    public static void main(String[] args) {
        try {
            Path outputDirectory = Path.of(args[0]);
            int epochs = Integer.parseInt(args[1]);
            NativeBackend backend = NativeBackend.start(args[2], args[3]);
            List<String> models = Arrays.asList(args).subList(4, args.length);
            ResolvedDataset dataset = ResolvedDataset.read(new OutputLayout(outputDirectory).datasetFile());
            new ReproductionRun(backend, new ProgressLog() {
                @Override
                public void info(String message) {
                    System.out.println(message);
                }

                @Override
                public void warn(String message) {
                    System.out.println("WARNING " + message);
                }
            }).run(models, dataset, outputDirectory, epochs);
            System.exit(0);
        } catch (FashionMlException | java.io.IOException | RuntimeException e) {
            System.out.println("ERROR " + e.getMessage());
            System.exit(2);
        }
    }
}
