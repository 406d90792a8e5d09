package io.github.fashionml.util;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.time.LocalDateTime;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import java.util.zip.ZipOutputStream;

/** Rewrites a zip with fixed entry times, so the same contents always give the same bytes. */
public final class DeterministicZip {
    /** A fixed local time, well inside the DOS date range zip stores; set as local time, so no time zone enters. */
    private static final LocalDateTime FIXED = LocalDateTime.of(2000, 1, 1, 0, 0);

    private DeterministicZip() {
    }

    /** A new zip of these entries (name to content), in name order, with fixed times. */
    public static byte[] of(java.util.Map<String, byte[]> entries) throws IOException {
        ByteArrayOutputStream empty = new ByteArrayOutputStream();
        new ZipOutputStream(empty).close();
        return normalize(empty.toByteArray(), entries);
    }

    public static byte[] normalize(byte[] zip) throws IOException {
        return normalize(zip, java.util.Map.of());
    }

    /** As {@link #normalize(byte[])}, adding entries (name to content) after the existing ones, in name order. */
    public static byte[] normalize(byte[] zip, java.util.Map<String, byte[]> extra) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream(zip.length);
        try (ZipInputStream in = new ZipInputStream(new ByteArrayInputStream(zip));
             ZipOutputStream zipOut = new ZipOutputStream(out)) {
            ZipEntry entry;
            while ((entry = in.getNextEntry()) != null) {
                if (extra.containsKey(entry.getName())) {
                    continue;
                }
                ZipEntry copy = new ZipEntry(entry.getName());
                copy.setTimeLocal(FIXED);
                zipOut.putNextEntry(copy);
                in.transferTo(zipOut);
                zipOut.closeEntry();
            }
            for (var added : new java.util.TreeMap<>(extra).entrySet()) {
                ZipEntry extraEntry = new ZipEntry(added.getKey());
                extraEntry.setTimeLocal(FIXED);
                zipOut.putNextEntry(extraEntry);
                zipOut.write(added.getValue());
                zipOut.closeEntry();
            }
        }
        return out.toByteArray();
    }
}
