package io.mmdcstudio.app.gui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.mmdcstudio.app.Cli;
import io.mmdcstudio.engine.results.RunEdits;
import io.mmdcstudio.views.gallery.GalleryRow;
import io.mmdcstudio.views.studio.StudioViewModel;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;
import java.util.function.IntPredicate;
import java.util.stream.Stream;
import javafx.event.Event;
import javafx.geometry.Point2D;
import javafx.scene.Node;
import javafx.scene.control.ContextMenu;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.control.Menu;
import javafx.scene.control.MenuItem;
import javafx.scene.control.TextField;
import javafx.scene.input.ContextMenuEvent;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.NodeQueryUtils;
import org.testfx.util.WaitForAsyncUtils;

/**
 * Export and corrections from the window as a person makes them, headless, on a saved run (a quick pixel k-means
 * baseline of a copied subset of the sample data): preview a move, move, and undo, and the photos end exactly as
 * they began; merge, move, pin and label through the gallery, and the edits land in the run folder.
 */
@ExtendWith(ApplicationExtension.class)
class ExportWindowTest {

    private static final List<String> CLASSES = List.of("bag", "sandal", "trouser");
    private static final int PER_CLASS = 8;

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
    void aPreviewedMoveLandsInClusterFoldersAndUndoPutsEveryPhotoBack(FxRobot robot) throws Exception {
        Path photos = copySubset(tmp.resolve("photos"));
        Path run = tmp.resolve("run");
        Cli.Outcome made = Cli.mmdc("baseline", "--data", photos.toString(), "--clusters", "3",
                "--method", "kmeans-pixels", "--out", run.toString());
        assertEquals(0, made.code(), made.err());
        Map<String, String> before = snapshot(photos);

        WaitForAsyncUtils.asyncFx(() -> vm.open(run)).get();
        waitFor(30, () -> vm.run().outputProperty().get() != null);
        robot.clickOn("#export");
        waitFor(10, () -> window.view().exportStage() != null);

        Path target = tmp.resolve("sorted");
        TextField field = robot.lookup("#export-target").queryAs(TextField.class);
        WaitForAsyncUtils.asyncFx(() -> field.setText(target.toString())).get();
        robot.clickOn("#export-mode-move");
        assertTrue(fx(() -> robot.lookup("#export-run").queryButton().isDisabled()), "a move needs a preview");
        assertEquals("Preview the move first: it takes the originals out of their folders.",
                fx(() -> robot.lookup("#export-blocked").queryAs(Label.class).getText()));

        robot.clickOn("#export-preview");
        waitFor(20, () -> !vm.export().planSummaryProperty().get().isEmpty());
        String summary = fx(() -> robot.lookup("#export-summary").queryAs(Label.class).getText());
        assertTrue(summary.startsWith("Would move 24 images"), summary);
        assertTrue(summary.contains("no name clashes") && summary.contains("none skipped"), summary);
        ListView<?> steps = robot.lookup("#export-steps").queryAs(ListView.class);
        assertEquals(24, fx(() -> steps.getItems().size()));
        ListView<?> folders = robot.lookup("#export-folders").queryAs(ListView.class);
        assertTrue(fx(() -> folders.getItems().size()) >= 2);
        assertEquals(before, snapshot(photos), "a preview moves nothing");
        assertFalse(Files.exists(target), "a preview creates nothing");

        robot.clickOn("#export-run");
        waitFor(30, () -> vm.export().messageProperty().get().startsWith("Moved 24 images"));
        assertEquals(Map.of(), snapshot(photos), "every photo left its folder");
        long exported;
        try (Stream<Path> all = Files.walk(target)) {
            exported = all.filter(p -> p.toString().endsWith(".png")).count();
        }
        assertEquals(24, exported);
        assertTrue(Files.isRegularFile(target.resolve("mmdc-assignments.csv")));

        robot.clickOn("#export-undo");
        waitFor(30, () -> vm.export().messageProperty().get().startsWith("Undone"));
        assertEquals(before, snapshot(photos), "every photo is back, unchanged");
        assertTrue(fx(() -> robot.lookup("#export-undo").queryButton().isDisabled()));
        robot.clickOn("#export-close");
        waitFor(10, () -> window.view().exportStage() == null);
    }

    @Test
    void correctionsMadeThroughTheGalleryMenusAreKeptInTheRunFolder(FxRobot robot) throws Exception {
        Path run = openSavedRun();
        // A name that appears nowhere else, so that the menu item is found by its text alone.
        WaitForAsyncUtils.asyncFx(() -> vm.corrections().name(2, "Target cluster")).get();
        robot.clickOn("#tab-clusters");
        waitFor(10, () -> robot.lookup(".cluster-name").match(NodeQueryUtils.isVisible()).tryQuery().isPresent());

        // Merge cluster 0 into the named one through its title's menu.
        Node firstTitle = robot.lookup(".cluster-name").match(NodeQueryUtils.isVisible()).query();
        assertEquals("Cluster 0", fx(() -> ((Label) firstTitle).getText()));
        requestMenu(firstTitle, 5);
        waitFor(5, () -> menuHas("Merge into"));
        choose("Merge into", "Target cluster");
        waitFor(10, () -> vm.corrections().editsProperty().get().survivor(0) == 2);
        waitFor(10, () -> RunEdits.read(run).survivor(0) == 2);
        assertEquals(List.of(1, 2), fx(() -> vm.gallery().survivingClusters()), "cluster 0 has no row of its own");
        int merged = fx(() -> vm.gallery().assignmentsProperty().get().size(2));
        assertEquals(merged, fx(() -> vm.gallery().rows().stream().filter(r -> r.cluster() == 2 && r.first())
                .findFirst().orElseThrow().size()));

        // Ctrl+Z takes the merge back, on disk too.
        robot.press(KeyCode.CONTROL, KeyCode.Z).release(KeyCode.Z, KeyCode.CONTROL);
        waitFor(10, () -> vm.corrections().editsProperty().get().survivor(0) == 0);
        waitFor(10, () -> RunEdits.read(run).survivor(0) == 0);
        assertEquals("Target cluster", RunEdits.read(run).nameOf(2), "only the merge was taken back");

        // Move an image of another cluster into the named one through its thumbnail's menu, then pin it there.
        WaitForAsyncUtils.asyncFx(() -> vm.gallery().select(-1)).get();
        openMenuOnLine(robot, c -> c != 2, "Move this image to");
        choose("Move this image to", "Target cluster");
        waitFor(10, () -> vm.corrections().editsProperty().get().moved().size() == 1);
        String moved = fx(() -> vm.corrections().editsProperty().get().moved().keySet().iterator().next());
        assertEquals(2, fx(() -> vm.corrections().editsProperty().get().moved().get(moved)));
        int index = fx(() -> vm.data().dataset().items().indexOf(moved));
        assertEquals(2, fx(() -> vm.gallery().assignmentsProperty().get().clusterOf()[index]), "shown where it went");

        // Pin the first image of the named cluster through its thumbnail's menu.
        GalleryRow line = openMenuOnLine(robot, c -> c == 2, "Pin this image");
        String pinned = fx(() -> vm.data().dataset().items().get(line.images()[0]));
        choose("Pin this image");
        waitFor(10, () -> RunEdits.read(run).isPinned(pinned));
        assertTrue(fx(() -> vm.gallery().isPinned(line.images()[0])), "a pin badge on its thumbnail");
        assertEquals(2, RunEdits.read(run).clusterOf(moved, 0), "the move is kept");
    }

    @Test
    void aThumbnailDroppedOnAClusterIsLabelledAndLabelAsLabelsTheImageShown(FxRobot robot) throws Exception {
        Path run = openSavedRun();
        robot.clickOn("#tab-clusters");
        waitFor(10, () -> lineOf(robot, c -> c == 2) != null && lineOf(robot, c -> c != 2) != null);

        // Drag the first thumbnail of another cluster onto a line of cluster 2.
        Node from = fx(() -> lineOf(robot, c -> c != 2));
        GalleryRow source = fx(() -> (GalleryRow) cellOf(from).getItem());
        String dragged = fx(() -> vm.data().dataset().items().get(source.images()[0]));
        robot.drag(fx(() -> from.localToScreen(30, 30)), javafx.scene.input.MouseButton.PRIMARY);
        robot.moveBy(0, 10);
        // A fixed point, looked up only now: the highlight of a drop target re-makes the list's cells, and a node
        // found earlier may since show another line (the robot would follow it there).
        Node onto = fx(() -> lineOf(robot, c -> c == 2));
        robot.moveTo(fx(() -> onto.localToScreen(30, 30)));
        assertTrue(fx(() -> robot.lookup("#drag-badge").queryAs(Label.class).getText()).equals("Label 1 image as Cluster 2"),
                "the badge says what a drop does");
        robot.drop();
        waitFor(10, () -> RunEdits.read(run).isPinned(dragged));
        assertEquals(2, RunEdits.read(run).clusterOf(dragged, source.cluster()), "labelled as the cluster it fell on");
        waitFor(5, () -> "Refine with 1 label".equals(robot.lookup("#refine-labels").queryButton().getText()));
        assertFalse(fx(() -> robot.lookup("#drag-badge").queryAs(Label.class).isVisible()), "the badge goes");

        // Label as, in the image panel: the image shown, into cluster 1. Another image of cluster 2 than the one
        // dropped there, which may now be any of its first images (which line is dragged depends on the cells' order).
        int other = fx(() -> vm.gallery().rows().stream().filter(r -> r.cluster() == 2)
                .flatMapToInt(r -> java.util.stream.IntStream.of(r.images()))
                .filter(i -> !vm.data().dataset().items().get(i).equals(dragged)).findFirst().orElseThrow());
        String chosen = fx(() -> vm.data().dataset().items().get(other));
        WaitForAsyncUtils.asyncFx(() -> vm.gallery().pick(other, false)).get();
        javafx.scene.control.MenuButton labelAs = robot.lookup("#label-as").queryAs(javafx.scene.control.MenuButton.class);
        WaitForAsyncUtils.asyncFx(labelAs::show).get();
        waitFor(5, () -> labelAs.getItems().stream().anyMatch(m -> "label-as-1".equals(m.getId())));
        WaitForAsyncUtils.asyncFx(() -> {
            labelAs.hide();
            labelAs.getItems().stream().filter(m -> "label-as-1".equals(m.getId())).findFirst().orElseThrow().fire();
        }).get();
        waitFor(10, () -> RunEdits.read(run).clusterOf(chosen, 2) == 1 && RunEdits.read(run).isPinned(chosen));
        assertTrue(fx(() -> robot.lookup("#label-status").queryAs(Label.class).getText())
                .startsWith("You labelled this image as Cluster 1. 2 images are labelled"));
        waitFor(5, () -> "Refine with 2 labels".equals(robot.lookup("#refine-labels").queryButton().getText()));
    }

    /**
     * A pixel k-means baseline of a copied subset of the sample data, saved by the command line and opened in the
     * window, its final assignment in the gallery: a result to correct and label. Returns its run folder.
     */
    private Path openSavedRun() throws Exception {
        Path photos = copySubset(tmp.resolve("photos"));
        Path run = tmp.resolve("run");
        assertEquals(0, Cli.mmdc("baseline", "--data", photos.toString(), "--clusters", "3",
                "--method", "kmeans-pixels", "--out", run.toString()).code());
        WaitForAsyncUtils.asyncFx(() -> vm.open(run)).get();
        waitFor(30, () -> vm.run().outputProperty().get() != null && vm.gallery().assignmentsProperty().get() != null
                && vm.gallery().assignmentsProperty().get().epoch() == -1);
        return run;
    }

    /**
     * Opens the menu of the first thumbnail of a line of a cluster {@code which} accepts, until its entry
     * {@code expected} shows: an edit refreshes the list at the next pulse, and a menu opened on a cell that is
     * then made anew closes with it.
     */
    private GalleryRow openMenuOnLine(FxRobot robot, IntPredicate which, String expected) throws Exception {
        for (int attempt = 1; ; attempt++) {
            WaitForAsyncUtils.waitForFxEvents();
            waitFor(10, () -> lineOf(robot, which) != null);
            Node node = fx(() -> lineOf(robot, which));
            GalleryRow line = fx(() -> (GalleryRow) cellOf(node).getItem());
            requestMenu(node, 20);
            Thread.sleep(200); // one pulse: a menu whose cell was made anew has closed by now
            if (menuHas(expected)) {
                return line;
            }
            if (attempt == 3) {
                throw new AssertionError("no menu with '" + expected + "' on a line of the gallery");
            }
        }
    }

    /** Sends the context-menu request a right-click at {@code x} makes (headless Monocle turns none into one). */
    private static void requestMenu(Node node, double x) throws Exception {
        WaitForAsyncUtils.asyncFx(() -> {
            Point2D scene = node.localToScene(x, 5);
            Point2D screen = node.localToScreen(x, 5);
            Event.fireEvent(node, new ContextMenuEvent(ContextMenuEvent.CONTEXT_MENU_REQUESTED, scene.getX(),
                    scene.getY(), screen.getX(), screen.getY(), false, null));
        }).get();
    }

    /**
     * Chooses an entry of the open context menu, following {@code path} through submenus. The entries are fired
     * rather than clicked: what is tested is the menu the gallery builds and what its entries do; pointing at
     * submenus is JavaFX's own business, and under a heavy load a pointer that drifts onto another entry makes
     * such a test flaky.
     */
    private static void choose(String... path) throws Exception {
        WaitForAsyncUtils.asyncFx(() -> {
            ContextMenu menu = openMenu();
            List<MenuItem> items = menu.getItems();
            MenuItem found = null;
            for (String text : path) {
                found = items.stream().filter(m -> text.equals(m.getText())).findFirst()
                        .orElseThrow(() -> new AssertionError("no entry '" + text + "' in the menu"));
                items = found instanceof Menu sub ? sub.getItems() : List.of();
            }
            menu.hide();
            found.fire();
        }).get(10, TimeUnit.SECONDS);
    }

    /** The context menu on screen, or null. FX thread. */
    private static ContextMenu openMenu() {
        return javafx.stage.Window.getWindows().stream().filter(w -> w instanceof ContextMenu && w.isShowing())
                .map(w -> (ContextMenu) w).findFirst().orElse(null);
    }

    /** Whether the open context menu has an entry {@code text} at its top level. */
    private static boolean menuHas(String text) throws Exception {
        return fx(() -> {
            ContextMenu menu = openMenu();
            return menu != null && menu.getItems().stream().anyMatch(m -> text.equals(m.getText()));
        });
    }

    /**
     * A thumbnail line on screen of a cluster that {@code which} accepts, or null. Only lines in cells on show: the
     * list keeps spare cells, hidden, whose stale lines are still in the scene. FX thread.
     */
    private static Node lineOf(FxRobot robot, IntPredicate which) {
        return robot.lookup(".thumbnail-row").match(NodeQueryUtils.isVisible()).queryAll().stream()
                .filter(n -> n.getScene() != null && cellOf(n) != null && cellOf(n).isVisible()
                        && !cellOf(n).isEmpty() && which.test(clusterOfLine(n)))
                .findFirst().orElse(null);
    }

    /** The cluster of the gallery line holding {@code node}, or -1. FX thread. */
    private static int clusterOfLine(Node node) {
        ListCell<?> cell = cellOf(node);
        return cell != null && cell.getItem() instanceof GalleryRow r ? r.cluster() : -1;
    }

    /** The list cell holding {@code node}, or null. FX thread. */
    private static ListCell<?> cellOf(Node node) {
        Node n = node;
        while (n != null && !(n instanceof ListCell<?>)) {
            n = n.getParent();
        }
        return (ListCell<?>) n;
    }

    /** A few images of a few classes of the bundled sample data, copied: the test never touches sample-data/. */
    static Path copySubset(Path to) throws IOException {
        Path sample = InitialData.sampleData().orElseThrow();
        for (String c : CLASSES) {
            Path dir = Files.createDirectories(to.resolve(c));
            try (Stream<Path> files = Files.list(sample.resolve(c)).sorted().limit(PER_CLASS)) {
                for (Path p : files.toList()) {
                    Files.copy(p, dir.resolve(p.getFileName()));
                }
            }
        }
        return to;
    }

    /** Every file under {@code root}, relative path to size and content hash. */
    static Map<String, String> snapshot(Path root) throws IOException {
        Map<String, String> files = new TreeMap<>();
        try (Stream<Path> all = Files.walk(root)) {
            for (Path p : all.filter(Files::isRegularFile).toList()) {
                files.put(root.relativize(p).toString(), Files.size(p) + ":" + java.util.Arrays.hashCode(
                        Files.readAllBytes(p)));
            }
        }
        return files;
    }

    private static <T> T fx(Callable<T> read) throws Exception {
        return FxTests.fx(read);
    }

    private void waitFor(int seconds, Callable<Boolean> condition) throws Exception {
        FxTests.waitFor(seconds, condition, () -> "run: '" + vm.run().messageProperty().get() + "', export: '"
                + vm.export().messageProperty().get() + "'");
    }
}
