package io.mmdcstudio.engine.results;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** edits.json written and read back, and the files it refuses. */
class RunEditsTest {

    @TempDir
    Path dir;

    @Test
    void editsReadBackAsWritten() throws IOException {
        RunEdits edits = RunEdits.none().withName(0, "Cats").withMerge(2, 1).withMoved(List.of("a.png"), 0)
                .withPinned(List.of("b.png"), true);
        edits.write(dir);
        assertEquals(edits, RunEdits.read(dir));
        RunEdits.none().write(dir);
        assertTrue(RunEdits.read(dir).isEmpty());
    }

    @Test
    void aNewerOrCorruptFileIsRefusedWithItsName() throws IOException {
        Files.writeString(dir.resolve(RunEdits.FILE), "{\"format\":\"mmdc-studio-edits\",\"formatVersion\":99}");
        IOException newer = assertThrows(IOException.class, () -> RunEdits.read(dir));
        assertTrue(newer.getMessage().contains(RunEdits.FILE), newer.getMessage());
        Files.writeString(dir.resolve(RunEdits.FILE), "{\"format\":");
        assertThrows(IOException.class, () -> RunEdits.read(dir));
    }
}
