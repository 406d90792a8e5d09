package io.github.fashionml.data.folder;

import java.util.List;
import java.util.Locale;

/** Which names are images, which are hidden, and what a name's extension is: decided by the name alone. */
public final class ImageFileNames {
    /** The extensions indexed, matched in any case ({@code .PNG} and {@code .Jpeg} are images too). */
    public static final List<String> EXTENSIONS = List.of("png", "jpg", "jpeg", "bmp", "gif");

    /** What {@link #extension} returns for a name without one. */
    public static final String NO_EXTENSION = "(none)";

    private ImageFileNames() {
    }

    /**
     * Dot-files and dot-folders: {@code .DS_Store}, {@code .ipynb_checkpoints}, and the {@code ._*} files macOS
     * writes beside every file it copies to a foreign file system (they end in {@code .png} too, but hold no image).
     */
    public static boolean isHidden(String name) {
        return name.startsWith(".");
    }

    public static boolean isImage(String name) {
        return !isHidden(name) && EXTENSIONS.contains(extension(name));
    }

    /** The part after the last dot, in lower case by the root locale (never Turkish dotless i), or {@link #NO_EXTENSION}. */
    public static String extension(String name) {
        int dot = name.lastIndexOf('.');
        return dot <= 0 || dot == name.length() - 1 ? NO_EXTENSION : name.substring(dot + 1).toLowerCase(Locale.ROOT);
    }
}
