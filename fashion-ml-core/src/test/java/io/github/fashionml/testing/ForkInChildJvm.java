package io.github.fashionml.testing;

import io.github.fashionml.fork.ForkOptions;
import io.github.fashionml.fork.JobRunner;
import io.github.fashionml.model.Architectures;
import io.github.fashionml.nativeblas.NativeBackend;
import io.github.fashionml.train.TrainJob;
import io.github.fashionml.train.TrainingRun;
import io.github.fashionml.util.ProgressLog;

import java.io.File;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;

/**
 * Plays Maven: forks a JVM (through {@link JobRunner}, as the goals do) that trains the dnn on the subset for
 * {@code args[1]} epochs into {@code args[0]}, printing the child's progress.
 */
public final class ForkInChildJvm {
    private ForkInChildJvm() {
    }

    public static void main(String[] args) throws Exception {
        List<Path> classpath = Arrays.stream(System.getProperty("java.class.path").split(File.pathSeparator))
                .map(Path::of).toList();
        ProgressLog log = ProgressLog.standardOutput("WARN ");
        new JobRunner(new ForkOptions(true, null, List.of("-Xmx1g"), classpath, NativeBackend.AUTO, null), log).run(
                new TrainJob(List.of(Architectures.defaults("dnn").withEpochs(Integer.parseInt(args[1]))
                        .withEarlyStopping(null)), TrainInChildJvm.subset(),
                        new TrainingRun.Options(Path.of(args[0]), true, 0, 0, null)));
        System.out.println("DONE");
    }
}
