package io.github.fashionml.scaleout;

import io.github.fashionml.FashionMlException;
import io.github.fashionml.output.OutputLayout;
import io.github.fashionml.provenance.ModelManifest;
import io.github.fashionml.util.Json;
import io.github.fashionml.util.ProgressLog;
import io.github.fashionml.util.Sha256;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The gather job's first step: every planned leg that is not already here, trained from the planned inputs, is
 * resolved from the repository, checked and unpacked ({@link LegArchive}). A missing leg fails, naming it and its
 * coordinates; so does a stale one (trained from other inputs), unless stale legs are to be retrained here. Then
 * {@code train} finds every leg up to date and trains nothing.
 */
public final class LegGatherer {
    private final LegRepository repository;
    private final ProgressLog log;

    public LegGatherer(LegRepository repository, ProgressLog log) {
        this.repository = repository;
        this.log = log;
    }

    /** @param retrainStale leave stale legs for {@code train} to retrain here instead of failing */
    public void gather(LegPlan plan, Path outputDirectory, boolean retrainStale) throws FashionMlException,
            IOException {
        OutputLayout layout = new OutputLayout(outputDirectory);
        List<String> missing = new ArrayList<>();
        List<String> stale = new ArrayList<>();
        int local = 0;
        int unpacked = 0;
        for (Leg leg : plan.legs()) {
            if (presentHere(layout, leg)) {
                local++;
                continue;
            }
            Optional<Path> archive = repository.fetch(LegCoordinates.parse(leg.coordinates()));
            if (archive.isEmpty()) {
                missing.add(leg.name() + " (" + leg.coordinates() + ")");
                continue;
            }
            if (LegArchive.unpack(archive.get(), leg, outputDirectory) == LegArchive.Outcome.STALE) {
                stale.add(leg.name() + " (" + leg.coordinates() + ")");
                continue;
            }
            unpacked++;
            log.info("Leg " + leg.name() + ": gathered from " + leg.coordinates() + ", every file's SHA-256 checked");
        }
        log.info(String.format(java.util.Locale.ROOT, "Gathered %d of %d legs from %s (%d already here, %d missing, "
                + "%d stale)", unpacked, plan.legs().size(), repository.describe(), local, missing.size(),
                stale.size()));
        List<String> problems = new ArrayList<>();
        if (!missing.isEmpty()) {
            problems.add("missing from " + repository.describe() + ": " + String.join(", ", missing)
                    + "; run their matrix jobs (again) before the gather");
        }
        if (!stale.isEmpty()) {
            String what = "stale (trained from other inputs than this configuration's): " + String.join(", ", stale);
            if (retrainStale) {
                log.warn("Legs " + what + "; the train goal retrains them here (fashionml.retrainStale)");
            } else {
                problems.add(what + "; run their matrix jobs again, or set -Dfashionml.retrainStale=true to retrain "
                        + "them here");
            }
        }
        if (!problems.isEmpty()) {
            throw new FashionMlException("The gather lacks legs: " + String.join("; ", problems));
        }
    }

    /** Whether the leg's folder here is complete and trained from the planned inputs. */
    private static boolean presentHere(OutputLayout layout, Leg leg) throws IOException {
        Path manifestFile = layout.manifestFile(leg.name());
        Path modelFile = layout.modelFile(leg.name());
        if (!Files.isRegularFile(manifestFile) || !Files.isRegularFile(modelFile)
                || !Files.isRegularFile(layout.onnxFile(leg.name()))) {
            return false;
        }
        try {
            ModelManifest manifest = Json.read(manifestFile, ModelManifest.class, "gather the leg again");
            return manifest.fingerprint().equals(leg.fingerprint())
                    && manifest.outputs().modelSha256().equals(Sha256.of(Files.readAllBytes(modelFile)));
        } catch (IOException e) {
            return false;
        }
    }
}
