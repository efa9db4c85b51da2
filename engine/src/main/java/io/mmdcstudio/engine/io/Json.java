package io.mmdcstudio.engine.io;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import java.io.IOException;
import java.nio.file.Path;

/** The one Jackson mapper of the engine: records in and out, pretty-printed, strict about unknown fields. */
public final class Json {

    private static final ObjectMapper MAPPER = JsonMapper.builder()
            .enable(SerializationFeature.INDENT_OUTPUT)
            .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .disable(SerializationFeature.FAIL_ON_EMPTY_BEANS)
            .build();

    private Json() {}

    /** The shared mapper (thread-safe once configured). */
    public static ObjectMapper mapper() {
        return MAPPER;
    }

    /**
     * Refuses, with a message a person understands, a file of ours that is of another kind or was written by a
     * newer version: every file the app writes carries {@code format} and {@code formatVersion}.
     */
    public static void requireFormat(Path file, JsonNode node, String format, int newestVersion) throws IOException {
        if (!format.equals(node.path("format").asText())) {
            throw new IOException(file + " is not an MMDC Studio " + format.replace("mmdc-studio-", "") + " file");
        }
        int version = node.path("formatVersion").asInt(-1);
        if (version > newestVersion) {
            throw new IOException(file + " was written by a newer MMDC Studio (format " + version
                    + "); this version reads up to " + newestVersion);
        }
    }

    /** Reads a JSON file of ours, turning a parse failure into "corrupt" with the file named. */
    public static JsonNode readTree(Path file) throws IOException {
        try {
            return MAPPER.readTree(file.toFile());
        } catch (com.fasterxml.jackson.core.JacksonException e) {
            throw new IOException(file + " is corrupt: " + e.getOriginalMessage(), e);
        }
    }
}
