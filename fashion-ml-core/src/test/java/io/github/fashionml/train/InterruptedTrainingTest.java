package io.github.fashionml.train;

import io.github.fashionml.model.Architectures;
import io.github.fashionml.nativeblas.NativeBackend;
import io.github.fashionml.testing.ChildJvm;
import io.github.fashionml.testing.TrainInChildJvm;
import io.github.fashionml.util.ProgressLog;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** A training JVM killed with SIGKILL: the next build never takes the outputs as up to date, and ends correct. */
class InterruptedTrainingTest {
    private static final int EPOCHS = 100;

    @TempDir
    Path dir;

    @Test
    void killedMidEpochIsRetrainedToTheSameModelAsACleanRun() throws Exception {
        Path out = dir.resolve("killed");
        try (ChildJvm child = new ChildJvm(TrainInChildJvm.class, out.toString(), Integer.toString(EPOCHS))) {
            child.awaitLine(line -> line.startsWith("dnn: epoch 3/"), 120);
            child.kill();
            assertFalse(child.lines().contains("DONE"));
        }
        assertFalse(Files.exists(out.resolve("dnn/manifest.json")), "a killed run must not leave a manifest");

        List<String> log = new ArrayList<>();
        TrainingRun.Outcome resumed = run(out, log);
        assertFalse(resumed.upToDate());
        TrainingRun.Outcome clean = run(dir.resolve("clean"), new ArrayList<>());
        assertEquals(clean.manifest().outputs().parametersSha256(), resumed.manifest().outputs().parametersSha256());
        assertTrue(run(out, new ArrayList<>()).upToDate());
    }

    @Test
    void modelFileCutShortByAKillIsRetrainedAndItsLeftoversRemoved() throws Exception {
        Path out = dir.resolve("out");
        TrainingRun.Outcome good = run(out, new ArrayList<>());
        Path model = out.resolve("dnn/model.zip");
        // What a kill in the middle of writing leaves: the temporary file, partly written.
        byte[] bytes = Files.readAllBytes(model);
        Files.write(out.resolve("dnn/.model.zip.12345.tmp"), Arrays.copyOf(bytes, bytes.length / 3));
        // And a model that is not the recorded one (as if a non-atomic writer had been cut off).
        Files.write(model, Arrays.copyOf(bytes, bytes.length / 2));

        List<String> log = new ArrayList<>();
        TrainingRun.Outcome again = run(out, log);
        assertFalse(again.upToDate());
        assertTrue(log.stream().anyMatch(l -> l.contains("is not the file the manifest records")), log.toString());
        assertTrue(log.stream().anyMatch(l -> l.contains("removed 1 partly written file")), log.toString());
        assertEquals(good.manifest().outputs().parametersSha256(), again.manifest().outputs().parametersSha256());
        try (Stream<Path> files = Files.list(out.resolve("dnn"))) {
            assertTrue(files.noneMatch(p -> p.getFileName().toString().endsWith(".tmp")));
        }
    }

    private static TrainingRun.Outcome run(Path out, List<String> lines) throws Exception {
        NativeBackend backend = NativeBackend.start(NativeBackend.AUTO);
        ProgressLog log = ProgressLog.into(lines);
        return new TrainingRun(backend, log).run(List.of(Architectures.defaults("dnn").withEpochs(EPOCHS)),
                TrainInChildJvm.subset(), new TrainingRun.Options(out, false, 0, 0, null)).get(0);
    }

}
