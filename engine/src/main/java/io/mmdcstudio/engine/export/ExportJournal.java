package io.mmdcstudio.engine.export;

import com.fasterxml.jackson.databind.JsonNode;
import io.mmdcstudio.engine.io.AtomicFiles;
import io.mmdcstudio.engine.io.Json;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * The undo record of an export, written (atomically) before the first file is touched. It lists every planned
 * step rather than the steps done: after a crash or a kill, the file system itself tells which steps happened,
 * so the journal never has to be written in the middle of the work.
 *
 * @param format        always "mmdc-studio-export-journal"
 * @param formatVersion layout version (readers refuse newer ones)
 * @param mode          "copy", "move" or "link"
 * @param target        the export folder
 * @param run           the run folder whose result was exported
 * @param createdAt     ISO-8601 time the export began
 * @param entries       every planned step, in order
 * @param createdFolders folders the export created (undo removes them when they are empty again)
 * @param extraFiles    files of ours the export writes beside the images (the assignments with names)
 * @param completedAt   ISO-8601 time the export finished, or null when it did not (cancelled, crashed)
 * @param undoneAt      ISO-8601 time it was undone, or null
 */
public record ExportJournal(String format, int formatVersion, String mode, String target, String run,
        String createdAt, List<Entry> entries, List<String> createdFolders, List<String> extraFiles,
        String completedAt, String undoneAt) {

    /** The value of {@link #format}. */
    public static final String FORMAT = "mmdc-studio-export-journal";
    /** The layout version this code writes and reads. */
    public static final int FORMAT_VERSION = 1;

    public ExportJournal {
        entries = List.copyOf(entries);
        createdFolders = List.copyOf(createdFolders);
        extraFiles = List.copyOf(extraFiles);
    }

    /** One planned step: the image at {@code source} goes to {@code destination}. */
    public record Entry(String source, String destination) {}

    /** The export mode. */
    public ExportMode exportMode() {
        return ExportMode.parse(mode);
    }

    /** This journal marked finished at {@code time}. */
    public ExportJournal completed(String time) {
        return new ExportJournal(format, formatVersion, mode, target, run, createdAt, entries, createdFolders,
                extraFiles, time, undoneAt);
    }

    /** This journal marked undone at {@code time}. */
    public ExportJournal undone(String time) {
        return new ExportJournal(format, formatVersion, mode, target, run, createdAt, entries, createdFolders,
                extraFiles, completedAt, time);
    }

    /** Writes the journal atomically. */
    public void write(Path file) throws IOException {
        AtomicFiles.write(file, Json.mapper().writeValueAsBytes(this));
    }

    /** Reads a journal; another kind of file, a corrupt one or a newer version is refused with a clear message. */
    public static ExportJournal read(Path file) throws IOException {
        if (!Files.isRegularFile(file)) {
            throw new java.nio.file.NoSuchFileException(file.toString());
        }
        JsonNode node = Json.readTree(file);
        Json.requireFormat(file, node, FORMAT, FORMAT_VERSION);
        return Json.mapper().treeToValue(node, ExportJournal.class);
    }
}
