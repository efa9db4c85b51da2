package io.mmdcstudio.views.gallery;

import io.mmdcstudio.views.corrections.CorrectionsViewModel;
import io.mmdcstudio.views.fx.ClusterPalette;
import io.mmdcstudio.views.fx.Formats;
import io.mmdcstudio.views.fx.NextFrame;
import io.mmdcstudio.views.fx.ThumbnailCache;
import java.util.List;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.collections.FXCollections;
import javafx.collections.ListChangeListener;
import javafx.collections.ObservableList;
import javafx.css.PseudoClass;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.ContextMenu;
import javafx.scene.control.Hyperlink;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.control.Menu;
import javafx.scene.control.MenuItem;
import javafx.scene.control.SeparatorMenuItem;
import javafx.scene.control.TextInputDialog;
import javafx.scene.control.skin.VirtualFlow;
import javafx.scene.layout.Border;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.BorderStroke;
import javafx.scene.layout.BorderStrokeStyle;
import javafx.scene.layout.BorderWidths;
import javafx.scene.layout.CornerRadii;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Pane;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;
import javafx.scene.paint.Color;
import javafx.scene.shape.Rectangle;

/**
 * The clusters tab: a virtualised list (a {@link ListView} re-uses a screenful of equal-height cells) of rows of
 * thumbnails, each cluster titled in the left column of its first row; the selected image's details on the right.
 * While the tab is hidden the list holds no items (once it has made its cells), so a run does not pay for laying
 * out what nobody sees; the rows on screen change a few a frame.
 */
public final class GalleryView extends BorderPane {

    /** Side of a thumbnail in the gallery, in pixels. */
    public static final double THUMB = 60;
    private static final double GAP = 6;
    private static final double TITLE_WIDTH = 170;
    private static final double ROW_HEIGHT = THUMB + 4 + 10;
    /** Rows on screen that change in one frame, at most (see {@link #fill()}). */
    private static final int ROWS_PER_FRAME = 3;
    /** The line above a cluster's first row, in the light and the dark theme (their -studio-border). */
    private static final Border LIGHT_RULE = rule(Color.web("#dde1e7"));
    private static final Border DARK_RULE = rule(Color.web("#343a43"));
    /** On the rows of the cluster that dragged images would be labelled as. */
    private static final PseudoClass DROP_TARGET = PseudoClass.getPseudoClass("drop-target");

    private final GalleryViewModel vm;
    private final CorrectionsViewModel corrections;
    private final ThumbnailCache thumbnails;
    private final ListView<GalleryRow> list = new ListView<>();
    private final BooleanProperty showing = new SimpleBooleanProperty(this, "showing", true);
    /** The rows the list holds: the view model's, the rows on screen changed a few per frame ({@link #fill()}). */
    private final ObservableList<GalleryRow> shown = FXCollections.observableArrayList();
    private final NextFrame nextFrame = new NextFrame();
    private boolean fillPending;
    /** Whether the list has made its screenful of cells (see {@link #makeCells()}). */
    private boolean cellsMade;
    private final BooleanProperty dark = new SimpleBooleanProperty(this, "dark");
    private final GalleryDrag drag;

    /** A gallery bound to {@code vm}; its menus correct the result through {@code corrections}. */
    public GalleryView(GalleryViewModel vm, CorrectionsViewModel corrections, ThumbnailCache thumbnails) {
        this.vm = vm;
        this.corrections = corrections;
        this.thumbnails = thumbnails;
        getStyleClass().add("gallery-view");
        setId("gallery");

        list.setId("gallery-list");
        list.getStyleClass().add("gallery-list");
        list.setFocusTraversable(false);
        list.setFixedCellSize(ROW_HEIGHT);
        list.setCellFactory(v -> new RowCell());
        // Rows take no keyboard focus. The default focus model moved its focus off and back onto the first row
        // whenever a new epoch replaced it, and that style change, made during layout, cost a whole-window
        // repaint in the next frame (see RowCell#updateItem).
        list.setFocusModel(null);
        list.setPlaceholder(placeholder());
        list.widthProperty().addListener((obs, was, now) -> {
            // Room for the title column, the scroll bar and the cell padding, then as many thumbnails as fit.
            double room = now.doubleValue() - TITLE_WIDTH - 34;
            int columns = (int) Math.max(1, Math.floor((room + GAP) / (THUMB + 4 + GAP)));
            if (columns != vm.columnsProperty().get()) {
                vm.columnsProperty().set(columns);
            }
        });
        list.setItems(shown);
        vm.rows().addListener((ListChangeListener<GalleryRow>) c -> fill());
        showing.addListener((obs, was, now) -> fill());
        list.heightProperty().addListener((obs, was, now) -> fill());
        vm.selectedProperty().addListener((obs, was, now) -> list.refresh());
        vm.pickedCountProperty().addListener((obs, was, now) -> list.refresh());
        corrections.editsProperty().addListener((obs, was, now) -> list.refresh());
        dark.addListener((obs, was, now) -> list.refresh());

        Label caption = new Label("Each row is a cluster, its most typical images first (those closest to the "
                + "cluster's mean). Click an image for its details; Ctrl-click picks several. Right-click a cluster's "
                + "title to name or merge it, an image to move or pin it (Ctrl+Z takes an edit back). To label a few "
                + "images for “Refine with labels”, drag them onto the cluster they belong to.");
        caption.getStyleClass().add("tab-caption");
        caption.setWrapText(true);
        caption.setMinHeight(Region.USE_PREF_SIZE);

        VBox centre = new VBox(8, caption, list);
        VBox.setVgrow(list, Priority.ALWAYS);
        StackPane stack = new StackPane(centre);
        drag = new GalleryDrag(list, stack, vm::titleOf, (items, cluster) -> {
            corrections.label(items, cluster);
            vm.clearPicks();
        }, list::refresh);
        setCenter(stack);
        ImageDetailsPane details = new ImageDetailsPane(vm.selectedProperty(), thumbnails);
        details.addAction(new LabelAction(vm, corrections));
        BorderPane.setMargin(details, new Insets(0, 0, 0, 12));
        setRight(details);
    }

    /**
     * Brings the list up to the view model's rows, the rows on screen {@value #ROWS_PER_FRAME} a frame: a row's
     * cell sets its title and draws a canvas of thumbnails (each new one turned into an image and a texture), and
     * a screenful at once, at a run's first epoch, held the FX thread for 50-140 ms on a busy 2-core machine
     * (docs/BENCHMARKS.md, section 6). Once the screen is current, the rows off screen follow at once: they have
     * no cells. While the tab is hidden the list holds no rows, so a run does not pay for what nobody sees, except
     * until it has made its cells ({@link #makeCells()}).
     */
    private void fill() {
        if (!showing.get()) {
            if (cellsMade || vm.rows().isEmpty()) {
                shown.clear();
            } else {
                makeCells();
            }
            return;
        }
        List<GalleryRow> rows = vm.rows();
        int[] screen = onScreen();
        int to = Math.min(screen[1], rows.size());
        int budget = ROWS_PER_FRAME;
        for (int i = screen[0]; i < to && budget > 0; i++) {
            while (shown.size() < i) {
                shown.add(rows.get(shown.size())); // above the screen: no cell to fill
            }
            if (i == shown.size()) {
                shown.add(rows.get(i));
                budget--;
            } else if (shown.get(i) != rows.get(i)) {
                shown.set(i, rows.get(i));
                budget--;
            }
        }
        if (budget > 0) {
            if (!shown.equals(rows)) {
                // Cells on screen hold these very rows already, so only the count and the rows off screen change.
                shown.setAll(rows);
            }
        } else if (!fillPending) {
            fillPending = true;
            nextFrame.execute(() -> {
                fillPending = false;
                fill();
            });
        }
    }

    /**
     * Lets the hidden list lay out the rows it has (before a run: the planned clusters' empty rows) until it has
     * made a screenful of cells, then empties it. The list keeps its cells when emptied, so the first time the
     * tab shows during a run its cells are only filled, not made: making them took 26-30 ms of that frame's
     * layout (docs/BENCHMARKS.md, section 6).
     */
    private void makeCells() {
        if (!shown.equals(vm.rows())) {
            shown.setAll(vm.rows());
        }
        // Checked once the frame is drawn: a list not yet laid out (no window yet, no height) tries again when its
        // height or rows change.
        nextFrame.execute(() -> {
            if (!cellsMade && flow() != null) {
                cellsMade = true;
                fill();
            }
        });
    }

    /** The indices of the rows on screen, [from, to): the list's visible cells, or a tall screenful from the top. */
    private int[] onScreen() {
        VirtualFlow<?> flow = flow();
        if (flow != null) {
            return new int[] {flow.getFirstVisibleCell().getIndex(), flow.getLastVisibleCell().getIndex() + 2};
        }
        // Before its first layout the list has no height: count a tall screen's worth of rows.
        double height = list.getHeight() > 0 ? list.getHeight() : 1200;
        return new int[] {0, (int) Math.ceil(height / ROW_HEIGHT) + 1};
    }

    /** The list's flow once it has laid out cells, else null. */
    private VirtualFlow<?> flow() {
        return list.lookup(".virtual-flow") instanceof VirtualFlow<?> flow && flow.getFirstVisibleCell() != null
                ? flow : null;
    }

    /** Whether the gallery is on screen (its tab selected); while false the list is left empty, once it has cells. */
    public BooleanProperty showingProperty() {
        return showing;
    }

    /** Dark background (follows the theme): the canvas rows pick their frame colours by it. */
    public BooleanProperty darkProperty() {
        return dark;
    }

    private static Label placeholder() {
        Label l = new Label("The gallery fills after the first epoch: each cluster gets rows of its most "
                + "typical images.");
        l.setWrapText(true);
        l.getStyleClass().add("muted");
        return l;
    }

    /** Name, use the suggested name, merge into another cluster. */
    private ContextMenu clusterMenu(int cluster) {
        MenuItem rename = new MenuItem("Name this cluster…");
        rename.setOnAction(e -> askName(cluster));
        ContextMenu menu = new ContextMenu(rename);
        String suggested = corrections.suggestionFor(cluster);
        if (suggested != null && !suggested.equals(corrections.editsProperty().get().nameOf(cluster))) {
            MenuItem accept = new MenuItem("Name it \u201c" + suggested + "\u201d (its most frequent label)");
            accept.setOnAction(e -> corrections.acceptSuggestion(cluster));
            menu.getItems().add(accept);
        }
        Menu merge = new Menu("Merge into");
        merge.setId("merge-into");
        for (int other : vm.survivingClusters()) {
            if (other != cluster) {
                MenuItem to = new MenuItem(vm.titleOf(other));
                to.setOnAction(e -> corrections.merge(cluster, other));
                merge.getItems().add(to);
            }
        }
        merge.setDisable(merge.getItems().isEmpty());
        menu.getItems().addAll(new SeparatorMenuItem(), merge);
        return menu;
    }

    private void askName(int cluster) {
        String now = corrections.editsProperty().get().nameOf(cluster);
        String suggested = corrections.suggestionFor(cluster);
        TextInputDialog dialog = new TextInputDialog(now != null ? now : suggested != null ? suggested : "");
        dialog.setTitle("Name a cluster");
        dialog.setHeaderText("A name for cluster " + cluster + " (its export folder takes this name; empty removes it)");
        dialog.initOwner(getScene() == null ? null : getScene().getWindow());
        dialog.showAndWait().ifPresent(name -> corrections.name(cluster, name));
    }

    /** Move {@code items} (picked images, or the one right-clicked) to another cluster; pin or unpin them. */
    private ContextMenu imageMenu(int cluster, List<String> items) {
        String what = items.size() == 1 ? "this image" : Formats.count(items.size()) + " images";
        Menu move = new Menu("Move " + what + " to");
        move.setId("move-to");
        for (int other : vm.survivingClusters()) {
            if (other != cluster) {
                MenuItem to = new MenuItem(vm.titleOf(other));
                to.setOnAction(e -> {
                    corrections.move(items, other);
                    vm.clearPicks();
                });
                move.getItems().add(to);
            }
        }
        boolean unpin = items.stream().allMatch(corrections.editsProperty().get()::isPinned);
        MenuItem pin = new MenuItem((unpin ? "Unpin " : "Pin ") + what);
        pin.setOnAction(e -> corrections.pin(items, !unpin));
        // The submenu last: on the way to its entries the pointer then crosses no other item that would close it.
        return new ContextMenu(pin, new SeparatorMenuItem(), move);
    }

    /** A top border in {@code color}: the line above a cluster's first row. */
    private static Border rule(Color color) {
        return new Border(new BorderStroke(color, Color.TRANSPARENT, Color.TRANSPARENT, Color.TRANSPARENT,
                BorderStrokeStyle.SOLID, BorderStrokeStyle.NONE, BorderStrokeStyle.NONE, BorderStrokeStyle.NONE,
                CornerRadii.EMPTY, new BorderWidths(1, 0, 0, 0), Insets.EMPTY));
    }

    /**
     * A row: the cluster's title column (on its first two rows) and a canvas of thumbnails.
     *
     * <p>{@link #updateItem} runs inside the list's layout, after the frame's CSS pass, so it changes no style (style
     * classes, pseudo-classes, inline styles, a node's parent): each such change leaves the scene's CSS marked dirty,
     * and the next frame, with nothing left to restyle or draw, has no dirty region, which JavaFX answers by
     * repainting the whole window. In software that took 10-20 ms a time and up to 59 ms at a run's first epoch
     * (docs/BENCHMARKS.md, section 6). Colours and the cluster line are therefore set as properties, and a cell's
     * nodes, once added, stay where they are and are only shown or hidden.
     */
    private final class RowCell extends ListCell<GalleryRow> {
        private final Rectangle swatch = new Rectangle(14, 14);
        private final Label name = new Label();
        private final Label size = new Label();
        private final Label about = new Label();
        private final Hyperlink more = new Hyperlink();
        private final VBox title = new VBox(1);
        private final Label empty = new Label("No images in this cluster yet.");
        private final ThumbnailRow row = new ThumbnailRow(THUMB, GAP, vm::pick);
        private final HBox content;
        private GalleryRow item;

        RowCell() {
            swatch.setArcWidth(8);
            swatch.setArcHeight(8);
            name.getStyleClass().add("cluster-name");
            name.setGraphic(swatch);
            size.getStyleClass().add("muted");
            about.getStyleClass().add("muted");
            more.setOnAction(e -> {
                if (item != null) {
                    vm.toggleExpanded(item.cluster());
                }
            });
            more.setPadding(Insets.EMPTY);
            title.setMinWidth(TITLE_WIDTH);
            title.setPrefWidth(TITLE_WIDTH);
            title.setMaxWidth(TITLE_WIDTH);
            title.setAlignment(Pos.TOP_LEFT);
            empty.getStyleClass().add("muted");
            row.marks(vm::isPicked, vm::isPinned);
            title.setOnContextMenuRequested(e -> {
                if (item != null && item.first() && vm.assignmentsProperty().get().epoch() < 0) {
                    clusterMenu(item.cluster()).show(title, e.getScreenX(), e.getScreenY());
                    e.consume();
                }
            });
            row.setOnDragDetected(e -> {
                int image = row.imageAt(e.getX());
                if (image >= 0 && item != null && vm.isFinal()) {
                    drag.start(row, vm.itemsFor(image), e);
                }
            });
            setOnMouseDragOver(e -> {
                if (item != null) {
                    drag.over(item.cluster());
                }
            });
            setOnMouseDragReleased(e -> {
                if (item != null) {
                    drag.dropOn(item.cluster());
                }
            });
            row.setOnContextMenuRequested(e -> {
                int image = row.imageAt(e.getX());
                if (image < 0 || item == null || vm.assignmentsProperty().get().epoch() >= 0) {
                    return;
                }
                // A right-click on a picked image acts on all picked ones, elsewhere on that image alone. The picks
                // are not changed here: that would refresh the list, and the cell (the menu's owner) with it.
                imageMenu(item.cluster(), vm.itemsFor(image)).show(row, e.getScreenX(), e.getScreenY());
                e.consume();
            });
            content = new HBox(0, title);
            content.setAlignment(Pos.CENTER_LEFT);
            content.setVisible(false);
            setText(null);
            setGraphic(content);
        }

        @Override
        protected void updateItem(GalleryRow r, boolean isEmpty) {
            super.updateItem(r, isEmpty);
            item = isEmpty ? null : r;
            pseudoClassStateChanged(DROP_TARGET, item != null && drag.active() && item.cluster() == drag.target());
            boolean isDark = dark.get();
            setBorder(item != null && item.first() ? (isDark ? DARK_RULE : LIGHT_RULE) : null);
            content.setVisible(item != null);
            if (item == null) {
                return;
            }
            if (item.first()) {
                swatch.setFill(ClusterPalette.color(item.cluster()));
                name.setText(vm.titleOf(item.cluster()));
                size.setText(Formats.count(item.size()) + (item.size() == 1 ? " image" : " images"));
                about.setText(item.caption());
                showOnly(title, name, size, about);
            } else if (item.line() == 1 && (item.expandable() || item.expanded())) {
                more.setText(item.expanded() ? "Show fewer" : "Show all " + Formats.count(item.size()));
                showOnly(title, more);
            } else {
                showOnly(title);
            }
            ImageDetails s = vm.selectedProperty().get();
            row.show(item.images(), s == null ? -1 : s.index(), thumbnails,
                    isDark ? Color.web("#2e333b") : Color.web("#e6e9ee"),
                    isDark ? Color.web("#5b8def") : Color.web("#2f64d6"),
                    isDark ? Color.web("#e0902a") : Color.web("#c26a00"));
            showOnly(content, title, item.images().length == 0 ? empty : row);
        }
    }

    /**
     * Shows these of {@code parent}'s children and hides (and leaves out of its layout) the others. A node is added
     * the first time its cell shows it and from then on only shown or hidden: a node given a new parent is restyled
     * (see {@link RowCell}), and nodes added before they are needed would each cost a new cell CSS and layout.
     */
    private static void showOnly(Pane parent, Node... shown) {
        List<Node> on = List.of(shown);
        for (Node node : shown) {
            if (node.getParent() != parent) {
                parent.getChildren().add(node);
            }
        }
        for (Node child : parent.getChildren()) {
            boolean show = on.contains(child);
            if (child.isVisible() != show) {
                child.setVisible(show);
                child.setManaged(show);
            }
        }
    }
}
