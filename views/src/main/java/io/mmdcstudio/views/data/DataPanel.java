package io.mmdcstudio.views.data;

import io.mmdcstudio.engine.data.SkippedFile;
import io.mmdcstudio.views.fx.ThumbnailCache;
import java.nio.file.Path;
import javafx.beans.binding.Bindings;
import javafx.collections.ListChangeListener;
import javafx.geometry.Insets;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.control.ProgressBar;
import javafx.scene.control.TitledPane;
import javafx.scene.control.Tooltip;
import javafx.scene.image.ImageView;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.VBox;

/**
 * The data card: where the images come from, the scan summary, a strip of sample thumbnails and the problem
 * report (every skipped file and why) in a collapsible list rather than a storm of dialogs.
 */
public final class DataPanel extends VBox {

    private static final double THUMB = 34;

    /** A card bound to {@code vm}, drawing thumbnails from {@code thumbnails}. */
    public DataPanel(DataViewModel vm, ThumbnailCache thumbnails) {
        getStyleClass().addAll("card", "data-panel");
        setId("data-panel");

        Label title = new Label("Images");
        title.getStyleClass().add("card-title");

        Label source = new Label();
        source.getStyleClass().add("muted");
        source.setWrapText(true);
        source.textProperty().bind(Bindings.createStringBinding(() -> {
            Path p = vm.pathProperty().get();
            return p == null ? "" : p.toString();
        }, vm.pathProperty()));

        Label summary = new Label();
        summary.setId("data-summary");
        summary.getStyleClass().add("summary");
        summary.setWrapText(true);
        summary.textProperty().bind(vm.summaryProperty());

        ProgressBar loading = new ProgressBar();
        loading.setMaxWidth(Double.MAX_VALUE);
        loading.progressProperty().bind(vm.progressProperty());
        loading.visibleProperty().bind(vm.loadingProperty());
        loading.managedProperty().bind(loading.visibleProperty());
        Label loadingText = new Label();
        loadingText.getStyleClass().add("muted");
        loadingText.textProperty().bind(vm.progressMessageProperty());
        loadingText.visibleProperty().bind(vm.loadingProperty());
        loadingText.managedProperty().bind(loadingText.visibleProperty());

        Label error = new Label();
        error.setId("data-error");
        error.getStyleClass().add("error-text");
        error.setWrapText(true);
        error.textProperty().bind(vm.errorProperty());
        error.visibleProperty().bind(vm.errorProperty().isNotEmpty());
        error.managedProperty().bind(error.visibleProperty());

        FlowPane strip = new FlowPane(3, 3);
        strip.setId("thumbnail-strip");
        strip.getStyleClass().add("thumbnail-strip");
        ListChangeListener<Integer> redraw = change -> fillStrip(strip, vm, thumbnails);
        vm.samples().addListener(redraw);
        vm.datasetProperty().addListener((obs, was, now) -> fillStrip(strip, vm, thumbnails));

        getChildren().addAll(title, source, summary, loading, loadingText, error, strip, problems(vm));
    }

    private static void fillStrip(FlowPane strip, DataViewModel vm, ThumbnailCache thumbnails) {
        thumbnails.setDataset(vm.dataset());
        strip.getChildren().clear();
        for (int index : vm.samples()) {
            ImageView view = new ImageView(thumbnails.get(index));
            view.setFitWidth(THUMB);
            view.setFitHeight(THUMB);
            view.setSmooth(true);
            view.getStyleClass().add("strip-thumb");
            strip.getChildren().add(view);
        }
    }

    private static TitledPane problems(DataViewModel vm) {
        ListView<SkippedFile> list = new ListView<>(vm.problems());
        list.setId("problem-list");
        list.setPrefHeight(150);
        list.setPlaceholder(new Label("No problems: every file was used."));
        list.setCellFactory(v -> new ListCell<>() {
            @Override
            protected void updateItem(SkippedFile item, boolean empty) {
                super.updateItem(item, empty);
                if (empty || item == null) {
                    setText(null);
                    setTooltip(null);
                    return;
                }
                String name = item.path();
                int slash = name.lastIndexOf('/');
                setText((slash >= 0 ? name.substring(slash + 1) : name) + " — " + item.reason());
                setTooltip(new Tooltip(item.path() + "\n" + item.reason()));
            }
        });
        TitledPane pane = new TitledPane();
        pane.setId("problem-report");
        pane.getStyleClass().add("problem-report");
        pane.setContent(list);
        pane.setPadding(new Insets(4, 0, 0, 0));
        pane.textProperty().bind(Bindings.createStringBinding(() -> vm.problems().isEmpty()
                ? "Problem report: none"
                : "Problem report: " + vm.problems().size() + (vm.problems().size() == 1 ? " file" : " files")
                        + " skipped", vm.problems()));
        // Open by itself when something was skipped: the report is the answer to "where are my other images?".
        vm.problems().addListener((ListChangeListener<SkippedFile>) c -> pane.setExpanded(!vm.problems().isEmpty()));
        pane.setExpanded(!vm.problems().isEmpty());
        pane.pseudoClassStateChanged(javafx.css.PseudoClass.getPseudoClass("warning"), false);
        vm.problems().addListener((ListChangeListener<SkippedFile>) c -> pane.pseudoClassStateChanged(
                javafx.css.PseudoClass.getPseudoClass("warning"), !vm.problems().isEmpty()));
        return pane;
    }
}
