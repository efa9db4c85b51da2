package io.mmdcstudio.app.gui;

import static io.mmdcstudio.app.gui.FxTests.fx;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.mmdcstudio.engine.run.Phase;
import io.mmdcstudio.engine.run.RunEvents;
import io.mmdcstudio.views.gallery.Assignments;
import io.mmdcstudio.views.studio.StudioView;
import io.mmdcstudio.views.studio.StudioViewModel;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Set;
import java.util.function.IntUnaryOperator;
import javafx.collections.ListChangeListener;
import javafx.collections.SetChangeListener;
import javafx.css.PseudoClass;
import javafx.scene.Node;
import javafx.scene.Parent;
import javafx.scene.control.Labeled;
import javafx.scene.control.ListView;
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
 * What a run changes in the window must not make JavaFX repaint all of it. JavaFX styles, lays out and
 * synchronises hidden nodes too, and a frame whose changes draw nothing on screen (a hidden tab's chart, or only
 * the CSS that a style change made during layout leaves marked dirty) has no dirty region, which it answers by
 * repainting the whole window: 10-60 ms in software (docs/BENCHMARKS.md, section 6). So hidden tabs are out of the
 * scene or change nothing, and the gallery's cells change no style as a new epoch fills them.
 */
@ExtendWith(ApplicationExtension.class)
class QuietFramesTest {

    @TempDir
    static Path settingsDir;

    private StudioWindow window;
    private StudioViewModel vm;

    @Start
    void start(Stage stage) {
        window = FxTests.showWindow(stage, settingsDir, InitialData.sampleData());
        vm = window.viewModel();
    }

    @AfterEach
    void close() throws Exception {
        FxTests.closeWindow(window);
    }

    @Test
    void hiddenTabsAreOutOfTheSceneOrChangeNothing(FxRobot robot) throws Exception {
        selectTab(StudioView.TRAINING);
        Node charts = fx(() -> window.view().lookup("#charts"));
        assertTrue(charts != null && fx(() -> charts.getScene() != null), "the training charts are on screen");
        for (String hidden : List.of("#map", "#confusion")) {
            assertTrue(robot.lookup(hidden).tryQuery().isEmpty(), hidden + " is hidden, so out of the scene");
        }
        // The hidden gallery holds no rows, but has made its cells (as the window opened), so that the first time it
        // shows, during a run, it only fills them.
        ListView<?> list = fx(() -> (ListView<?>) window.view().lookup("#gallery-list"));
        FxTests.waitFor(10, () -> fx(() -> list.lookupAll(".list-cell").size()) > 3, () -> "no cells made");
        assertTrue(fx(() -> list.getItems().isEmpty()), "the hidden gallery holds no rows");

        selectTab(StudioView.MAP);
        assertTrue(robot.lookup("#map").tryQuery().isPresent(), "the selected map comes in");
        assertSame(charts, fx(() -> window.view().lookup("#charts")), "the hidden charts stay, styled and laid out");
        var line = fx(() -> vm.charts().clusterLossSeries().get(0).getData());
        int before = fx(line::size);
        WaitForAsyncUtils.asyncFx(() -> vm.charts().addBatch(
                new RunEvents.BatchProgress(0, Phase.CLUSTERING, 0, 10, 0.5, 500, 0.1, 10))).get();
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals(before, fx(line::size), "hidden charts hold a new point");

        selectTab(StudioView.TRAINING);
        assertEquals(before + 1, fx(line::size), "shown again, they draw it");
        assertTrue(robot.lookup("#map").tryQuery().isEmpty(), "the map leaves");
    }

    @Test
    void aNewEpochChangesNoStyleInTheGalleryRows(FxRobot robot) throws Exception {
        FxTests.waitFor(30, () -> vm.data().datasetProperty().get() != null, () -> "no dataset");
        selectTab(StudioView.CLUSTERS);
        int n = fx(() -> vm.gallery().dataset().size());
        // Cluster 0 down to one row and cluster 1 empty move every later cluster's first row up: each cell on screen
        // shows both kinds of row once (a cell adds a node the first time it needs it).
        IntUnaryOperator even = i -> i % 10;
        IntUnaryOperator uneven = i -> i < 3 ? 0 : 2 + i % 8;
        show(epoch(0, n, uneven));
        show(epoch(1, n, even));
        ListView<?> list = fx(() -> (ListView<?>) window.view().lookup("#gallery-list"));
        List<String> changes = Collections.synchronizedList(new ArrayList<>());
        fx(() -> {
            list.lookupAll(".list-cell").forEach(cell -> watchStyle(cell, changes));
            return null;
        });
        String before = titlesOnScreen(list);

        show(epoch(2, n, uneven));

        assertFalse(before.equals(titlesOnScreen(list)), "the rows on screen changed: " + before);
        assertEquals(List.of(), changes, "style changes made while the gallery's cells were filled");
    }

    private void selectTab(String title) throws Exception {
        WaitForAsyncUtils.asyncFx(() -> window.view().selectTab(title)).get();
        WaitForAsyncUtils.waitForFxEvents();
    }

    private static Assignments epoch(int epoch, int n, IntUnaryOperator clusterOf) {
        int[] images = new int[n];
        int[] clusters = new int[n];
        float[] confidence = new float[n];
        for (int i = 0; i < n; i++) {
            images[i] = i;
            clusters[i] = clusterOf.applyAsInt(i);
            confidence[i] = (i % 97) / 97f;
        }
        return Assignments.of(epoch, 10, n, images, clusters, confidence, null, List.of());
    }

    /** Shows {@code a} in the gallery and waits until the list holds all its rows and has been laid out. */
    private void show(Assignments a) throws Exception {
        WaitForAsyncUtils.asyncFx(() -> vm.gallery().show(a)).get();
        ListView<?> list = fx(() -> (ListView<?>) window.view().lookup("#gallery-list"));
        FxTests.waitFor(10, () -> list.getItems().equals(vm.gallery().rows()), () -> "rows not all shown");
        Thread.sleep(300); // a few frames: the cells are filled in the layout after the rows arrive
        WaitForAsyncUtils.waitForFxEvents();
    }

    /** The cluster titles that the list's visible cells show, top to bottom. */
    private static String titlesOnScreen(ListView<?> list) throws Exception {
        return fx(() -> list.lookupAll(".cluster-name").stream().filter(Node::isVisible)
                .filter(t -> t.getParent().isVisible() && t.getParent().getParent().isVisible())
                .map(t -> ((Labeled) t).getText() + "@" + Math.round(t.localToScene(0, 0).getY())).sorted()
                .toList().toString());
    }

    /** Records every change to {@code node} and its descendants that makes JavaFX restyle them. */
    private static void watchStyle(Node node, List<String> changes) {
        String name = node.getClass().getSimpleName() + node.getStyleClass();
        node.getPseudoClassStates().addListener((SetChangeListener<PseudoClass>) c ->
                changes.add(name + (c.wasAdded() ? " +" + c.getElementAdded() : " -" + c.getElementRemoved())));
        node.styleProperty().addListener((obs, was, now) -> changes.add(name + " style " + now));
        node.getStyleClass().addListener((ListChangeListener<String>) c -> changes.add(name + " classes " + c));
        node.parentProperty().addListener((obs, was, now) -> changes.add(name + " moved"));
        Set<Node> children = Collections.newSetFromMap(new IdentityHashMap<>());
        if (node instanceof Parent p) {
            children.addAll(p.getChildrenUnmodifiable());
        }
        if (node instanceof Labeled l && l.getGraphic() != null) {
            children.add(l.getGraphic());
        }
        children.forEach(c -> watchStyle(c, changes));
    }
}
