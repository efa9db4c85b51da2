package io.mmdcstudio.views.corrections;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.mmdcstudio.engine.results.Assignment;
import io.mmdcstudio.engine.results.RunEdits;
import io.mmdcstudio.views.fx.UiQueue;
import io.mmdcstudio.views.run.RunOutput;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import javafx.beans.property.SimpleObjectProperty;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Corrections kept in edits.json beside a saved run, in memory before; everything on the test's thread. */
class CorrectionsViewModelTest {

    @TempDir
    Path run;

    private final SimpleObjectProperty<RunOutput> output = new SimpleObjectProperty<>();
    private CorrectionsViewModel vm;
    private RunOutput unsaved;

    @BeforeEach
    void fourImages() {
        unsaved = new RunOutput(List.of(new Assignment("a.png", 0, 0.9, "cat"), new Assignment("b.png", 0, 0.8, "cat"),
                new Assignment("c.png", 1, 0.7, "dog"), new Assignment("d.png", 1, 0.6, "cat")), 2, null, Path.of(""));
        vm = new CorrectionsViewModel(output, Runnable::run, new UiQueue(Runnable::run));
    }

    @Test
    void everyEditOfASavedRunIsWrittenToItsEditsFile() throws IOException {
        output.set(unsaved.savedIn(run));
        vm.name(0, "  Cats ");
        vm.move(List.of("d.png"), 0);
        vm.pin(List.of("a.png"), true);
        vm.merge(1, 0);

        RunEdits onDisk = RunEdits.read(run);
        assertEquals("Cats", onDisk.nameOf(0));
        assertEquals(0, onDisk.clusterOf("d.png", 1));
        assertTrue(onDisk.isPinned("a.png"));
        assertEquals(0, onDisk.survivor(1));
        assertEquals(vm.editsProperty().get(), onDisk);
        assertEquals(List.of(0, 0, 0, 0), vm.effectiveRows().stream().map(Assignment::cluster).toList());
    }

    @Test
    void editsOfAnUnsavedRunWaitInMemoryAndGoWithSaveResults() throws IOException {
        output.set(unsaved);
        vm.name(1, "Dogs");
        assertFalse(Files.exists(run.resolve(RunEdits.FILE)));
        output.set(unsaved.savedIn(run)); // what Save results does
        assertEquals("Dogs", RunEdits.read(run).nameOf(1));
        assertEquals("Dogs", vm.editsProperty().get().nameOf(1));
    }

    @Test
    void openingARunReadsItsEditsAndAnotherResultStartsWithout() throws IOException {
        RunEdits.none().withName(0, "Cats").write(run);
        output.set(unsaved.savedIn(run));
        assertEquals("Cats", vm.editsProperty().get().nameOf(0));
        output.set(new RunOutput(unsaved.rows(), 2, null, Path.of("")));
        assertTrue(vm.editsProperty().get().isEmpty());
    }

    @Test
    void aCorruptEditsFileGivesAMessageAndNoEdits() throws IOException {
        Files.writeString(run.resolve(RunEdits.FILE), "{\"format\":\"mmdc-studio-edits\",\"formatVersion\":9}");
        output.set(unsaved.savedIn(run));
        assertTrue(vm.editsProperty().get().isEmpty());
        assertTrue(vm.messageProperty().get().contains("could not be read"), vm.messageProperty().get());
    }

    @Test
    void undoTakesBackTheLastEditAlsoOnDisk() throws IOException {
        output.set(unsaved.savedIn(run));
        vm.name(0, "Cats");
        vm.merge(1, 0);
        assertTrue(vm.canUndoProperty().get());
        vm.undo();
        assertEquals(1, RunEdits.read(run).survivor(1));
        assertEquals("Cats", RunEdits.read(run).nameOf(0));
        vm.undo();
        assertFalse(vm.canUndoProperty().get());
        assertTrue(RunEdits.read(run).isEmpty());
    }

    @Test
    void suggestionsComeFromTheMajorityLabelAndAreAcceptedInOneStep() {
        output.set(unsaved);
        assertEquals("cat", vm.suggestionFor(0));
        assertEquals("cat", vm.suggestionFor(1), "a tie (one dog, one cat) goes to the label that sorts first");
        vm.acceptSuggestion(0);
        assertEquals("cat", vm.editsProperty().get().nameOf(0));
    }

    @Test
    void labellingMovesAndPinsInOneUndoableStepAndIsCounted() {
        output.set(unsaved);
        vm.label(List.of("d.png", "a.png"), 0);
        assertEquals(List.of(0, 0, 1, 0), vm.effectiveRows().stream().map(Assignment::cluster).toList());
        assertTrue(vm.editsProperty().get().isPinned("d.png"));
        assertEquals(2, vm.labelledProperty().get());

        vm.unlabel(List.of("d.png"));
        assertEquals(1, vm.effectiveRows().get(3).cluster(), "back in the network's cluster");
        assertEquals(1, vm.labelledProperty().get());
        vm.undo();
        vm.undo();
        assertTrue(vm.editsProperty().get().isEmpty(), "a label is one step to take back");
        assertEquals(0, vm.labelledProperty().get());
    }

    @Test
    void aMergeIntoItselfIsRefusedWithAMessage() {
        output.set(unsaved);
        vm.merge(0, 0);
        assertTrue(vm.editsProperty().get().isEmpty());
        assertTrue(vm.messageProperty().get().startsWith("Not merged"));
    }
}
