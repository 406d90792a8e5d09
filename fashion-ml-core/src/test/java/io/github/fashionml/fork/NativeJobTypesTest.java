package io.github.fashionml.fork;

import io.github.fashionml.nativeblas.NativeBackend;
import io.github.fashionml.testing.TestData;
import io.github.fashionml.util.Json;
import io.github.fashionml.util.ProgressLog;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The request JSON names a job by its class, so a job the fork package has never heard of reaches the child; a class
 * that is not a job is refused before any of its code runs.
 */
class NativeJobTypesTest {
    private static final String TRIPWIRE_PROPERTY = "fashionml.test.tripwire";

    /** A job defined outside the fork package and listed nowhere: as a new goal's would be. */
    record ProbeJob(String label, int epochs) implements NativeJob {
        @Override
        public String activity() {
            return "probing";
        }

        @Override
        public void run(NativeBackend backend, ProgressLog log) {
            log.info(label);
        }
    }

    /** Not a job; its static initialiser must never run on reading a request. */
    static final class Tripwire {
        static {
            System.setProperty(TRIPWIRE_PROPERTY, "ran");
        }
    }

    @Test
    void aJobNoForkClassListsRoundTripsThroughTheRequest() throws Exception {
        Path file = TestData.scratchDirectory("job-types").resolve("request.json");
        ProbeJob job = new ProbeJob("a new goal", 3);
        Json.write(file, new ChildMain.Request(NativeBackend.AUTO, "pinned", job));
        assertTrue(Files.readString(file).contains("\"type\" : \"" + ProbeJob.class.getName() + "\""),
                Files.readString(file));
        ChildMain.Request read = Json.read(file, ChildMain.Request.class, "it is written by the parent JVM");
        assertEquals(job, read.job());
        assertEquals("pinned", read.kernels());
    }

    @Test
    void aClassThatIsNotAJobIsRefusedWithoutRunningIt() throws Exception {
        Path file = request("job-types-refused", Tripwire.class.getName());
        IOException e = assertThrows(IOException.class,
                () -> Json.read(file, ChildMain.Request.class, "it is written by the parent JVM"));
        assertTrue(e.getMessage().contains("Job type '" + Tripwire.class.getName() + "' refused: not a job: only a "
                + "concrete class implementing io.github.fashionml.fork.NativeJob is run"), e.getMessage());
        assertNull(System.getProperty(TRIPWIRE_PROPERTY), "the refused class's static code ran");
    }

    @Test
    void anUnknownClassIsNamed() throws Exception {
        Path file = request("job-types-unknown", "io.github.fashionml.nowhere.GoneJob");
        IOException e = assertThrows(IOException.class,
                () -> Json.read(file, ChildMain.Request.class, "it is written by the parent JVM"));
        assertTrue(e.getMessage().contains("Job type 'io.github.fashionml.nowhere.GoneJob' refused: no such class"),
                e.getMessage());
    }

    @Test
    void theJobInterfaceItselfIsNoJob() throws Exception {
        Path file = request("job-types-interface", NativeJob.class.getName());
        IOException e = assertThrows(IOException.class,
                () -> Json.read(file, ChildMain.Request.class, "it is written by the parent JVM"));
        assertTrue(e.getMessage().contains("refused: not a job"), e.getMessage());
    }

    private static Path request(String scratch, String type) throws IOException {
        Path file = TestData.scratchDirectory(scratch).resolve("request.json");
        Files.writeString(file, "{\"nd4jClassifier\": \"auto\", \"kernels\": null, \"job\": {\"type\": \"" + type
                + "\", \"label\": \"x\"}}");
        return file;
    }
}
