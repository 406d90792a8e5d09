package io.github.fashionml.testing;

import io.github.fashionml.data.source.DatasetResolver;
import io.github.fashionml.data.source.FetchOptions;
import io.github.fashionml.data.source.ResolvedDataset;
import io.github.fashionml.model.Architectures;
import io.github.fashionml.nativeblas.NativeBackend;
import io.github.fashionml.train.TrainingRun;
import io.github.fashionml.util.ProgressLog;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

/** Trains the dnn on the subset for {@code args[1]} epochs into {@code args[0]}, printing progress. */
public final class TrainInChildJvm {
    private TrainInChildJvm() {
    }

    public static void main(String[] args) throws Exception {
        Path out = Path.of(args[0]);
        int epochs = Integer.parseInt(args[1]);
        NativeBackend backend = NativeBackend.start(NativeBackend.AUTO);
        ProgressLog log = ProgressLog.standardOutput("WARN ");
        new TrainingRun(backend, log).run(List.of(Architectures.defaults("dnn").withEpochs(epochs)), subset(),
                new TrainingRun.Options(out, false, 0, 0, null));
        System.out.println("DONE");
    }

    /** The shipped subset, resolved and verified. */
    public static ResolvedDataset subset() throws Exception {
        FetchOptions options = new FetchOptions(TestData.subsetDirectory(), TestData.scratchDirectory("cache"), null,
                List.of(), true, Duration.ofSeconds(1), Duration.ofSeconds(1), TestData.subsetContents());
        return new DatasetResolver(options, ProgressLog.silent()).resolve();
    }
}
