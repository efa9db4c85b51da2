package io.mmdcstudio.app;

import io.mmdcstudio.engine.results.Assignment;
import io.mmdcstudio.engine.results.ResultFiles;
import io.mmdcstudio.engine.results.RunEdits;
import io.mmdcstudio.engine.results.RunManifest;
import java.io.IOException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * Reads a run folder for the commands that work on a finished run ({@code map}, {@code export}). A file we can
 * read but not understand is bad input (exit 2, one clear line); a file-system failure stays what it is.
 */
final class RunFolders {

    private RunFolders() {}

    static RunManifest manifest(Path run) throws IOException {
        requireFolder(run);
        return badInputIfMalformed(() -> ResultFiles.readManifest(run));
    }

    static List<Assignment> assignments(Path run) throws IOException {
        requireFolder(run);
        return badInputIfMalformed(() -> ResultFiles.readAssignments(run));
    }

    static RunEdits edits(Path run) throws IOException {
        return badInputIfMalformed(() -> RunEdits.read(run));
    }

    static float[][] embeddings(Path run) throws IOException {
        requireFolder(run);
        return badInputIfMalformed(() -> ResultFiles.readEmbeddings(run));
    }

    private static void requireFolder(Path run) {
        if (!Files.isDirectory(run)) {
            throw new IllegalArgumentException("no such run folder: " + run);
        }
    }

    /** Reads something from a run folder. */
    interface Read<T> {
        T read() throws IOException;
    }

    static <T> T badInputIfMalformed(Read<T> read) throws IOException {
        try {
            return read.read();
        } catch (FileSystemException e) {
            throw e;
        } catch (IOException e) {
            throw new IllegalArgumentException(e.getMessage(), e);
        }
    }
}
