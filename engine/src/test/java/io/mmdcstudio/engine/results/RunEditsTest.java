package io.mmdcstudio.engine.results;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RunEditsTest {

    @TempDir
    Path dir;

    @Test
    void editsSurviveAWriteAndReadUnchanged() throws IOException {
        RunEdits edits = RunEdits.none().withName(1, " Boots ").withMerge(2, 1).withMoved(List.of("a.png"), 0)
                .withPinned(List.of("b.png", "c.png"), true).withPinned(List.of("c.png"), false);
        edits.write(dir);

        RunEdits read = RunEdits.read(dir);

        assertEquals(edits, read);
        assertEquals("Boots", read.nameOf(1));
        assertTrue(read.isPinned("b.png"));
    }

    @Test
    void movesWinAndMergesAreFollowedToTheSurvivor() {
        RunEdits edits = RunEdits.none().withMerge(2, 1).withMerge(1, 0).withMoved(List.of("x"), 2);
        assertEquals(0, edits.clusterOf("y", 2));
        assertEquals(0, edits.clusterOf("x", 5), "moved into a merged-away cluster: followed to its survivor");
        assertThrows(IllegalArgumentException.class, () -> edits.withMerge(0, 2));
    }

    @Test
    void onlyMovedAndPinnedImagesAreFixedForTraining() {
        RunEdits edits = RunEdits.none().withMoved(List.of("b"), 2).withPinned(List.of("c"), true);
        List<Assignment> rows = List.of(new Assignment("a", 0, 1, null), new Assignment("b", 0, 1, null),
                new Assignment("c", 1, 1, null), new Assignment("gone", 1, 1, null));
        assertArrayEquals(new int[] {-1, 2, 1}, edits.fixedClusters(List.of("a", "b", "c"), rows));
    }

    @Test
    void aLabelMovesAndPinsAndTakingItOffRestoresTheNetworksCluster() {
        RunEdits labelled = RunEdits.none().withLabel(List.of("a", "b"), 3).withPinned(List.of("c"), true);
        assertEquals(3, labelled.clusterOf("a", 0));
        assertTrue(labelled.isPinned("b"));
        assertEquals(3, labelled.labelledCount());

        RunEdits off = labelled.withoutLabel(List.of("a"));
        assertEquals(0, off.clusterOf("a", 0));
        assertFalse(off.isPinned("a"));
        assertEquals(2, off.labelledCount());
        assertEquals(RunEdits.none(), off.withoutLabel(List.of("b", "c")));
    }

    @Test
    void aMissingFileIsNoEditsAndANewerOneIsRefused() throws IOException {
        assertEquals(RunEdits.none(), RunEdits.read(dir));
        Files.writeString(dir.resolve(RunEdits.FILE), "{\"format\": \"mmdc-studio-edits\", \"formatVersion\": 7}");
        IOException e = assertThrows(IOException.class, () -> RunEdits.read(dir));
        assertTrue(e.getMessage().contains("newer MMDC Studio"), e.getMessage());
    }
}
