package io.github.fashionml.fork;

import io.github.fashionml.ConfigurationException;
import io.github.fashionml.FashionMlException;
import io.github.fashionml.data.source.DatasetResolver;
import io.github.fashionml.data.source.FetchOptions;
import io.github.fashionml.data.source.ResolvedDataset;
import io.github.fashionml.eval.EvaluateJob;
import io.github.fashionml.eval.QualityGate;
import io.github.fashionml.model.Architectures;
import io.github.fashionml.model.ModelSpec;
import io.github.fashionml.nativeblas.NativeBackend;
import io.github.fashionml.predict.PredictJob;
import io.github.fashionml.testing.TestData;
import io.github.fashionml.train.TrainJob;
import io.github.fashionml.train.TrainingRun;
import io.github.fashionml.util.Json;
import io.github.fashionml.util.ProgressLog;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.io.BufferedReader;
import java.io.File;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * Native work in a child JVM, as the goals run it by default: progress streams back, errors keep their kind, a
 * killed child leaves the previous outputs as they were, a child ends with its parent, and nothing is started when
 * every model is up to date. This test's JVM never loads ND4J.
 */
class JobRunnerTest {
    private static ResolvedDataset dataset;
    private final List<String> lines = Collections.synchronizedList(new ArrayList<>());
    private final List<String> warnings = Collections.synchronizedList(new ArrayList<>());

    @BeforeAll
    static void data() throws Exception {
        FetchOptions options = new FetchOptions(TestData.subsetDirectory(), TestData.scratchDirectory("cache"), null,
                List.of(), true, Duration.ofSeconds(1), Duration.ofSeconds(1), TestData.subsetContents());
        dataset = new DatasetResolver(options, ProgressLog.silent()).resolve();
    }

    private static List<Path> testClasspath() {
        return Arrays.stream(System.getProperty("java.class.path").split(File.pathSeparator)).map(Path::of).toList();
    }

    private static ForkOptions forked() {
        return new ForkOptions(true, null, List.of("-Xmx1g"), testClasspath(), NativeBackend.AUTO, null);
    }

    private ProgressLog log(Runnable onFirstEpoch) {
        return new ProgressLog() {
            @Override
            public void info(String message) {
                lines.add(message);
                if (message.contains("epoch 1/")) {
                    onFirstEpoch.run();
                }
            }

            @Override
            public void warn(String message) {
                warnings.add(message);
            }
        };
    }

    private static TrainJob train(Path dir, int epochs, boolean force) throws Exception {
        ModelSpec spec = Architectures.defaults("dnn").withEpochs(epochs).withEarlyStopping(null);
        return new TrainJob(List.of(spec), dataset, new TrainingRun.Options(dir, force, 0, 0, null));
    }

    @Test
    void trainsInAChildThatStreamsItsProgressAndStartsNoneWhenUpToDate() throws Exception {
        Path dir = TestData.scratchDirectory("fork");
        new JobRunner(forked(), log(() -> { })).run(train(dir, 2, false));
        assertTrue(lines.stream().anyMatch(l -> l.startsWith("Forking a JVM for training (")), lines.toString());
        assertTrue(lines.stream().anyMatch(l -> l.startsWith("dnn: epoch 2/2")), "the child's progress: " + lines);
        assertTrue(Files.isRegularFile(dir.resolve("dnn/model.zip")));

        lines.clear();
        new JobRunner(forked(), log(() -> { })).run(train(dir, 2, false));
        assertTrue(lines.stream().anyMatch(l -> l.startsWith("dnn: up to date")), lines.toString());
        assertFalse(lines.stream().anyMatch(l -> l.startsWith("Forking")), "no JVM for nothing: " + lines);

        // Evaluated once in a child, then up to date: the report again, the gate checked, no child.
        List<QualityGate> gates = List.of(new QualityGate(null, 0.0, null, null));
        new JobRunner(forked(), log(() -> { })).run(new EvaluateJob(List.of("dnn"), dataset, dir, gates, true));
        lines.clear();
        new JobRunner(forked(), log(() -> { })).run(new EvaluateJob(List.of("dnn"), dataset, dir, gates, true));
        assertTrue(lines.stream().anyMatch(l -> l.contains("up to date: the model and test images are those of "
                + "evaluation.json")), lines.toString());
        assertFalse(lines.stream().anyMatch(l -> l.startsWith("Forking")), lines.toString());
        FashionMlException missed = assertThrows(FashionMlException.class, () -> new JobRunner(forked(), log(() -> { }))
                .run(new EvaluateJob(List.of("dnn"), dataset, dir, List.of(new QualityGate(null, 1.0, null, null)),
                        true)));
        assertTrue(missed.getMessage().startsWith("Quality gate failed"), missed.getMessage());
    }

    @Test
    void aKilledChildGivesAClearErrorAndLeavesThePreviousOutputs() throws Exception {
        Path dir = TestData.scratchDirectory("fork-killed");
        new JobRunner(forked(), log(() -> { })).run(train(dir, 1, false));
        byte[] model = Files.readAllBytes(dir.resolve("dnn/model.zip"));
        byte[] manifest = Files.readAllBytes(dir.resolve("dnn/manifest.json"));

        FashionMlException e = assertThrows(FashionMlException.class, () -> new JobRunner(forked(),
                log(JobRunnerTest::killChildren)).run(train(dir, 500, true)));
        assertTrue(e.getMessage().startsWith("The forked JVM for training was killed (SIGKILL"), e.getMessage());
        assertTrue(e.getMessage().contains("keeps its earlier version"), e.getMessage());
        assertArrayEquals(model, Files.readAllBytes(dir.resolve("dnn/model.zip")));
        assertArrayEquals(manifest, Files.readAllBytes(dir.resolve("dnn/manifest.json")));
    }

    /** This test's JVM starts no process but the runner's children. */
    private static void killChildren() {
        ProcessHandle.current().descendants().forEach(ProcessHandle::destroyForcibly);
    }

    @Test
    void theChildsErrorsKeepTheirKind() throws Exception {
        Path dir = TestData.scratchDirectory("fork-errors");
        Path missing = dir.resolve("no-such-images");
        ConfigurationException e = assertThrows(ConfigurationException.class, () -> new JobRunner(forked(),
                log(() -> { })).run(new PredictJob(dir, "cnn", TestData.subsetFile(
                        io.github.fashionml.data.FashionMnistFile.TEST_IMAGES), missing, null)));
        assertTrue(e.getMessage().startsWith("fashionml.images: " + missing + " does not exist"),
                "the child's own message: " + e.getMessage());
    }

    /** A job with nothing to do, as when every model is up to date: it says whether it was asked. */
    private static final class UpToDateJob implements NativeJob {
        private boolean asked;

        @Override
        public String activity() {
            return "nothing";
        }

        @Override
        public void run(NativeBackend backend, ProgressLog log) {
            throw new AssertionError("an up-to-date job never runs");
        }

        @Override
        public boolean completeWithoutNative(PlannedSettings settings, ProgressLog log) {
            asked = true;
            return true;
        }
    }

    private static ForkOptions forkedWith(Path java) {
        return new ForkOptions(true, java, List.of(), testClasspath(), NativeBackend.AUTO, null);
    }

    @Test
    void aJavaThatDoesNotExistFailsAtOnceEvenWithNothingToDo() throws Exception {
        Path missing = TestData.scratchDirectory("fork-no-java").resolve("no-jdk/bin/java");
        UpToDateJob job = new UpToDateJob();
        ConfigurationException e = assertThrows(ConfigurationException.class,
                () -> new JobRunner(forkedWith(missing), log(() -> { })).run(job));
        assertEquals("The java executable for the forked JVM, " + missing + ", does not exist. Set <jvm> "
                + "(-Dfashionml.jvm) to the java binary of a Java 17 or newer, or remove it to fork the java of the "
                + "build's jdk toolchain, else the one running Maven.", e.getMessage());
        assertFalse(job.asked, "checked before deciding whether there is work");
        assertThrows(ConfigurationException.class,
                () -> new JobRunner(forkedWith(missing), log(() -> { })).runInChild(job));
    }

    @Test
    void aJdkDirectoryIsNamedWithTheBinaryInside() throws Exception {
        Path jdk = Path.of(System.getProperty("java.home"));
        ConfigurationException e = assertThrows(ConfigurationException.class,
                () -> new JobRunner(forkedWith(jdk), log(() -> { })).run(new UpToDateJob()));
        assertTrue(e.getMessage().startsWith("The java executable for the forked JVM, " + jdk + ", is a directory. "
                + "Set <jvm> (-Dfashionml.jvm) to the java binary inside it, " + jdk.resolve("bin/java") + ", or "
                + "remove it"), e.getMessage());
    }

    @Test
    void aFileThatCannotBeRunIsNamed() throws Exception {
        Path notExecutable = Files.writeString(TestData.scratchDirectory("fork-not-executable").resolve("java"), "");
        assumeTrue(!Files.isExecutable(notExecutable), "a file system without permissions");
        ConfigurationException e = assertThrows(ConfigurationException.class,
                () -> new JobRunner(forkedWith(notExecutable), log(() -> { })).run(new UpToDateJob()));
        assertTrue(e.getMessage().startsWith("The java executable for the forked JVM, " + notExecutable + ", is not "
                + "an executable file. Set <jvm>"), e.getMessage());
    }

    @Test
    void theJavaIsCheckedOnlyWhereItWillBeUsed() throws Exception {
        Path missing = TestData.scratchDirectory("fork-off").resolve("no-jdk/bin/java");
        UpToDateJob job = new UpToDateJob();
        new JobRunner(new ForkOptions(false, missing, List.of(), List.of(), NativeBackend.AUTO, null),
                log(() -> { })).run(job);
        assertTrue(job.asked, "fork off: no child, so its java is not looked at");
        UpToDateJob forked = new UpToDateJob();
        new JobRunner(forkedWith(Path.of(System.getProperty("java.home"), "bin", "java")), log(() -> { }))
                .run(forked);
        assertTrue(forked.asked);
    }

    @Test
    void aChildWhoseParentWentAwayEndsItself() throws Exception {
        Path dir = TestData.scratchDirectory("fork-orphan");
        Path request = dir.resolve("request.json");
        Json.write(request, new ChildMain.Request(NativeBackend.AUTO, null, train(dir, 500, false)));
        List<String> command = List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-cp",
                System.getProperty("java.class.path"), ChildMain.class.getName(), request.toString(),
                dir.resolve("result.json").toString());
        Process child = new ProcessBuilder(command).redirectErrorStream(true).start();
        try (BufferedReader out = new BufferedReader(new InputStreamReader(child.getInputStream(),
                StandardCharsets.UTF_8))) {
            String line;
            while ((line = out.readLine()) != null && !line.contains("epoch 1/")) {
                // Wait until it trains.
            }
            child.getOutputStream().close(); // what the parent's death does to the pipe
            assertTrue(child.waitFor(20, TimeUnit.SECONDS), "the child went on training without its parent");
        } finally {
            child.destroyForcibly();
        }
        assertEquals(3, child.exitValue());
        assertFalse(Files.exists(dir.resolve("result.json")));
    }

    @Test
    void stoppingTheParentAsCtrlCDoesStopsTheChild() throws Exception {
        Path dir = TestData.scratchDirectory("fork-ctrl-c");
        try (io.github.fashionml.testing.ChildJvm maven = new io.github.fashionml.testing.ChildJvm(
                io.github.fashionml.testing.ForkInChildJvm.class, dir.toString(), "500")) {
            maven.awaitLine(l -> l.contains("epoch 1/"), 120);
            List<ProcessHandle> children = maven.descendants();
            assertEquals(1, children.size(), "one forked JVM: " + children);
            maven.terminate();
            maven.waitFor(30);
            assertTrue(children.get(0).onExit().isDone() || waitForExit(children.get(0)),
                    "the forked JVM outlived its parent: " + children.get(0).info());
        }
    }

    private static boolean waitForExit(ProcessHandle process) throws Exception {
        try {
            process.onExit().get(20, TimeUnit.SECONDS);
            return true;
        } catch (java.util.concurrent.TimeoutException e) {
            process.destroyForcibly();
            return false;
        }
    }

    @Test
    void everyJobSurvivesTheTripToTheChild() throws Exception {
        Path dir = TestData.scratchDirectory("fork-json");
        List<NativeJob> jobs = List.of(train(dir, 3, true),
                new EvaluateJob(List.of("cnn", "dnn"), dataset, dir, List.of(new QualityGate("cnn", 0.9, 0.8, null)),
                        false),
                new PredictJob(dir, "cnn", null, dir.resolve("images"), dir.resolve("p.json")),
                new io.github.fashionml.compare.CompareJob(List.of("cnn"), dir, dir.resolve("b.zip"), "cnn", 0.01,
                        List.of(), dataset),
                new io.github.fashionml.reproduce.ReproduceJob(List.of("cnn"), dir, 1));
        for (NativeJob job : jobs) {
            Path file = dir.resolve("request.json");
            Json.write(file, new ChildMain.Request(NativeBackend.AUTO, "native", job));
            ChildMain.Request read = Json.read(file, ChildMain.Request.class, "");
            assertEquals(job, read.job());
            assertEquals("native", read.kernels());
        }
    }
}
