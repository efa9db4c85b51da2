package io.mmdcstudio.views.studio;

import io.mmdcstudio.engine.session.SessionState;
import io.mmdcstudio.views.charts.ChartsView;
import io.mmdcstudio.views.confusion.ConfusionMatrixView;
import io.mmdcstudio.views.data.DataPanel;
import io.mmdcstudio.views.export.ExportSheet;
import io.mmdcstudio.views.fx.Icons;
import io.mmdcstudio.views.fx.NextFrame;
import io.mmdcstudio.views.fx.ThumbnailCache;
import io.mmdcstudio.views.gallery.GalleryView;
import io.mmdcstudio.views.map.MapView;
import io.mmdcstudio.views.run.ProgressStrip;
import io.mmdcstudio.views.run.ResultPanel;
import io.mmdcstudio.views.run.RunPanel;
import io.mmdcstudio.views.settings.SettingsPanel;
import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.BooleanBinding;
import javafx.beans.value.ChangeListener;
import javafx.beans.value.ObservableValue;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.Tab;
import javafx.scene.control.TabPane;
import javafx.scene.control.Tooltip;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyCodeCombination;
import javafx.scene.input.KeyCombination;
import javafx.scene.input.TransferMode;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import javafx.stage.DirectoryChooser;
import javafx.stage.FileChooser;
import javafx.stage.Stage;

/**
 * The main window's content: a toolbar (open, theme), a side bar of cards (images, settings, run, result), the
 * tabs (training charts, clusters, map, confusion matrix) and the progress strip. Builds and binds only; every
 * decision is the view model's.
 */
public final class StudioView extends BorderPane {

    /** Tab titles, also used to select tabs (screenshots, tests). */
    public static final String TRAINING = "Training";
    /** The gallery tab. */
    public static final String CLUSTERS = "Clusters";
    /** The map tab. */
    public static final String MAP = "Map";
    /** The confusion-matrix tab. */
    public static final String CONFUSION = "Confusion matrix";

    private static final String COMMON_CSS = StudioView.class.getResource("studio.css").toExternalForm();

    private final StudioViewModel vm;
    private final TabPane tabs = new TabPane();
    private Stage exportStage;

    /** The window content bound to {@code vm}. */
    public StudioView(StudioViewModel vm) {
        this.vm = vm;
        getStyleClass().add("studio");
        ThumbnailCache thumbnails = new ThumbnailCache();
        vm.data().datasetProperty().addListener((obs, was, now) -> thumbnails.setDataset(now));
        BooleanBinding dark = Bindings.createBooleanBinding(() -> vm.themeProperty().get().dark(), vm.themeProperty());
        BooleanBinding running = Bindings.createBooleanBinding(() -> vm.run().stateProperty().get().active(),
                vm.run().stateProperty());

        setTop(toolbar());

        VBox cards = new VBox(12,
                new DataPanel(vm.data(), thumbnails),
                new SettingsPanel(vm.settings(), twoFramesLater(running)),
                new RunPanel(vm.run()),
                new ResultPanel(vm.run(), this::chooseSaveFolder, this::openExport,
                        () -> vm.run().continueWithCorrections(vm.corrections().editsProperty().get()),
                        () -> vm.run().refineWithLabels(vm.corrections().editsProperty().get()),
                        vm.corrections().labelledProperty()));
        cards.getStyleClass().add("side-bar");
        ScrollPane side = new ScrollPane(cards);
        side.setFitToWidth(true);
        side.setHbarPolicy(ScrollPane.ScrollBarPolicy.NEVER);
        side.getStyleClass().add("side-scroll");
        side.setPrefWidth(350);
        side.setMinWidth(300);
        setLeft(side);
        // When a run ends, bring its result (and the Save button) into view, once the card has its height.
        boolean[] revealResult = {false};
        vm.run().summaryProperty().addListener((obs, was, now) -> revealResult[0] = now != null);
        cards.heightProperty().addListener((obs, was, now) -> {
            if (revealResult[0]) {
                revealResult[0] = false;
                side.setVvalue(side.getVmax());
            }
        });

        MapView mapView = new MapView(vm.map(), vm.gallery(), thumbnails, dark);
        GalleryView gallery = new GalleryView(vm.gallery(), vm.corrections(), thumbnails);
        ConfusionMatrixView confusion = new ConfusionMatrixView(vm.confusion(), dark);
        Tab chartsTab = tab(TRAINING, new ChartsView(vm.charts()));
        Tab galleryTab = tab(CLUSTERS, gallery);
        Tab mapTab = tab(MAP, mapView);
        Tab confusionTab = tab(CONFUSION, confusion);
        tabs.getTabs().setAll(List.of(chartsTab, galleryTab, mapTab, confusionTab));
        // Hidden tabs skip their work during a run: only what is on screen is laid out and drawn.
        gallery.showingProperty().bind(galleryTab.selectedProperty());
        gallery.darkProperty().bind(dark);
        mapView.canvas().showingProperty().bind(mapTab.selectedProperty());
        confusion.showingProperty().bind(confusionTab.selectedProperty());
        vm.charts().showingProperty().bind(chartsTab.selectedProperty());
        tabs.setTabClosingPolicy(TabPane.TabClosingPolicy.UNAVAILABLE);
        // The map's and the matrix's captions and legend change every epoch. The hidden gallery holds no rows and the
        // hidden charts hold their changes, so they stay, styled and laid out, for a quick switch: bringing the
        // charts back into the scene restyled every node of theirs, 29-63 ms in software (docs/BENCHMARKS.md).
        detachWhileHidden(tabs, List.of(mapTab, confusionTab));
        // The session remembers the tab on screen, and an opened session brings its tab back.
        vm.session().selectedTabProperty().set(tabs.getSelectionModel().getSelectedItem().getText());
        tabs.getSelectionModel().selectedItemProperty().addListener((obs, was, now) ->
                vm.session().selectedTabProperty().set(now == null ? "" : now.getText()));
        vm.session().selectedTabProperty().addListener((obs, was, now) -> selectTab(now));
        tabs.getStyleClass().add("main-tabs");
        setCenter(tabs);

        setBottom(new ProgressStrip(vm.run()));
    }

    /**
     * Keeps the content of these tabs out of the scene while they are hidden, and brings it back when selected.
     * JavaFX styles, lays out and synchronises a hidden tab's nodes as well, and a frame whose only changes are in
     * hidden nodes has no dirty region, which it answers by repainting the whole window: a hidden legend's or
     * chart's new text did that once an epoch or more during a run (10-20 ms in software; docs/BENCHMARKS.md,
     * section 6). Views that can hold their changes while hidden (the charts) stay instead: re-attaching restyles
     * every node of theirs. All
     * tabs stay in the scene for the window's first frame, so that their controls get their skins as the window
     * opens and not in the frame that first shows them.
     */
    private static void detachWhileHidden(TabPane tabs, List<Tab> detachable) {
        Map<Tab, Node> contents = new IdentityHashMap<>();
        detachable.forEach(t -> contents.put(t, t.getContent()));
        tabs.getSelectionModel().selectedItemProperty().addListener((obs, was, now) -> {
            if (contents.containsKey(was)) {
                was.setContent(null);
            }
            if (contents.containsKey(now)) {
                now.setContent(contents.get(now));
            }
        });
        afterFirstFrame(tabs, () -> detachable.stream().filter(t -> !t.isSelected()).forEach(t -> t.setContent(null)));
    }

    /** Runs {@code action} once, after the layout of the first frame that shows {@code node}. */
    private static void afterFirstFrame(Node node, Runnable action) {
        node.sceneProperty().addListener(new ChangeListener<>() {
            @Override
            public void changed(ObservableValue<? extends Scene> obs, Scene was, Scene now) {
                if (now == null) {
                    return;
                }
                node.sceneProperty().removeListener(this);
                Runnable[] once = new Runnable[1];
                once[0] = () -> {
                    now.removePostLayoutPulseListener(once[0]);
                    action.run();
                };
                now.addPostLayoutPulseListener(once[0]);
            }
        });
    }

    private static Tab tab(String title, Region content) {
        content.getStyleClass().add("tab-body");
        Tab t = new Tab(title, content);
        t.setId("tab-" + title.toLowerCase(java.util.Locale.ROOT).replace(' ', '-'));
        return t;
    }

    private HBox toolbar() {
        Label brand = new Label("MMDC Studio");
        brand.getStyleClass().add("brand");
        Button openFolder = new Button("Open folder…", Icons.folder());
        openFolder.setId("open-folder");
        openFolder.setOnAction(e -> chooseFolder());
        openFolder.setTooltip(new Tooltip("Open a folder of images, searched recursively, or an earlier run's "
                + "folder (Ctrl+O). You can also drop a folder on the window."));
        Button openIdx = new Button("Open IDX file…", Icons.file());
        openIdx.setId("open-idx");
        openIdx.setOnAction(e -> chooseIdx());
        openIdx.setTooltip(new Tooltip("Open an IDX images file such as train-images-idx3-ubyte.gz"));
        BooleanBinding running = Bindings.createBooleanBinding(() -> vm.run().stateProperty().get().active(),
                vm.run().stateProperty());
        openFolder.disableProperty().bind(running);
        openIdx.disableProperty().bind(running);
        Button openSession = new Button("Open session…", Icons.folder());
        openSession.setId("open-session");
        openSession.setOnAction(e -> chooseSession());
        openSession.setTooltip(new Tooltip("Open a saved session (a NAME.mmdc-session folder): the result, "
                + "corrections, map and view as they were, without retraining (Ctrl+Shift+O)"));
        openSession.disableProperty().bind(running.or(vm.session().busyProperty()));
        Button saveSession = new Button("Save session…", Icons.save());
        saveSession.setId("save-session");
        saveSession.setOnAction(e -> chooseSessionFile());
        saveSession.setTooltip(new Tooltip("Save the result, corrections, map layout and view as a session folder "
                + "(Ctrl+Shift+S)"));
        saveSession.disableProperty().bind(vm.session().canSaveProperty().not());
        Region spacer = new Region();
        HBox.setHgrow(spacer, Priority.ALWAYS);
        Button theme = new Button();
        theme.setId("theme");
        theme.setGraphic(Icons.contrast());
        theme.textProperty().bind(Bindings.createStringBinding(
                () -> vm.themeProperty().get().dark() ? "Light theme" : "Dark theme", vm.themeProperty()));
        theme.setOnAction(e -> vm.themeProperty().set(vm.themeProperty().get().toggled()));
        HBox bar = new HBox(8, brand, openFolder, openIdx, openSession, saveSession, spacer, theme);
        bar.setAlignment(Pos.CENTER_LEFT);
        bar.getStyleClass().add("app-bar");
        return bar;
    }

    /** Adds stylesheets, shortcuts and folder drop to the scene showing this view. */
    public void install(Scene scene) {
        scene.getStylesheets().setAll(COMMON_CSS, vm.themeProperty().get().stylesheet());
        vm.themeProperty().addListener((obs, was, now) -> scene.getStylesheets().setAll(COMMON_CSS, now.stylesheet()));
        var keys = scene.getAccelerators();
        keys.put(new KeyCodeCombination(KeyCode.ENTER, KeyCombination.SHORTCUT_DOWN), vm.run()::start);
        keys.put(new KeyCodeCombination(KeyCode.P, KeyCombination.SHORTCUT_DOWN), vm.run()::togglePause);
        keys.put(new KeyCodeCombination(KeyCode.PERIOD, KeyCombination.SHORTCUT_DOWN), vm.run()::cancel);
        keys.put(new KeyCodeCombination(KeyCode.O, KeyCombination.SHORTCUT_DOWN), this::chooseFolder);
        keys.put(new KeyCodeCombination(KeyCode.S, KeyCombination.SHORTCUT_DOWN), this::chooseSaveFolder);
        keys.put(new KeyCodeCombination(KeyCode.E, KeyCombination.SHORTCUT_DOWN), this::openExport);
        keys.put(new KeyCodeCombination(KeyCode.Z, KeyCombination.SHORTCUT_DOWN), vm.corrections()::undo);
        keys.put(new KeyCodeCombination(KeyCode.S, KeyCombination.SHORTCUT_DOWN, KeyCombination.SHIFT_DOWN),
                this::chooseSessionFile);
        keys.put(new KeyCodeCombination(KeyCode.O, KeyCombination.SHORTCUT_DOWN, KeyCombination.SHIFT_DOWN),
                this::chooseSession);
        scene.setOnDragOver(e -> {
            if (e.getDragboard().hasFiles() && !vm.run().stateProperty().get().active()) {
                e.acceptTransferModes(TransferMode.COPY_OR_MOVE);
            }
            e.consume();
        });
        scene.setOnDragDropped(e -> {
            boolean done = false;
            if (e.getDragboard().hasFiles() && !e.getDragboard().getFiles().isEmpty()) {
                vm.open(e.getDragboard().getFiles().get(0).toPath());
                done = true;
            }
            e.setDropCompleted(done);
            e.consume();
        });
    }

    /** Selects the tab with this title. */
    public void selectTab(String title) {
        tabs.getTabs().stream().filter(t -> t.getText().equals(title)).findFirst()
                .ifPresent(t -> tabs.getSelectionModel().select(t));
    }

    /** Opens the export sheet (one at a time; a second call brings it to the front). */
    public void openExport() {
        if (vm.run().outputProperty().get() == null) {
            return;
        }
        if (exportStage != null && exportStage.isShowing()) {
            exportStage.toFront();
            return;
        }
        exportStage = ExportSheet.open(getScene().getWindow(), vm.export());
    }

    /** The export sheet's window while it is open, else null. */
    public Stage exportStage() {
        return exportStage != null && exportStage.isShowing() ? exportStage : null;
    }

    private File startFolder() {
        Path p = vm.data().pathProperty().get();
        if (p == null) {
            return null;
        }
        // The folder holding the open data: a sibling folder is the likeliest next choice.
        Path dir = p.getParent();
        return dir != null && Files.isDirectory(dir) ? dir.toFile() : null;
    }

    private void chooseFolder() {
        if (vm.run().stateProperty().get().active()) {
            return;
        }
        DirectoryChooser chooser = new DirectoryChooser();
        chooser.setTitle("Open a folder of images (or a saved run's folder)");
        chooser.setInitialDirectory(startFolder());
        File f = chooser.showDialog(getScene().getWindow());
        if (f != null) {
            vm.open(f.toPath());
        }
    }

    private void chooseSession() {
        if (vm.run().stateProperty().get().active()) {
            return;
        }
        DirectoryChooser chooser = new DirectoryChooser();
        chooser.setTitle("Open a session (a NAME.mmdc-session folder)");
        chooser.setInitialDirectory(startFolder());
        File f = chooser.showDialog(getScene().getWindow());
        if (f != null) {
            vm.session().open(f.toPath());
        }
    }

    private void chooseSessionFile() {
        if (!vm.session().canSaveProperty().get()) {
            return;
        }
        FileChooser chooser = new FileChooser();
        chooser.setTitle("Save the session (a NAME.mmdc-session folder is made)");
        chooser.setInitialDirectory(startFolder());
        chooser.setInitialFileName("clusters" + SessionState.SUFFIX);
        File f = chooser.showSaveDialog(getScene().getWindow());
        if (f != null) {
            vm.session().save(f.toPath());
        }
    }

    private void chooseIdx() {
        FileChooser chooser = new FileChooser();
        chooser.setTitle("Open an IDX images file");
        chooser.getExtensionFilters().addAll(
                new FileChooser.ExtensionFilter("IDX images", "*-ubyte", "*-ubyte.gz", "*.idx3", "*.idx3.gz"),
                new FileChooser.ExtensionFilter("All files", "*"));
        chooser.setInitialDirectory(startFolder());
        File f = chooser.showOpenDialog(getScene().getWindow());
        if (f != null) {
            vm.open(f.toPath());
        }
    }

    private void chooseSaveFolder() {
        if (!vm.run().canSaveProperty().get()) {
            return;
        }
        DirectoryChooser chooser = new DirectoryChooser();
        chooser.setTitle("Choose where to save the results (a new folder is made inside)");
        chooser.setInitialDirectory(startFolder());
        File f = chooser.showDialog(getScene().getWindow());
        if (f != null) {
            String stamp = LocalDateTime.now().format(DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss"));
            vm.run().save(f.toPath().resolve("mmdc-run-" + stamp));
        }
    }

    /**
     * Follows {@code value}, but turns true two frames later than it does (false at once). Start disables the
     * settings card through it: greying the card was the costliest painting of the click, and a frame of its own,
     * between the ones in which RunViewModel empties the charts (StudioExecutors.nextFrame), keeps every frame
     * after Start short (docs/BENCHMARKS.md, section 6). The run's settings were taken at the click, so a field
     * typed into meanwhile changes nothing of the run.
     */
    private static javafx.beans.value.ObservableBooleanValue twoFramesLater(
            javafx.beans.value.ObservableBooleanValue value) {
        javafx.beans.property.BooleanProperty lagged = new javafx.beans.property.SimpleBooleanProperty(value.get());
        NextFrame next = new NextFrame(2);
        value.addListener((obs, was, now) -> {
            if (now) {
                next.execute(() -> lagged.set(value.get()));
            } else {
                lagged.set(false);
            }
        });
        return lagged;
    }
}
