package io.github.fashionml.util;

import com.fasterxml.jackson.core.JacksonException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;

import java.io.IOException;
import java.nio.file.Path;

/** The one JSON configuration every output uses: indented, keys in declared order, unknown fields tolerated. */
public final class Json {
    public static final ObjectMapper MAPPER = new ObjectMapper()
            .enable(SerializationFeature.INDENT_OUTPUT)
            .enable(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS)
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);

    private Json() {
    }

    /** Writes a value as JSON, atomically. */
    public static void write(Path target, Object value) throws IOException {
        byte[] bytes = MAPPER.writeValueAsBytes(value);
        AtomicFiles.write(target, out -> out.write(bytes));
    }

    /** Reads a JSON file; a malformed one is an IOException naming the file and what to do. */
    public static <T> T read(Path source, Class<T> type, String remedy) throws IOException {
        try {
            return MAPPER.readValue(source.toFile(), type);
        } catch (JacksonException e) {
            throw new IOException(source + " is not a valid " + type.getSimpleName() + " file ("
                    + e.getOriginalMessage() + "); " + remedy, e);
        }
    }

    /** Compact canonical form, for hashing. */
    public static byte[] canonical(Object value) throws IOException {
        return MAPPER.writer().without(SerializationFeature.INDENT_OUTPUT).writeValueAsBytes(value);
    }
}
