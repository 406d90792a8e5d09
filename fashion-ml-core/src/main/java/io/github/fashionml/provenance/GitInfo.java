package io.github.fashionml.provenance;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

/**
 * The commit a project was built from, and whether its work tree had uncommitted changes.
 *
 * @param commit the full commit id
 * @param dirty  true when tracked files differ from the commit or untracked files exist
 */
public record GitInfo(String commit, boolean dirty) {

    /** The state of the git checkout holding {@code directory}, or null when there is none (or no git). */
    public static GitInfo of(Path directory) {
        if (directory == null || !Files.isDirectory(directory)) {
            return null;
        }
        String commit = run(directory, "git", "rev-parse", "HEAD");
        if (commit == null || !commit.matches("[0-9a-f]{40}")) {
            return null;
        }
        String status = run(directory, "git", "status", "--porcelain");
        return new GitInfo(commit, status == null || !status.isEmpty());
    }

    private static String run(Path directory, String... command) {
        try {
            Process process = new ProcessBuilder(command).directory(directory.toFile())
                    .redirectErrorStream(false).redirectError(ProcessBuilder.Redirect.DISCARD).start();
            byte[] out = process.getInputStream().readAllBytes();
            if (!process.waitFor(10, TimeUnit.SECONDS) || process.exitValue() != 0) {
                process.destroyForcibly();
                return null;
            }
            return new String(out, StandardCharsets.UTF_8).trim();
        } catch (IOException e) {
            return null; // no git on this machine
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return null;
        }
    }
}
