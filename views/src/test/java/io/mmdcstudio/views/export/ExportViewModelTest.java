package io.mmdcstudio.views.export;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.mmdcstudio.engine.export.ExportMode;
import io.mmdcstudio.engine.results.Assignment;
import io.mmdcstudio.engine.results.RunEdits;
import io.mmdcstudio.views.fx.UiQueue;
import io.mmdcstudio.views.run.RunOutput;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.TreeMap;
import java.util.concurrent.Executor;
import java.util.stream.Stream;
import javafx.beans.property.SimpleObjectProperty;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The export sheet's logic on real files in a temporary folder, with everything on the test's thread. */
class ExportViewModelTest {

    @TempDir
    Path tmp;

    private Path photos;
    private Path target;
    private final SimpleObjectProperty<RunOutput> output = new SimpleObjectProperty<>();
    private final SimpleObjectProperty<RunEdits> edits = new SimpleObjectProperty<>(RunEdits.none());
    private ExportViewModel vm;

    @BeforeEach
    void sixPhotosInThreeClusters() throws IOException {
        photos = Files.createDirectories(tmp.resolve("photos"));
        Files.createDirectories(photos.resolve("a"));
        Files.createDirectories(photos.resolve("b"));
        List<Assignment> rows = new ArrayList<>();
        // Two files share the name cat.png in different folders: in one cluster folder they clash.
        String[] names = {"a/cat.png", "b/cat.png", "a/dog.png", "b/fox.png", "a/owl.png", "b/eel.png"};
        int[] clusters = {0, 0, 1, 1, 2, 2};
        for (int i = 0; i < names.length; i++) {
            Path p = photos.resolve(names[i]);
            Files.writeString(p, "image " + i);
            rows.add(new Assignment(p.toString(), clusters[i], 0.9, null));
        }
        rows.add(new Assignment(photos.resolve("gone.png").toString(), 1, 0.5, null));
        output.set(new RunOutput(rows, 3, null, Path.of("")));
        target = tmp.resolve("sorted");
        vm = new ExportViewModel(output, edits, Runnable::run, new UiQueue(Runnable::run));
    }

    @Test
    void aPreviewShowsCountsClashesAndSkippedImagesAndChangesNothing() throws IOException {
        Map<String, String> before = snapshot(photos);
        vm.targetProperty().set(target);
        vm.preview();

        assertNotNull(vm.planProperty().get());
        assertEquals(List.of(new FolderCount("cluster-00", 2), new FolderCount("cluster-01", 2),
                new FolderCount("cluster-02", 2)), vm.folders());
        assertEquals(6, vm.steps().size());
        assertEquals(1, vm.skipped().size());
        assertTrue(vm.skipped().get(0).reason().startsWith("missing"), vm.skipped().get(0).reason());
        String summary = vm.planSummaryProperty().get();
        assertTrue(summary.startsWith("Would copy 6 images"), summary);
        assertTrue(summary.contains("1 name clashes"), summary);
        assertTrue(summary.contains("1 skipped"), summary);
        assertFalse(Files.exists(target), "a preview creates nothing");
        assertEquals(before, snapshot(photos));
    }

    @Test
    void aMoveNeedsAPreviewOfExactlyThoseChoices() {
        vm.targetProperty().set(target);
        vm.modeProperty().set(ExportMode.MOVE);
        assertFalse(vm.canExportProperty().get());
        assertTrue(vm.exportBlockedReasonProperty().get().startsWith("Preview the move first"));

        vm.preview();
        assertTrue(vm.canExportProperty().get());

        vm.targetProperty().set(tmp.resolve("elsewhere"));
        assertFalse(vm.canExportProperty().get(), "a new target throws the preview away");
        assertNull(vm.planProperty().get());
        assertTrue(vm.steps().isEmpty());
    }

    @Test
    void copyNeedsNoPreviewAndHonoursNamesMergesAndMoves() throws IOException {
        edits.set(RunEdits.none().withName(0, "Cats").withMerge(2, 1)
                .withMoved(List.of(photos.resolve("b/fox.png").toString()), 0));
        vm.targetProperty().set(target);
        assertTrue(vm.canExportProperty().get());
        vm.export();

        assertTrue(vm.messageProperty().get().startsWith("Copied 6 images"), vm.messageProperty().get());
        assertEquals(List.of("cat-2.png", "cat.png", "fox.png"), names(target.resolve("Cats")));
        assertEquals(List.of("dog.png", "eel.png", "owl.png"), names(target.resolve("cluster-01")));
        assertFalse(Files.exists(target.resolve("cluster-02")), "the merged-away cluster gets no folder");
        assertTrue(Files.exists(photos.resolve("a/cat.png")), "a copy leaves the original");
        assertTrue(Files.exists(target.resolve("mmdc-assignments.csv")));
        assertTrue(vm.canUndoProperty().get());
        assertEquals(1.0, vm.fractionProperty().get());
    }

    @Test
    void moveThenUndoPutsEveryFileBackExactly() throws IOException {
        Map<String, String> before = snapshot(photos);
        vm.targetProperty().set(target);
        vm.modeProperty().set(ExportMode.MOVE);
        vm.preview();
        vm.export();

        assertEquals(List.of(), names(photos.resolve("a")), "moved out");
        assertEquals(6, snapshot(target).keySet().stream().filter(k -> k.endsWith(".png")).count());
        assertFalse(vm.canExportProperty().get(), "the files moved: a new move needs a new preview");
        Path journal = vm.journalProperty().get();
        assertTrue(Files.isRegularFile(journal));

        vm.undo();
        assertEquals(before, snapshot(photos));
        assertTrue(vm.messageProperty().get().startsWith("Undone: 6 files put back"), vm.messageProperty().get());
        assertFalse(vm.canUndoProperty().get(), "undone once");
        assertEquals(List.of(journal.getFileName().toString()), names(target), "only the journal is left");
    }

    @Test
    void cancelStopsBeforeTheNextFileAndWhatWasDoneStaysUndoable() throws IOException {
        Queue<Runnable> later = new ArrayDeque<>();
        Executor queued = later::add;
        ExportViewModel slow = new ExportViewModel(output, edits, queued, new UiQueue(Runnable::run));
        slow.targetProperty().set(target);
        slow.export();
        assertEquals(ExportActivity.EXPORTING, slow.activityProperty().get());
        assertTrue(slow.canCancelProperty().get());
        assertFalse(slow.canPreviewProperty().get(), "the choices are locked while exporting");

        slow.cancel();
        later.poll().run();
        assertEquals(ExportActivity.NONE, slow.activityProperty().get());
        assertTrue(slow.reportProperty().get().cancelled());
        assertTrue(slow.messageProperty().get().startsWith("Stopped: copied 0 of 6"), slow.messageProperty().get());
        assertTrue(slow.canUndoProperty().get());
    }

    @Test
    void aPlanThatArrivesAfterTheChoicesChangedIsDropped() {
        Queue<Runnable> later = new ArrayDeque<>();
        ExportViewModel slow = new ExportViewModel(output, edits, later::add, new UiQueue(Runnable::run));
        slow.targetProperty().set(target);
        slow.preview();
        slow.modeProperty().set(ExportMode.LINK);
        later.poll().run();
        assertNull(slow.planProperty().get(), "the plan was for copy, not link");
        assertTrue(slow.canPreviewProperty().get());
    }

    @Test
    void withoutAResultOrATargetNothingCanBeExported() {
        assertFalse(vm.canExportProperty().get());
        assertTrue(vm.exportBlockedReasonProperty().get().startsWith("Choose the folder"));
        output.set(null);
        vm.targetProperty().set(target);
        assertFalse(vm.canPreviewProperty().get());
        assertTrue(vm.exportBlockedReasonProperty().get().startsWith("There is no result"));
    }

    /** Every file under {@code root}: relative path to content. */
    private static Map<String, String> snapshot(Path root) throws IOException {
        Map<String, String> files = new TreeMap<>();
        try (Stream<Path> all = Files.walk(root)) {
            for (Path p : all.filter(Files::isRegularFile).toList()) {
                files.put(root.relativize(p).toString(), Files.readString(p));
            }
        }
        return files;
    }

    private static List<String> names(Path dir) throws IOException {
        try (Stream<Path> s = Files.list(dir)) {
            return s.map(p -> p.getFileName().toString()).sorted().toList();
        }
    }
}
