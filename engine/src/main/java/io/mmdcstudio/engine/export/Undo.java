package io.mmdcstudio.engine.export;

import java.io.IOException;
import java.nio.file.DirectoryNotEmptyException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.function.BooleanSupplier;

/**
 * Undoes an export from its journal, whatever state the export reached (finished, cancelled, or killed between
 * two system calls). Each step is judged from the file system: a moved file goes back, a copy or link the export
 * made is removed, a step never reached needs nothing. Anything that does not look like the export left it (a
 * copy that was edited since, a name taken by another file) is left alone and reported, so undo never destroys
 * what it cannot account for. Running it twice is harmless.
 */
public final class Undo {

    private Undo() {}

    /** Undoes the export recorded in {@code journalFile}, then marks the journal undone. */
    public static ExportReport undo(Path journalFile, ExportProgress.Listener listener, BooleanSupplier cancelled)
            throws IOException {
        ExportJournal journal = ExportJournal.read(journalFile);
        ExportMode mode = journal.exportMode();
        List<ExportPlan.Skipped> problems = new ArrayList<>();
        int done = 0;
        int unchanged = 0;
        long t0 = System.nanoTime();
        List<ExportJournal.Entry> entries = journal.entries();
        for (int i = entries.size() - 1; i >= 0; i--) {
            if (cancelled.getAsBoolean()) {
                return new ExportReport(done, unchanged, problems, true, journalFile);
            }
            ExportJournal.Entry e = entries.get(i);
            Path source = Path.of(e.source());
            Path destination = Path.of(e.destination());
            Files.deleteIfExists(FileSteps.temp(destination)); // a copy interrupted before it got its name
            String problem = null;
            try {
                problem = step(mode, source, destination);
            } catch (IOException ex) {
                problem = "could not be undone: " + ex.getMessage();
            }
            if (problem == null) {
                done++;
            } else if (problem.isEmpty()) {
                unchanged++;
            } else {
                problems.add(new ExportPlan.Skipped(e.source(), problem));
            }
            listener.onProgress(ExportProgress.of(entries.size() - i, entries.size(), System.nanoTime() - t0));
        }
        for (String extra : journal.extraFiles()) {
            Files.deleteIfExists(Path.of(extra));
        }
        removeEmptyFolders(journal.createdFolders());
        journal.undone(Instant.now().toString()).write(journalFile);
        return new ExportReport(done, unchanged, problems, false, journalFile);
    }

    /** Undoes one step: null when done, "" when nothing was needed, else why the files were left alone. */
    private static String step(ExportMode mode, Path source, Path destination) throws IOException {
        boolean atDestination = Files.exists(destination, LinkOption.NOFOLLOW_LINKS);
        boolean atSource = Files.exists(source, LinkOption.NOFOLLOW_LINKS);
        if (!atDestination) {
            return atSource ? "" : "missing from both " + source + " and " + destination;
        }
        return switch (mode) {
            case MOVE -> undoMove(source, destination, atSource);
            case COPY -> undoCopy(source, destination, atSource);
            case LINK -> undoLink(source, destination);
        };
    }

    private static String undoMove(Path source, Path destination, boolean atSource) throws IOException {
        if (!atSource) {
            Files.createDirectories(source.getParent());
            FileSteps.move(destination, source);
            return null;
        }
        // Both names exist: the export died between giving the file its new name and removing the old one.
        if (FileSteps.sameContent(source, destination)) {
            Files.delete(destination);
            return null;
        }
        return "kept both: " + source + " and " + destination + " now differ";
    }

    private static String undoCopy(Path source, Path destination, boolean atSource) throws IOException {
        if (!atSource) {
            return "kept the copy " + destination + ": the original is gone";
        }
        if (!FileSteps.sameContent(source, destination)) {
            return "kept the copy " + destination + ": it was changed after the export";
        }
        Files.delete(destination);
        return null;
    }

    private static String undoLink(Path source, Path destination) throws IOException {
        if (Files.isSymbolicLink(destination) && Files.readSymbolicLink(destination).equals(source)) {
            Files.delete(destination);
            return null;
        }
        return "kept " + destination + ": it is no longer the link the export made";
    }

    private static void removeEmptyFolders(List<String> folders) throws IOException {
        for (int i = folders.size() - 1; i >= 0; i--) {
            try {
                Files.deleteIfExists(Path.of(folders.get(i)));
            } catch (DirectoryNotEmptyException e) {
                // something else lives there now (e.g. the journal itself, or the person's own files): keep it
            }
        }
    }
}
