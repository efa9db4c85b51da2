package io.mmdcstudio.app.gui;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.mmdcstudio.app.Cli;
import io.mmdcstudio.engine.results.Assignment;
import io.mmdcstudio.engine.results.ResultFiles;
import io.mmdcstudio.engine.results.RunEdits;
import io.mmdcstudio.engine.session.SessionMap;
import io.mmdcstudio.engine.session.SessionState;
import io.mmdcstudio.views.map.MapFrame;
import io.mmdcstudio.views.run.RunState;
import io.mmdcstudio.views.studio.StudioView;
import io.mmdcstudio.views.studio.StudioViewModel;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.concurrent.Callable;
import javafx.scene.control.TabPane;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/**
 * Save session and Open session in the window, headless: the result, the corrections, the map layout, the tab
 * and the selected image come back as they were; a corrupt session.json gives a message, not an exception.
 */
@ExtendWith(ApplicationExtension.class)
class SessionWindowTest {

    @TempDir
    static Path settingsDir;

    @TempDir
    Path tmp;

    private StudioWindow window;
    private StudioViewModel vm;

    @Start
    void start(Stage stage) {
        window = FxTests.showWindow(stage, settingsDir, Optional.empty());
        vm = window.viewModel();
    }

    @AfterEach
    void close() throws Exception {
        FxTests.closeWindow(window);
    }

    @Test
    void aSavedSessionReopensWithItsResultCorrectionsMapTabAndSelection(FxRobot robot) throws Exception {
        Path run = runWithEmbeddings();
        WaitForAsyncUtils.asyncFx(() -> vm.open(run)).get();
        waitFor(60, () -> vm.run().outputProperty().get() != null && vm.map().frameProperty().get() != null
                && vm.map().frameProperty().get().epoch() == -1);
        List<Assignment> rows = fx(() -> vm.run().outputProperty().get().rows());
        String moved = rows.get(3).item();
        WaitForAsyncUtils.asyncFx(() -> {
            vm.corrections().name(0, "Bags");
            vm.corrections().move(List.of(moved), (rows.get(3).cluster() + 1) % 3);
            vm.corrections().pin(List.of(rows.get(5).item()), true);
            window.view().selectTab(StudioView.MAP);
            vm.gallery().select(7);
        }).get();
        RunEdits edits = fx(() -> vm.corrections().editsProperty().get());
        Map<String, String> layout = fx(this::layout);
        String selected = fx(() -> vm.gallery().selectedProperty().get().item());

        WaitForAsyncUtils.asyncFx(() -> vm.session().save(tmp.resolve("mine"))).get();
        waitFor(30, () -> vm.run().messageProperty().get().startsWith("Saved the session"));
        Path session = tmp.resolve("mine" + SessionState.SUFFIX);
        for (String f : List.of(ResultFiles.MANIFEST, ResultFiles.ASSIGNMENTS, ResultFiles.EMBEDDINGS, RunEdits.FILE,
                SessionMap.FILE, SessionState.FILE)) {
            assertTrue(Files.isRegularFile(session.resolve(f)), f);
        }
        try (var left = Files.list(tmp)) {
            assertEquals(List.of(), left.filter(p -> p.getFileName().toString().startsWith(".")).toList(),
                    "no temporary folder is left behind");
        }

        // Change what the window shows, then open the session.
        WaitForAsyncUtils.asyncFx(() -> {
            window.view().selectTab(StudioView.TRAINING);
            vm.gallery().select(1);
        }).get();
        WaitForAsyncUtils.asyncFx(() -> vm.open(session)).get();
        waitFor(60, () -> vm.run().messageProperty().get().startsWith("Opened the session"));
        waitFor(10, () -> edits.equals(vm.corrections().editsProperty().get()));
        assertEquals(StudioView.MAP, fx(() -> robot.lookup(".main-tabs").queryAs(TabPane.class)
                .getSelectionModel().getSelectedItem().getText()));
        assertEquals(selected, fx(() -> vm.gallery().selectedProperty().get().item()));
        assertEquals(layout, fx(this::layout), "the map as it was, not laid out again");
        assertEquals(rows, fx(() -> vm.run().outputProperty().get().rows()));
        assertEquals(session, fx(() -> vm.run().outputProperty().get().runDir()));
        waitFor(10, () -> vm.gallery().assignmentsProperty().get() != null);
        int movedIndex = fx(() -> vm.data().dataset().items().indexOf(moved));
        assertEquals(edits.clusterOf(moved, -1), fx(() -> vm.gallery().assignmentsProperty().get()
                .clusterOf()[movedIndex]), "the gallery shows the move");
        System.err.printf("SessionWindowTest: re-opened a %d-image session in %.2f s%n", rows.size(),
                fx(() -> vm.session().lastOpenSeconds()));
    }

    @Test
    void aCorruptSessionFileGivesAMessageAndTheWindowKeepsItsState(FxRobot robot) throws Exception {
        Path run = runWithEmbeddings();
        WaitForAsyncUtils.asyncFx(() -> vm.open(run)).get();
        waitFor(60, () -> vm.run().outputProperty().get() != null);
        Path broken = Files.createDirectories(tmp.resolve("broken" + SessionState.SUFFIX));
        Files.writeString(broken.resolve(SessionState.FILE), "{\"format\": \"mmdc-studio-session\", ");
        WaitForAsyncUtils.asyncFx(() -> vm.open(broken)).get();
        waitFor(20, () -> vm.run().messageProperty().get().startsWith("Could not open the session"));
        String message = fx(() -> vm.run().messageProperty().get());
        assertTrue(message.contains("is corrupt"), message);
        assertEquals(run, fx(() -> vm.run().outputProperty().get().runDir()), "the result on screen stays");

        Files.writeString(broken.resolve(SessionState.FILE), "{\"format\": \"mmdc-studio-session\", "
                + "\"formatVersion\": 99}");
        WaitForAsyncUtils.asyncFx(() -> vm.open(broken)).get();
        waitFor(20, () -> vm.run().messageProperty().get().contains("newer MMDC Studio"));
    }

    @Test
    void aRunGivenMoreEpochsResumesFromItsCheckpointAndLeavesItsFolderAlone(FxRobot robot) throws Exception {
        Path photos = ExportWindowTest.copySubset(tmp.resolve("photos"));
        Path run = tmp.resolve("trained");
        Cli.Outcome made = Cli.mmdc("train", "--data", photos.toString(), "--clusters", "3", "--epochs", "1",
                "--out", run.toString());
        assertEquals(0, made.code(), made.err());
        byte[] checkpoint = Files.readAllBytes(run.resolve("checkpoint.bin"));

        WaitForAsyncUtils.asyncFx(() -> vm.open(run)).get();
        waitFor(30, () -> vm.run().outputProperty().get() != null);
        assertFalse(fx(() -> robot.lookup("#resume-training").queryButton().isVisible()), "its one epoch is done");
        WaitForAsyncUtils.asyncFx(() -> vm.settings().field("epochs").textProperty().set("2")).get();
        waitFor(5, () -> robot.lookup("#resume-training").queryButton().isVisible());
        WaitForAsyncUtils.asyncFx(() -> robot.lookup("#resume-training").queryButton().fire()).get();
        waitFor(90, () -> vm.run().stateProperty().get() == RunState.FINISHED
                && vm.run().resultProperty().get() != null);
        assertEquals(2, fx(() -> vm.run().resultProperty().get().epochsCompleted()));
        assertEquals(1, fx(() -> vm.charts().metricSeries().get(0).getData().size()),
                "the second epoch was trained here; the first came from the checkpoint");
        assertArrayEquals(checkpoint, Files.readAllBytes(run.resolve("checkpoint.bin")), "the folder is untouched");
    }

    /** A pixel k-means run of a copied subset, given embeddings (its one-hot cluster plus a little spread). */
    private Path runWithEmbeddings() throws IOException {
        Path photos = ExportWindowTest.copySubset(tmp.resolve("photos"));
        Path run = tmp.resolve("run");
        Cli.Outcome made = Cli.mmdc("baseline", "--data", photos.toString(), "--clusters", "3",
                "--method", "kmeans-pixels", "--out", run.toString());
        assertEquals(0, made.code(), made.err());
        List<Assignment> rows = ResultFiles.readAssignments(run);
        float[][] embeddings = new float[rows.size()][4];
        for (int i = 0; i < rows.size(); i++) {
            embeddings[i][rows.get(i).cluster()] = 1;
            embeddings[i][3] = (i % 7) / 7f;
        }
        ResultFiles.write(run, ResultFiles.readManifest(run), rows, embeddings);
        return run;
    }

    /** The map on screen: item to "x,y". */
    private Map<String, String> layout() {
        MapFrame f = vm.map().frameProperty().get();
        Map<String, String> out = new TreeMap<>();
        for (int i = 0; i < f.size(); i++) {
            out.put(vm.data().dataset().items().get(f.images()[i]), f.x()[i] + "," + f.y()[i]);
        }
        return out;
    }

    private static <T> T fx(Callable<T> read) throws Exception {
        return FxTests.fx(read);
    }

    private void waitFor(int seconds, Callable<Boolean> condition) throws Exception {
        FxTests.waitFor(seconds, condition, () -> "message: '" + vm.run().messageProperty().get() + "'");
    }
}
