package io.github.fashionml.data.folder;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * What the index left out, counted so the caller can say so ("skipped 3 hidden files") instead of the user
 * wondering where images went.
 *
 * @param hidden              dot-files and dot-folders ({@code .DS_Store}, {@code ._x.png},
 *                            {@code .ipynb_checkpoints}); a folder counts once, its contents are not read
 * @param otherByExtension    files that are not images, by lower-case extension ({@link ImageFileNames#NO_EXTENSION}
 *                            for none; {@code (special)} for devices, pipes and sockets)
 * @param links               symbolic links not followed (set {@code followLinks} to follow them)
 * @param brokenLinks         followed links whose target is missing or unreadable
 * @param linkCycles          followed links to a folder that contains them, which would be walked for ever
 * @param outsideClassFolders images lying directly in the folder (or in {@code train/}, {@code test/}), so without
 *                            a class
 * @param unlistedClassFolders class folders not named in {@code classNames}, relative to the folder, in natural
 *                             order; not walked
 */
public record SkippedEntries(int hidden, SortedMap<String, Integer> otherByExtension, int links, int brokenLinks,
                             int linkCycles, int outsideClassFolders, List<String> unlistedClassFolders) {

    public SkippedEntries {
        otherByExtension = Collections.unmodifiableSortedMap(new TreeMap<>(otherByExtension));
        unlistedClassFolders = List.copyOf(unlistedClassFolders);
    }

    public int otherFiles() {
        return otherByExtension.values().stream().mapToInt(Integer::intValue).sum();
    }

    public boolean isEmpty() {
        return hidden == 0 && otherByExtension.isEmpty() && links == 0 && brokenLinks == 0 && linkCycles == 0
                && outsideClassFolders == 0 && unlistedClassFolders.isEmpty();
    }

    /** One line for the log, e.g. {@code skipped 3 hidden files or folders, 2 other files (csv 1, txt 1)}; empty if none. */
    public String summary() {
        List<String> parts = new ArrayList<>();
        if (hidden > 0) {
            parts.add(hidden + " hidden " + plural(hidden, "file or folder", "files or folders"));
        }
        if (!otherByExtension.isEmpty()) {
            List<String> kinds = new ArrayList<>();
            for (Map.Entry<String, Integer> e : otherByExtension.entrySet()) {
                kinds.add(e.getKey() + " " + e.getValue());
            }
            parts.add(otherFiles() + " other " + plural(otherFiles(), "file", "files") + " (" + String.join(", ", kinds)
                    + ")");
        }
        if (links > 0) {
            parts.add(links + " symbolic " + plural(links, "link", "links") + " (followLinks is off)");
        }
        if (brokenLinks > 0) {
            parts.add(brokenLinks + " broken symbolic " + plural(brokenLinks, "link", "links"));
        }
        if (linkCycles > 0) {
            parts.add(linkCycles + " symbolic " + plural(linkCycles, "link", "links") + " to a folder containing it");
        }
        if (outsideClassFolders > 0) {
            parts.add(outsideClassFolders + " " + plural(outsideClassFolders, "image", "images")
                    + " outside any class folder");
        }
        if (!unlistedClassFolders.isEmpty()) {
            parts.add(unlistedClassFolders.size() + " class " + plural(unlistedClassFolders.size(), "folder", "folders")
                    + " not in classNames (" + String.join(", ", unlistedClassFolders) + ")");
        }
        return parts.isEmpty() ? "" : "skipped " + String.join(", ", parts);
    }

    private static String plural(int n, String one, String many) {
        return n == 1 ? one : many;
    }
}
