package io.mmdcstudio.engine.session;

import com.fasterxml.jackson.databind.JsonNode;
import io.mmdcstudio.engine.io.AtomicFiles;
import io.mmdcstudio.engine.io.Json;
import io.mmdcstudio.engine.run.RunConfig;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * A run of the window in progress, recorded beside its checkpoint ({@code pending-run.json}) when it starts and
 * removed when it ends: found at the next start, it means the app crashed or was killed mid-run, and the run can
 * go on from its last checkpoint with the same data and settings.
 *
 * @param format        always "mmdc-studio-pending-run"
 * @param formatVersion layout version (readers refuse newer ones)
 * @param dataPath      the images, as an absolute path
 * @param config        the run's settings
 * @param startedAt     ISO-8601 time the run started
 */
public record PendingRun(String format, int formatVersion, String dataPath, RunConfig config, String startedAt) {

    /** File name beside the checkpoint. */
    public static final String FILE = "pending-run.json";
    /** The value of {@link #format}. */
    public static final String FORMAT = "mmdc-studio-pending-run";
    /** The layout version this code writes and reads. */
    public static final int FORMAT_VERSION = 1;

    /** A record of the current format. */
    public static PendingRun of(String dataPath, RunConfig config, String startedAt) {
        return new PendingRun(FORMAT, FORMAT_VERSION, dataPath, config, startedAt);
    }

    /** Writes {@code dir/pending-run.json} atomically. */
    public void write(Path dir) throws IOException {
        Files.createDirectories(dir);
        AtomicFiles.write(dir.resolve(FILE), Json.mapper().writeValueAsBytes(this));
    }

    /** Whether {@code dir} records a run that never ended. */
    public static boolean exists(Path dir) {
        return Files.isRegularFile(dir.resolve(FILE));
    }

    /** Reads {@code dir/pending-run.json}; a corrupt or newer file is refused with a clear message. */
    public static PendingRun read(Path dir) throws IOException {
        Path file = dir.resolve(FILE);
        JsonNode node = Json.readTree(file);
        Json.requireFormat(file, node, FORMAT, FORMAT_VERSION);
        try {
            return Json.mapper().treeToValue(node, PendingRun.class);
        } catch (com.fasterxml.jackson.core.JacksonException e) {
            throw new IOException(file + " is corrupt: " + e.getOriginalMessage(), e);
        }
    }

    /** Marks the run ended (finished, cancelled or failed): removes the record, keeps the checkpoint. */
    public static void clear(Path dir) throws IOException {
        Files.deleteIfExists(dir.resolve(FILE));
    }
}
