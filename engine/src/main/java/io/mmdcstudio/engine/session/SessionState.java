package io.mmdcstudio.engine.session;

import com.fasterxml.jackson.databind.JsonNode;
import io.mmdcstudio.engine.io.AtomicFiles;
import io.mmdcstudio.engine.io.Json;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;

/**
 * What the window showed when a session was saved, kept as {@code session.json} in the session folder beside the
 * run's own files. Its presence marks a folder as a complete session: it is written last.
 *
 * @param format        always "mmdc-studio-session"
 * @param formatVersion layout version (readers refuse newer ones)
 * @param dataPath      the images, as an absolute path
 * @param selectedTab   the tab on screen ("Training", "Clusters", "Map", "Confusion matrix")
 * @param selectedItem  the image whose details were shown (as assignments.csv names it), or null
 * @param mapMethod     how the saved map was made ("t-SNE", "PCA"), or null when the session has no map
 * @param savedAt       ISO-8601 time of saving
 */
public record SessionState(String format, int formatVersion, String dataPath, String selectedTab,
        String selectedItem, String mapMethod, String savedAt) {

    /** File name inside a session folder. */
    public static final String FILE = "session.json";
    /** The value of {@link #format}. */
    public static final String FORMAT = "mmdc-studio-session";
    /** The layout version this code writes and reads. */
    public static final int FORMAT_VERSION = 1;
    /** The suffix of a session folder's name. */
    public static final String SUFFIX = ".mmdc-session";

    /** A state of the current format. */
    public static SessionState of(String dataPath, String selectedTab, String selectedItem, String mapMethod,
            String savedAt) {
        return new SessionState(FORMAT, FORMAT_VERSION, dataPath, selectedTab, selectedItem, mapMethod, savedAt);
    }

    /** Whether {@code dir} holds a session (its session.json). */
    public static boolean isSession(Path dir) {
        return Files.isRegularFile(dir.resolve(FILE));
    }

    /** Writes {@code dir/session.json} atomically. */
    public void write(Path dir) throws IOException {
        AtomicFiles.write(dir.resolve(FILE), Json.mapper().writeValueAsBytes(this));
    }

    /** Reads {@code dir/session.json}; a missing, corrupt or newer file is refused with a clear message. */
    public static SessionState read(Path dir) throws IOException {
        Path file = dir.resolve(FILE);
        if (!Files.isRegularFile(file)) {
            throw new NoSuchFileException(file.toString(), null, "not a session: it has no " + FILE);
        }
        JsonNode node = Json.readTree(file);
        Json.requireFormat(file, node, FORMAT, FORMAT_VERSION);
        try {
            return Json.mapper().treeToValue(node, SessionState.class);
        } catch (com.fasterxml.jackson.core.JacksonException e) {
            throw new IOException(file + " is corrupt: " + e.getOriginalMessage(), e);
        }
    }
}
