package io.mmdcstudio.engine.export;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.mmdcstudio.engine.results.Assignment;
import io.mmdcstudio.engine.results.RunEdits;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ExportAndUndoTest {

    @TempDir
    Path tmp;

    private ExportReport export(List<Assignment> rows, RunEdits edits, ExportMode mode) throws IOException {
        ExportPlan plan = ExportPlanner.plan(rows, 3, edits, tmp.resolve("out"), mode, tmp);
        return Exporter.execute(plan, rows, ClusterFolders.of(3, edits), tmp, ExportProgress.Listener.NONE, () -> false);
    }

    private static ExportReport undo(ExportReport export) throws IOException {
        return Undo.undo(export.journal(), ExportProgress.Listener.NONE, () -> false);
    }

    @Test
    void planningChangesNothingAndSuffixesClashingNames() throws IOException {
        // a/imgN and b/imgN share a cluster, so every second name clashes in its folder.
        List<Assignment> rows = ExportFixture.make(tmp.resolve("src"), 12, 3, 1);
        ExportPlan plan = ExportPlanner.plan(rows, 3, RunEdits.none(), tmp.resolve("out"), ExportMode.MOVE, tmp);

        assertFalse(Files.exists(tmp.resolve("out")));
        assertEquals(12, plan.operations().size());
        assertEquals(12, plan.operations().stream().map(ExportPlan.Operation::destination).distinct().count());
        assertTrue(plan.renamedCount() > 0);
        assertTrue(plan.operations().stream().filter(ExportPlan.Operation::renamed)
                .allMatch(op -> op.destination().getFileName().toString().matches("img\\d{4}-\\d\\.png")));
        assertEquals(4, plan.perFolder().get("cluster-00"));
        assertEquals(4, plan.perFolder().get("cluster-01"));
    }

    @Test
    void aFileAlreadyInTheTargetIsNeverOverwritten() throws IOException {
        List<Assignment> rows = ExportFixture.make(tmp.resolve("src"), 1, 3, 2);
        Path existing = tmp.resolve("out/cluster-00/img0000.png");
        Files.createDirectories(existing.getParent());
        Files.writeString(existing, "mine");

        ExportReport report = export(rows, RunEdits.none(), ExportMode.COPY);

        assertEquals(1, report.done());
        assertEquals("mine", Files.readString(existing));
        assertTrue(Files.exists(tmp.resolve("out/cluster-00/img0000-2.png")));
    }

    @Test
    void missingFilesAndIdxRecordsAreSkippedWithAReason() throws IOException {
        List<Assignment> rows = List.of(new Assignment(tmp.resolve("gone.png").toString(), 0, 1, null),
                new Assignment("train-images-idx3-ubyte.gz#4", 1, 1, null));
        ExportPlan plan = ExportPlanner.plan(rows, 3, RunEdits.none(), tmp.resolve("out"), ExportMode.COPY, tmp);

        assertTrue(plan.operations().isEmpty());
        assertEquals(List.of("missing (moved or deleted)",
                        "an IDX record, not a file of its own (its cluster is in assignments.csv)"),
                plan.skipped().stream().map(ExportPlan.Skipped::reason).toList());
    }

    @Test
    void moveThenUndoPutsEveryFileBackUnchanged() throws IOException {
        List<Assignment> rows = ExportFixture.make(tmp.resolve("src"), 30, 3, 3);
        Map<String, Integer> before = ExportFixture.contents(tmp.resolve("src"));

        ExportReport report = export(rows, RunEdits.none(), ExportMode.MOVE);
        assertEquals(30, report.done());
        assertTrue(ExportFixture.contents(tmp.resolve("src")).isEmpty());
        assertEquals(before, ExportFixture.contents(tmp.resolve("out")));
        assertTrue(Files.exists(tmp.resolve("out").resolve(Exporter.ASSIGNMENTS_CSV)));

        ExportReport undone = undo(report);

        assertEquals(30, undone.done());
        assertTrue(undone.problems().isEmpty());
        assertEquals(before, ExportFixture.contents(tmp.resolve("src")));
        rows.forEach(r -> assertTrue(Files.exists(Path.of(r.item())), r.item()));
        try (Stream<Path> left = Files.list(tmp.resolve("out"))) {
            assertEquals(List.of(report.journal().getFileName().toString()),
                    left.map(p -> p.getFileName().toString()).toList());
        }
        assertNotNull(ExportJournal.read(report.journal()).undoneAt());
    }

    @Test
    void undoKeepsACopyThatWasEditedAfterTheExport() throws IOException {
        List<Assignment> rows = ExportFixture.make(tmp.resolve("src"), 3, 3, 4);
        ExportReport report = export(rows, RunEdits.none(), ExportMode.COPY);
        Path edited = tmp.resolve("out/cluster-00/img0000.png");
        Files.writeString(edited, "retouched");

        ExportReport undone = undo(report);

        assertEquals(2, undone.done());
        assertEquals(1, undone.problems().size());
        assertTrue(undone.problems().get(0).reason().contains("changed"));
        assertEquals("retouched", Files.readString(edited));
        assertEquals(3, ExportFixture.contents(tmp.resolve("src")).size());
    }

    @Test
    void linksPointAtTheOriginalsAndUndoRemovesThem() throws IOException {
        List<Assignment> rows = ExportFixture.make(tmp.resolve("src"), 6, 3, 5);
        ExportReport report = export(rows, RunEdits.none(), ExportMode.LINK);
        Path link = tmp.resolve("out/cluster-00/img0000.png");
        assertTrue(Files.isSymbolicLink(link));
        assertEquals(Path.of(rows.get(0).item()), Files.readSymbolicLink(link));

        undo(report);

        assertFalse(Files.exists(link, java.nio.file.LinkOption.NOFOLLOW_LINKS));
        assertEquals(6, ExportFixture.contents(tmp.resolve("src")).size());
    }

    @Test
    void undoAfterADeathBetweenLinkAndUnlinkRemovesOnlyTheSecondName() throws IOException {
        List<Assignment> rows = ExportFixture.make(tmp.resolve("src"), 3, 3, 6);
        ExportPlan plan = ExportPlanner.plan(rows, 3, RunEdits.none(), tmp.resolve("out"), ExportMode.MOVE, tmp);
        ExportReport report = Exporter.execute(plan, rows, ClusterFolders.of(3, RunEdits.none()), tmp,
                ExportProgress.Listener.NONE, () -> true); // cancelled at once: journal and folders only
        // What a kill leaves after FileSteps.move gave the file its new name but before it removed the old one.
        ExportPlan.Operation first = plan.operations().get(0);
        Files.createLink(first.destination(), first.source());

        ExportReport undone = undo(report);

        assertTrue(undone.problems().isEmpty());
        assertFalse(Files.exists(first.destination()));
        assertTrue(Files.size(first.source()) > 0);
    }

    @Test
    void exportHonoursNamesMergesAndMoves() throws IOException {
        List<Assignment> rows = ExportFixture.make(tmp.resolve("src"), 9, 3, 7);
        RunEdits edits = RunEdits.none().withName(0, "Boots/shoes").withMerge(2, 1)
                .withMoved(List.of(rows.get(0).item()), 1);

        ExportPlan plan = ExportPlanner.plan(rows, 3, edits, tmp.resolve("out"), ExportMode.COPY, tmp);

        assertEquals(3, plan.perFolder().get("Boots_shoes"));
        assertEquals(6, plan.perFolder().get("cluster-01"));
        assertEquals(0, plan.perFolder().get("cluster-02"));
        assertEquals("cluster-01", plan.operations().get(0).destination().getParent().getFileName().toString());
    }

    @Test
    void aJournalFromANewerVersionOrACorruptOneIsRefusedClearly() throws IOException {
        Path file = tmp.resolve("j.json");
        Files.writeString(file, "{\"format\":\"mmdc-studio-export-journal\",\"formatVersion\":99}");
        assertTrue(assertThrows(IOException.class, () -> ExportJournal.read(file)).getMessage()
                .contains("newer MMDC Studio"));

        Files.writeString(file, "{\"format\":");
        assertTrue(assertThrows(IOException.class, () -> ExportJournal.read(file)).getMessage().contains("corrupt"));
    }
}
