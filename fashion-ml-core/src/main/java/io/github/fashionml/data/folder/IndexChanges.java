package io.github.fashionml.data.folder;

/**
 * How the folder differs from the previous index, and what this run had to read.
 *
 * @param previousIndex whether a usable previous index was there (without one, every image counts as added)
 * @param added         images with no previous entry
 * @param removed       previous entries with no image now
 * @param changed       images whose content (SHA-256) differs from the previous entry
 * @param hashed        images read and hashed in this run: new ones, and those whose size or mtime changed
 * @param hashedBytes   bytes read
 */
public record IndexChanges(boolean previousIndex, int added, int removed, int changed, int hashed, long hashedBytes) {

    public boolean isUnchanged() {
        return added == 0 && removed == 0 && changed == 0;
    }

    /** E.g. {@code 3 added, 1 removed, 2 changed (read 5 files, 1.2 MB)}. */
    public String summary() {
        return String.format(java.util.Locale.ROOT, "%,d added, %,d removed, %,d changed%s (read %,d %s, %.1f MB)",
                added, removed, changed, previousIndex ? "" : " (no previous index)", hashed,
                hashed == 1 ? "file" : "files", hashedBytes / 1e6);
    }
}
