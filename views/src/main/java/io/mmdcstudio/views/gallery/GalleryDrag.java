package io.mmdcstudio.views.gallery;

import io.mmdcstudio.views.fx.Formats;
import java.util.List;
import java.util.function.IntFunction;
import javafx.animation.KeyFrame;
import javafx.animation.Timeline;
import javafx.application.Platform;
import javafx.geometry.Point2D;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.control.ListView;
import javafx.scene.control.skin.VirtualFlow;
import javafx.scene.input.MouseDragEvent;
import javafx.scene.input.MouseEvent;
import javafx.scene.layout.Pane;
import javafx.util.Duration;

/**
 * Dragging images of the gallery onto a cluster: the drop labels them as examples of that cluster (moved there and
 * pinned). It is a press-drag-release gesture inside the window ({@link Node#startFullDrag()}), not a system
 * drag-and-drop: the images never leave the application, and it behaves the same on every platform and in the
 * headless tests. A badge follows the pointer and says what a drop would do; near the list's top or bottom edge the
 * list scrolls, so that a cluster out of view can be reached.
 */
final class GalleryDrag {

    /** How close to the list's top or bottom edge (pixels) the pointer scrolls it. */
    private static final double EDGE = 40;
    /** Pixels scrolled per tick of {@link #scroller}, at the very edge. */
    private static final double STEP = 14;

    /** What the drop does: label {@code items} as cluster {@code cluster}. */
    @FunctionalInterface
    interface Drop {
        void label(List<String> items, int cluster);
    }

    private final ListView<?> list;
    private final Label badge = new Label();
    private final IntFunction<String> titles;
    private final Drop drop;
    private final Runnable targetChanged;
    private final Timeline scroller;
    private double scrollSpeed;
    private List<String> items;
    private int target = -1;

    /**
     * @param list          the gallery's list (scrolled near its edges)
     * @param overlay       where the badge is drawn (a pane over the list, not laying out its children)
     * @param titles        a cluster's title
     * @param drop          what a drop does
     * @param targetChanged called when the cluster under the pointer changes (the rows re-draw their highlight)
     */
    GalleryDrag(ListView<?> list, Pane overlay, IntFunction<String> titles, Drop drop, Runnable targetChanged) {
        this.list = list;
        this.titles = titles;
        this.drop = drop;
        this.targetChanged = targetChanged;
        badge.getStyleClass().add("drag-badge");
        badge.setId("drag-badge");
        badge.setManaged(false);
        badge.setMouseTransparent(true);
        badge.setVisible(false);
        overlay.getChildren().add(badge);
        scroller = new Timeline(new KeyFrame(Duration.millis(30), e -> scrollBy(scrollSpeed)));
        scroller.setCycleCount(Timeline.INDEFINITE);
        overlay.addEventFilter(MouseDragEvent.MOUSE_DRAG_OVER, e -> follow(overlay, e));
        // The gesture ends at the release, over a cluster or not; the drop (if any) is handled first.
        overlay.addEventFilter(MouseEvent.MOUSE_RELEASED, e -> Platform.runLater(this::end));
    }

    /** Starts dragging {@code dragged} from {@code source}, as its drag-detected event {@code e} asks. */
    void start(Node source, List<String> dragged, MouseEvent e) {
        items = List.copyOf(dragged);
        badge.setText(what() + " \u2192 drop on a cluster to label");
        badge.setVisible(true);
        source.startFullDrag();
        e.consume();
    }

    /** Whether images are being dragged. */
    boolean active() {
        return items != null;
    }

    /** The cluster a drop would label the images as, or -1. */
    int target() {
        return target;
    }

    /** The pointer is over a row of {@code cluster}. */
    void over(int cluster) {
        if (items == null || cluster == target) {
            return;
        }
        target = cluster;
        badge.setText("Label " + what() + " as " + titles.apply(cluster));
        targetChanged.run();
    }

    /** The images were dropped on a row of {@code cluster}. */
    void dropOn(int cluster) {
        if (items != null && cluster >= 0) {
            drop.label(items, cluster);
        }
        end();
    }

    private String what() {
        return items.size() == 1 ? "1 image" : Formats.count(items.size()) + " images";
    }

    private void follow(Pane overlay, MouseDragEvent e) {
        if (items == null) {
            return;
        }
        Point2D p = overlay.sceneToLocal(e.getSceneX(), e.getSceneY());
        badge.autosize();
        badge.relocate(p.getX() + 14, p.getY() + 12);
        Point2D inList = list.sceneToLocal(e.getSceneX(), e.getSceneY());
        double h = list.getHeight();
        if (inList.getY() < EDGE) {
            scrollSpeed = -STEP * (EDGE - Math.max(0, inList.getY())) / EDGE;
        } else if (inList.getY() > h - EDGE) {
            scrollSpeed = STEP * (inList.getY() - (h - EDGE)) / EDGE;
        } else {
            scrollSpeed = 0;
        }
        if (scrollSpeed != 0) {
            scroller.play();
        } else {
            scroller.stop();
        }
    }

    private void scrollBy(double pixels) {
        if (list.lookup(".virtual-flow") instanceof VirtualFlow<?> flow) {
            flow.scrollPixels(pixels);
        }
    }

    private void end() {
        scroller.stop();
        boolean had = target >= 0;
        items = null;
        target = -1;
        badge.setVisible(false);
        if (had) {
            targetChanged.run();
        }
    }
}
