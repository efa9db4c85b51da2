package io.mmdcstudio.engine.io;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AtomicFilesTest {

    @Test
    void replacesTheFileAndLeavesNoTemporarySibling(@TempDir Path dir) throws IOException {
        Path f = dir.resolve("run.json");
        Files.writeString(f, "old");
        AtomicFiles.write(f, "new".getBytes());
        assertEquals("new", Files.readString(f));
        try (var files = Files.list(dir)) {
            assertEquals(1, files.count());
        }
        assertEquals("rw-r--r--", PosixFilePermissions.toString(Files.getPosixFilePermissions(f)));
    }

    @Test
    void aFailedWriteKeepsTheOldFileWhole(@TempDir Path dir) throws IOException {
        Path f = dir.resolve("assignments.csv");
        Files.writeString(f, "item,cluster\n");
        assertThrows(IOException.class, () -> AtomicFiles.write(f, out -> {
            out.write("half a fi".getBytes());
            throw new IOException("disk full");
        }));
        assertEquals("item,cluster\n", Files.readString(f));
        try (var files = Files.list(dir)) {
            assertEquals(1, files.count(), "the temporary file is removed");
        }
    }
}
