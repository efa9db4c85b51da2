package io.mmdcstudio.views.export;

import io.mmdcstudio.engine.export.ExportMode;
import io.mmdcstudio.engine.export.ExportPlan;
import io.mmdcstudio.views.fx.Formats;
import io.mmdcstudio.views.fx.Icons;
import java.io.File;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.Locale;
import java.util.function.Function;
import javafx.beans.binding.Bindings;
import javafx.collections.ObservableList;
import javafx.geometry.Pos;
import javafx.scene.Scene;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.control.ProgressBar;
import javafx.scene.control.TextField;
import javafx.scene.control.ToggleButton;
import javafx.scene.control.ToggleGroup;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import javafx.stage.DirectoryChooser;
import javafx.stage.Modality;
import javafx.stage.Stage;
import javafx.stage.Window;

/**
 * The export sheet: target folder, mode (copy, move, link), Preview (dry run) with per-folder counts, name clashes,
 * skipped images and every step in a virtualised list, then Export with progress, estimate and Cancel, and Undo.
 * Builds and binds only; every decision is {@link ExportViewModel}'s.
 */
public final class ExportSheet extends VBox {

    private final ExportViewModel vm;

    /** The sheet's content bound to {@code vm}. */
    public ExportSheet(ExportViewModel vm) {
        this.vm = vm;
        setId("export-sheet");
        getStyleClass().addAll("studio", "export-sheet");
        setSpacing(10);

        Label title = new Label("Export into one folder per cluster");
        title.getStyleClass().add("card-title");
        Label intro = new Label("Each image goes into TARGET/<cluster name>/, with your corrections applied. Nothing "
                + "is ever overwritten, and an undo journal is written before the first file is touched.");
        intro.getStyleClass().add("muted");
        intro.setWrapText(true);
        intro.setMinHeight(Region.USE_PREF_SIZE); // wrap onto a second line rather than cut the sentence

        getChildren().addAll(title, intro, targetRow(), modeRow(), buttons(), blockedLine(), summary(), lists(),
                progress(), messageLine());
        VBox.setVgrow(getChildren().get(7), Priority.ALWAYS);
    }

    /** Opens the sheet in its own window over {@code owner}, with the owner's stylesheets. */
    public static Stage open(Window owner, ExportViewModel vm) {
        Stage stage = new Stage();
        stage.initOwner(owner);
        stage.initModality(Modality.WINDOW_MODAL);
        stage.setTitle("Export — MMDC Studio");
        ExportSheet sheet = new ExportSheet(vm);
        Scene scene = new Scene(sheet, 880, 640);
        if (owner != null && owner.getScene() != null) {
            // The sheet follows the window's theme while it is open.
            ObservableList<String> sheets = owner.getScene().getStylesheets();
            scene.getStylesheets().setAll(sheets);
            javafx.collections.ListChangeListener<String> follow = c -> scene.getStylesheets().setAll(sheets);
            sheets.addListener(follow);
            stage.setOnHidden(e -> sheets.removeListener(follow));
        }
        stage.setScene(scene);
        stage.setMinWidth(640);
        stage.setMinHeight(480);
        stage.show();
        return stage;
    }

    private HBox targetRow() {
        Label label = new Label("Target folder");
        TextField field = new TextField();
        field.setId("export-target");
        field.getStyleClass().add("path-field");
        field.setPromptText("A folder that receives one folder per cluster (created if needed)");
        HBox.setHgrow(field, Priority.ALWAYS);
        syncPath(field);
        Button choose = new Button("Choose…", Icons.folder());
        choose.setId("export-choose");
        choose.setOnAction(e -> chooseTarget());
        field.disableProperty().bind(Bindings.createBooleanBinding(() -> vm.activityProperty().get().busy(),
                vm.activityProperty()));
        choose.disableProperty().bind(field.disableProperty());
        HBox row = new HBox(8, label, field, choose);
        row.setAlignment(Pos.CENTER_LEFT);
        return row;
    }

    /** Keeps the text and the view model's path in step, without a loop. */
    private void syncPath(TextField field) {
        field.setText(vm.targetProperty().get() == null ? "" : vm.targetProperty().get().toString());
        vm.targetProperty().addListener((obs, was, now) -> {
            String text = now == null ? "" : now.toString();
            if (!text.equals(field.getText())) {
                field.setText(text);
            }
        });
        field.textProperty().addListener((obs, was, now) -> {
            Path p = parse(now);
            if (p == null ? vm.targetProperty().get() != null : !p.equals(vm.targetProperty().get())) {
                vm.targetProperty().set(p);
            }
        });
    }

    private static Path parse(String text) {
        if (text == null || text.isBlank()) {
            return null;
        }
        try {
            return Path.of(text.strip());
        } catch (InvalidPathException e) {
            return null;
        }
    }

    private void chooseTarget() {
        DirectoryChooser chooser = new DirectoryChooser();
        chooser.setTitle("Choose the folder that receives one folder per cluster");
        Path now = vm.targetProperty().get();
        if (now != null && Files.isDirectory(now)) {
            chooser.setInitialDirectory(now.toFile());
        }
        File f = chooser.showDialog(getScene().getWindow());
        if (f != null) {
            vm.targetProperty().set(f.toPath());
        }
    }

    private HBox modeRow() {
        ToggleGroup group = new ToggleGroup();
        HBox row = new HBox(0);
        row.getStyleClass().add("segmented");
        for (ExportMode m : ExportMode.values()) {
            ToggleButton b = new ToggleButton(switch (m) {
                case COPY -> "Copy";
                case MOVE -> "Move";
                case LINK -> "Link";
            });
            b.setId("export-mode-" + m.label());
            b.setUserData(m);
            b.setToggleGroup(group);
            b.setTooltip(new Tooltip(switch (m) {
                case COPY -> "Copies: the originals stay where they are (the safe default)";
                case MOVE -> "Moves the originals into the cluster folders; Undo moves them back. Needs a preview.";
                case LINK -> "Symbolic links to the originals: no extra space, the originals stay";
            }));
            b.setSelected(m == vm.modeProperty().get());
            row.getChildren().add(b);
        }
        group.selectedToggleProperty().addListener((obs, was, now) -> {
            if (now == null) {
                was.setSelected(true); // one mode is always chosen
            } else {
                vm.modeProperty().set((ExportMode) now.getUserData());
            }
        });
        vm.modeProperty().addListener((obs, was, now) -> group.getToggles().forEach(
                t -> t.setSelected(t.getUserData() == now)));
        row.disableProperty().bind(Bindings.createBooleanBinding(() -> vm.activityProperty().get().busy(),
                vm.activityProperty()));
        Label label = new Label("Mode");
        HBox line = new HBox(8, label, row);
        line.setAlignment(Pos.CENTER_LEFT);
        return line;
    }

    private HBox buttons() {
        Button preview = new Button("Preview (dry run)");
        preview.setId("export-preview");
        preview.disableProperty().bind(vm.canPreviewProperty().not());
        preview.setOnAction(e -> vm.preview());
        preview.setTooltip(new Tooltip("Show what would happen, with counts and name clashes; change nothing"));
        Button export = new Button("Export");
        export.setId("export-run");
        export.getStyleClass().add("default-action");
        export.setDefaultButton(true);
        export.disableProperty().bind(vm.canExportProperty().not());
        export.setOnAction(e -> vm.export());
        Button cancel = new Button("Cancel", Icons.stop());
        cancel.setId("export-cancel");
        cancel.disableProperty().bind(vm.canCancelProperty().not());
        cancel.setOnAction(e -> vm.cancel());
        Button undo = new Button("Undo export");
        undo.setId("export-undo");
        undo.disableProperty().bind(vm.canUndoProperty().not());
        undo.setOnAction(e -> vm.undo());
        undo.setTooltip(new Tooltip("Put every file back: moved images return, copies and links are removed"));
        Region spacer = new Region();
        HBox.setHgrow(spacer, Priority.ALWAYS);
        Button close = new Button("Close");
        close.setId("export-close");
        close.setCancelButton(true);
        close.setOnAction(e -> {
            if (getScene() != null && getScene().getWindow() instanceof Stage s) {
                s.close();
            }
        });
        // Closing while files are being exported would hide the progress, not stop the work: wait for it.
        close.disableProperty().bind(Bindings.createBooleanBinding(() -> vm.activityProperty().get().busy(),
                vm.activityProperty()));
        HBox row = new HBox(8, preview, export, cancel, undo, spacer, close);
        row.setAlignment(Pos.CENTER_LEFT);
        return row;
    }

    private Label blockedLine() {
        Label blocked = new Label();
        blocked.setId("export-blocked");
        blocked.getStyleClass().add("warning-text");
        blocked.setWrapText(true);
        blocked.textProperty().bind(vm.exportBlockedReasonProperty());
        blocked.visibleProperty().bind(vm.exportBlockedReasonProperty().isNotEmpty());
        blocked.managedProperty().bind(blocked.visibleProperty());
        return blocked;
    }

    private Label summary() {
        Label summary = new Label();
        summary.setId("export-summary");
        summary.getStyleClass().add("summary");
        summary.setWrapText(true);
        summary.textProperty().bind(vm.planSummaryProperty());
        return summary;
    }

    private HBox lists() {
        ListView<FolderCount> folders = list("export-folders", vm.folders(),
                f -> String.format(Locale.ROOT, "%-28s %8s", f.folder() + "/", Formats.count(f.images())));
        folders.setPrefWidth(260);
        folders.setMinWidth(200);
        ListView<ExportPlan.Operation> steps = list("export-steps", vm.steps(), this::describe);
        ListView<ExportPlan.Skipped> skipped = list("export-skipped", vm.skipped(),
                s -> s.item() + ": " + s.reason());
        skipped.setPrefHeight(90);
        skipped.visibleProperty().bind(Bindings.isNotEmpty(vm.skipped()));
        skipped.managedProperty().bind(skipped.visibleProperty());
        Label stepsTitle = new Label("Steps");
        stepsTitle.getStyleClass().add("muted");
        Label skippedTitle = new Label("Skipped");
        skippedTitle.getStyleClass().add("muted");
        skippedTitle.visibleProperty().bind(skipped.visibleProperty());
        skippedTitle.managedProperty().bind(skipped.visibleProperty());
        VBox right = new VBox(4, stepsTitle, steps, skippedTitle, skipped);
        VBox.setVgrow(steps, Priority.ALWAYS);
        HBox.setHgrow(right, Priority.ALWAYS);
        Label foldersTitle = new Label("Folders");
        foldersTitle.getStyleClass().add("muted");
        VBox left = new VBox(4, foldersTitle, folders);
        VBox.setVgrow(folders, Priority.ALWAYS);
        HBox box = new HBox(10, left, right);
        box.setMinHeight(160);
        return box;
    }

    /** One step as a line: the destination relative to the target, where the folder name is what matters. */
    private String describe(ExportPlan.Operation op) {
        ExportPlan plan = vm.planProperty().get();
        Path to = plan != null && op.destination().startsWith(plan.target())
                ? plan.target().relativize(op.destination()) : op.destination();
        return (plan == null ? "" : plan.mode().label() + "  ") + op.source() + "  →  " + to
                + (op.renamed() ? "   (renamed: name clash)" : "");
    }

    /** A virtualised list of {@code items}, each shown as one line of text. */
    private static <T> ListView<T> list(String id, ObservableList<T> items, Function<T, String> text) {
        ListView<T> list = new ListView<>(items);
        list.setId(id);
        list.setFixedCellSize(24); // uniform rows: the list stays quick with 70,000 steps
        list.setCellFactory(v -> new ListCell<>() {
            @Override
            protected void updateItem(T item, boolean empty) {
                super.updateItem(item, empty);
                setText(empty || item == null ? null : text.apply(item));
            }
        });
        list.setPlaceholder(new Label("Press Preview to see the plan"));
        return list;
    }

    private VBox progress() {
        ProgressBar bar = new ProgressBar();
        bar.setId("export-progress");
        bar.setMaxWidth(Double.MAX_VALUE);
        bar.progressProperty().bind(vm.fractionProperty());
        Label text = new Label();
        text.setId("export-progress-text");
        text.getStyleClass().add("muted");
        text.textProperty().bind(vm.progressTextProperty());
        VBox box = new VBox(4, bar, text);
        box.visibleProperty().bind(Bindings.createBooleanBinding(() -> vm.activityProperty().get()
                        == ExportActivity.EXPORTING || vm.activityProperty().get() == ExportActivity.UNDOING
                        || vm.reportProperty().get() != null, vm.activityProperty(), vm.reportProperty()));
        box.managedProperty().bind(box.visibleProperty());
        return box;
    }

    private Label messageLine() {
        Label message = new Label();
        message.setId("export-message");
        message.getStyleClass().add("run-message");
        message.setWrapText(true);
        message.textProperty().bind(vm.messageProperty());
        return message;
    }
}
