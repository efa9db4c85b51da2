package io.mmdcstudio.engine.export;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;

/**
 * The file operations of export and undo, each one that never replaces an existing file and that leaves, if the
 * process dies half-way, either the old state or both names of the same content (which undo recognises).
 */
final class FileSteps {

    /** Suffix of the temporary sibling a copy is written to before it gets its name. */
    static final String TEMP_SUFFIX = ".mmdc-export.tmp";

    private FileSteps() {}

    /**
     * Moves {@code from} to {@code to}, which must not exist. On one file system: a hard link under the new name,
     * then the old name removed (no window in which the file has no name). Across file systems: a complete copy
     * under the new name first, then the original removed.
     */
    static void move(Path from, Path to) throws IOException {
        if (!hardLink(to, from)) {
            copy(from, to);
        }
        Files.delete(from);
    }

    /** Copies {@code from} to {@code to} (which must not exist) through a flushed temporary sibling. */
    static void copy(Path from, Path to) throws IOException {
        Path tmp = temp(to);
        Files.copy(from, tmp, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.COPY_ATTRIBUTES);
        try (FileChannel ch = FileChannel.open(tmp, StandardOpenOption.WRITE)) {
            ch.force(true);
        }
        try {
            place(tmp, to);
        } finally {
            Files.deleteIfExists(tmp);
        }
    }

    /** Gives the complete file {@code tmp} the name {@code to}, refusing to replace an existing file. */
    private static void place(Path tmp, Path to) throws IOException {
        if (!hardLink(to, tmp)) {
            Files.move(tmp, to); // no REPLACE_EXISTING: fails if the name was taken meanwhile
        }
    }

    /**
     * Gives {@code existing} the extra name {@code link}. Returns false only when this pair of folders cannot hold
     * a hard link: another device (EXDEV), a file system without hard links, or one the kernel refuses (EPERM, e.g.
     * Linux's protected_hardlinks for a file of another user); the caller then copies or moves instead. A taken
     * name, a missing file or a folder we may not write to is thrown at once: copying would fail the same way.
     */
    private static boolean hardLink(Path link, Path existing) throws IOException {
        try {
            Files.createLink(link, existing);
            return true;
        } catch (FileAlreadyExistsException | NoSuchFileException | AccessDeniedException e) {
            throw e;
        } catch (FileSystemException | UnsupportedOperationException e) {
            return false; // no hard link possible here: the caller's copy is the fallback, not an error
        }
    }

    /** The temporary sibling used while {@code destination} is being written. */
    static Path temp(Path destination) {
        return destination.resolveSibling("." + destination.getFileName() + TEMP_SUFFIX);
    }

    /** Whether two files hold the same content (or are the same file). */
    static boolean sameContent(Path a, Path b) throws IOException {
        return Files.isSameFile(a, b) || Files.mismatch(a, b) == -1L;
    }
}
