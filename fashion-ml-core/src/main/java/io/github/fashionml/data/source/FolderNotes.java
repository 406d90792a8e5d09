package io.github.fashionml.data.source;

import com.fasterxml.jackson.annotation.JsonPropertyOrder;

import java.util.List;

/**
 * What a folder of images held besides the images used, as {@code dataset.json} records it and the report shows
 * it: the entries skipped (hidden, other files, links), the images left out as undecodable
 * ({@code <onCorrupt>skip</onCorrupt>}), and identical images across train and test or across classes.
 *
 * @param directory   the folder
 * @param skipped     what the index skipped, in words ("skipped 3 hidden files or folders"), or null for nothing
 * @param undecodable relative paths of the images left out because they could not be decoded
 * @param duplicates  one line per kind of harmful duplicate, with a count and the first paths
 */
@JsonPropertyOrder({"directory", "skipped", "undecodable", "duplicates"})
public record FolderNotes(String directory, String skipped, List<String> undecodable, List<String> duplicates) {
    public FolderNotes {
        undecodable = undecodable == null ? List.of() : List.copyOf(undecodable);
        duplicates = duplicates == null ? List.of() : List.copyOf(duplicates);
    }

    /** Each note as a sentence for the report; empty when the folder held nothing but usable images. */
    public List<String> lines() {
        List<String> lines = new java.util.ArrayList<>();
        if (skipped != null && !skipped.isBlank()) {
            lines.add(skipped.substring(0, 1).toUpperCase(java.util.Locale.ROOT) + skipped.substring(1));
        }
        if (!undecodable.isEmpty()) {
            lines.add(undecodable.size() + " image" + (undecodable.size() == 1 ? "" : "s") + " left out as "
                    + "undecodable: " + String.join(", ", undecodable.subList(0, Math.min(5, undecodable.size())))
                    + (undecodable.size() > 5 ? ", ..." : ""));
        }
        lines.addAll(duplicates);
        return lines;
    }
}
