package io.github.fashionml.scaleout;

import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import io.github.fashionml.FashionMlException;
import io.github.fashionml.output.OutputLayout;
import io.github.fashionml.provenance.ModelManifest;
import io.github.fashionml.provenance.Versions;
import io.github.fashionml.util.AtomicFiles;
import io.github.fashionml.util.DeterministicZip;
import io.github.fashionml.util.Json;
import io.github.fashionml.util.Sha256;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ThreadLocalRandom;
import java.util.zip.ZipEntry;
import java.util.zip.ZipException;
import java.util.zip.ZipInputStream;

/**
 * A leg's folder as one artifact: {@code model.zip}, {@code model.onnx}, {@code history.json},
 * {@code manifest.json}, {@code evaluation.json} when the leg was evaluated, and {@code leg.json} (the leg's name,
 * fingerprint, the fashion-ml version and each file's SHA-256), zipped with fixed entry times in name order, so the
 * same folder always gives the same bytes. Unpacking checks everything before it writes anything, and replaces
 * the leg's folder in one move.
 */
public final class LegArchive {
    static final String LEG_FILE = "leg.json";
    private static final List<String> REQUIRED = List.of(OutputLayout.MODEL_FILE, OutputLayout.ONNX_FILE,
            OutputLayout.HISTORY_FILE, OutputLayout.MANIFEST_FILE);
    private static final List<String> OPTIONAL = List.of(OutputLayout.EVALUATION_FILE);

    /** {@code leg.json}. */
    @JsonPropertyOrder({"leg", "fingerprint", "fashionMlVersion", "files"})
    record Contents(String leg, String fingerprint, String fashionMlVersion, Map<String, String> files) {
    }

    /** What unpacking found. */
    public enum Outcome { UNPACKED, STALE }

    private LegArchive() {
    }

    /** The archive of a trained leg's folder. */
    public static byte[] pack(Path outputDirectory, String leg) throws FashionMlException, IOException {
        OutputLayout layout = new OutputLayout(outputDirectory);
        Path dir = layout.modelDirectory(leg);
        Map<String, byte[]> entries = new TreeMap<>();
        for (String file : REQUIRED) {
            Path path = dir.resolve(file);
            if (!Files.isRegularFile(path)) {
                throw new FashionMlException("Leg '" + leg + "' has no " + path + ": train it first (mvn verify "
                        + "-Dfashionml.modelNames=" + leg + ")");
            }
            entries.put(file, Files.readAllBytes(path));
        }
        for (String file : OPTIONAL) {
            Path path = dir.resolve(file);
            if (Files.isRegularFile(path)) {
                entries.put(file, Files.readAllBytes(path));
            }
        }
        ModelManifest manifest = layout.readManifest(leg);
        Map<String, String> hashes = new TreeMap<>();
        entries.forEach((name, bytes) -> hashes.put(name, Sha256.of(bytes)));
        entries.put(LEG_FILE, Json.MAPPER.writeValueAsBytes(new Contents(leg, manifest.fingerprint(),
                Versions.fashionMl(), hashes)));
        return DeterministicZip.of(entries);
    }

    /**
     * Checks a leg's archive and, unless it was trained from other inputs than {@code fingerprint}, unpacks it
     * into the leg's folder. A damaged archive, one for another leg or from another fashion-ml version fails,
     * naming the coordinates; nothing is written then.
     */
    public static Outcome unpack(Path archive, Leg leg, Path outputDirectory) throws FashionMlException, IOException {
        Map<String, byte[]> entries = read(archive, leg);
        byte[] legJson = entries.remove(LEG_FILE);
        if (legJson == null) {
            throw damaged(leg, "it has no " + LEG_FILE + "; it is not a fashion-ml leg");
        }
        Contents contents = Json.MAPPER.readValue(legJson, Contents.class);
        if (!Versions.fashionMl().equals(contents.fashionMlVersion())) {
            throw new FashionMlException("Leg '" + leg.name() + "' (" + leg.coordinates() + ") was published by "
                    + "fashion-ml " + contents.fashionMlVersion() + ", and this build is fashion-ml "
                    + Versions.fashionMl() + ": run the leg again with this version");
        }
        if (!leg.name().equals(contents.leg())) {
            throw damaged(leg, "it holds leg '" + contents.leg() + "'");
        }
        if (!entries.keySet().equals(contents.files().keySet()) || !entries.keySet().containsAll(REQUIRED)) {
            throw damaged(leg, "it holds " + entries.keySet() + ", its " + LEG_FILE + " lists "
                    + contents.files().keySet());
        }
        for (Map.Entry<String, byte[]> entry : entries.entrySet()) {
            String sha = Sha256.of(entry.getValue());
            if (!sha.equals(contents.files().get(entry.getKey()))) {
                throw damaged(leg, entry.getKey() + " has SHA-256 " + sha + ", " + LEG_FILE + " records "
                        + contents.files().get(entry.getKey()));
            }
        }
        ModelManifest manifest = Json.MAPPER.readValue(entries.get(OutputLayout.MANIFEST_FILE), ModelManifest.class);
        if (!leg.name().equals(manifest.model())
                || !Sha256.of(entries.get(OutputLayout.MODEL_FILE)).equals(manifest.outputs().modelSha256())
                || !manifest.fingerprint().equals(contents.fingerprint())) {
            throw damaged(leg, "its manifest does not describe its files");
        }
        if (!manifest.fingerprint().equals(leg.fingerprint())) {
            return Outcome.STALE;
        }
        replaceFolder(new OutputLayout(outputDirectory).modelDirectory(leg.name()), entries);
        return Outcome.UNPACKED;
    }

    /**
     * Whether an archive holds this leg trained from the same inputs to the same parameters: a rerun of the leg,
     * whatever its time stamps. Anything unreadable is not the same leg.
     */
    public static boolean sameLeg(Path archive, Leg leg, String parametersSha256) {
        try {
            Map<String, byte[]> entries = read(archive, leg);
            Contents contents = Json.MAPPER.readValue(entries.get(LEG_FILE), Contents.class);
            ModelManifest manifest = Json.MAPPER.readValue(entries.get(OutputLayout.MANIFEST_FILE),
                    ModelManifest.class);
            return leg.name().equals(contents.leg()) && leg.fingerprint().equals(contents.fingerprint())
                    && parametersSha256.equals(manifest.outputs().parametersSha256());
        } catch (IOException | FashionMlException | RuntimeException e) {
            return false;
        }
    }

    private static Map<String, byte[]> read(Path archive, Leg leg) throws FashionMlException, IOException {
        Map<String, byte[]> entries = new LinkedHashMap<>();
        try (ZipInputStream in = new ZipInputStream(new ByteArrayInputStream(Files.readAllBytes(archive)))) {
            ZipEntry entry;
            while ((entry = in.getNextEntry()) != null) {
                String name = entry.getName();
                if (!name.equals(LEG_FILE) && !REQUIRED.contains(name) && !OPTIONAL.contains(name)) {
                    throw damaged(leg, "it holds an unexpected entry '" + name + "'");
                }
                entries.put(name, in.readAllBytes());
            }
        } catch (ZipException | java.io.EOFException e) {
            throw damaged(leg, "it is not a readable zip (" + e.getMessage() + ")");
        }
        if (entries.isEmpty()) {
            throw damaged(leg, "it is empty or not a zip");
        }
        return entries;
    }

    /** The new folder is written beside the old and moved into place: the leg is whole or as it was. */
    private static void replaceFolder(Path target, Map<String, byte[]> entries) throws IOException {
        Path parent = target.toAbsolutePath().getParent();
        AtomicFiles.createDirectories(parent);
        String random = Long.toUnsignedString(ThreadLocalRandom.current().nextLong());
        Path temp = parent.resolve("." + target.getFileName() + "." + random + AtomicFiles.TEMP_SUFFIX);
        Path old = parent.resolve("." + target.getFileName() + "." + random + ".old");
        try {
            Files.createDirectories(temp);
            for (Map.Entry<String, byte[]> entry : entries.entrySet()) {
                Files.write(temp.resolve(entry.getKey()), entry.getValue());
            }
            if (Files.exists(target)) {
                Files.move(target, old);
            }
            Files.move(temp, target, java.nio.file.StandardCopyOption.ATOMIC_MOVE);
        } finally {
            AtomicFiles.deleteTree(temp);
            AtomicFiles.deleteTree(old);
        }
    }


    private static FashionMlException damaged(Leg leg, String what) {
        return new FashionMlException("The artifact of leg '" + leg.name() + "' (" + leg.coordinates()
                + ") is damaged: " + what + ". Nothing was unpacked; run the leg again to publish it anew");
    }
}
