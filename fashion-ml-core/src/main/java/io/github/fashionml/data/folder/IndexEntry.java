package io.github.fashionml.data.folder;

import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * What the index file remembers of one image, to trust its hash next time without reading it.
 *
 * @param size       bytes when it was hashed
 * @param mtimeNanos last modification when it was hashed, nanoseconds since the epoch
 * @param sha256     the content's SHA-256, lower-case hex
 * @param racy       the file was modified so shortly before it was read that a later change could keep the same
 *                   mtime (a file system may store mtimes in steps of up to 2 s): hash it again next time, as git
 *                   does with its "racily clean" entries
 */
record IndexEntry(@JsonProperty("size") long size, @JsonProperty("mtimeNanos") long mtimeNanos,
                  @JsonProperty("sha256") String sha256, @JsonProperty("racy") boolean racy) {

    /** Whether the hash still holds for a file with these attributes. */
    boolean matches(ListedFile file) {
        return !racy && size == file.size() && mtimeNanos == file.mtimeNanos();
    }

    boolean isWellFormed() {
        return size >= 0 && sha256 != null && sha256.matches("[0-9a-f]{64}");
    }
}
