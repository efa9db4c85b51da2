package io.mmdcstudio.views.run;

import io.mmdcstudio.views.fx.Icons;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.VBox;

/** The result card after a run: headline, accuracy beside the pixel k-means baseline, details, Save results, Export. */
public final class ResultPanel extends VBox {

    /**
     * A card bound to {@code vm}; {@code onSave} asks where to save (a dialog) and calls {@code vm.save};
     * {@code onExport} opens the export sheet; {@code onContinue} trains on with the gallery's corrections;
     * {@code onRefine} trains anew with the labelled (moved and pinned) images, {@code labelled} of them, as a few
     * labels.
     */
    public ResultPanel(RunViewModel vm, Runnable onSave, Runnable onExport, Runnable onContinue, Runnable onRefine,
            javafx.beans.value.ObservableIntegerValue labelled) {
        getStyleClass().addAll("card", "result-panel");
        setId("result-panel");

        Label title = new Label("Result");
        title.getStyleClass().add("card-title");

        Label headline = new Label();
        headline.setId("summary-headline");
        headline.getStyleClass().add("summary");
        headline.setWrapText(true);
        Label scores = new Label();
        scores.setId("summary-scores");
        scores.getStyleClass().add("score-line");
        scores.setWrapText(true);
        Label details = new Label();
        details.getStyleClass().add("muted");
        details.setWrapText(true);
        vm.summaryProperty().addListener((obs, was, s) -> {
            headline.setText(s == null ? "" : s.headline());
            scores.setText(s == null ? "" : s.scores());
            details.setText(s == null ? "" : s.details());
        });

        Button save = action("save", "Save results…", Icons.save(), vm.canSaveProperty(), onSave,
                "Write run.json and assignments.csv, as the command line does (Ctrl+S)");
        Button export = action("export", "Export images…", Icons.folder(), vm.outputProperty().isNotNull(), onExport,
                "Copy, move or link the images into one folder per cluster, with a preview and undo (Ctrl+E)");
        Button train = action("continue-corrections", "Continue training with corrections", Icons.play(),
                vm.canContinueProperty(), onContinue, "Train this network on: the images you moved or pinned keep "
                        + "their cluster as fixed targets, and the others follow. Cluster numbers and names stay.");
        Button refine = action("refine-labels", "Refine with labels", Icons.play(), vm.canRefineProperty(), onRefine,
                "Train anew, semi-supervised: the images you moved or pinned are labelled examples of their "
                        + "clusters (as few as one per cluster); cluster numbers and names stay. Label images by "
                        + "dragging them onto their cluster in the Clusters tab, or with Label as in the image panel.");
        refine.textProperty().bind(javafx.beans.binding.Bindings.createStringBinding(() -> labelled.get() == 0
                ? "Refine with labels" : "Refine with " + labelled.get() + (labelled.get() == 1 ? " label" : " labels"),
                labelled));

        getChildren().addAll(title, headline, scores, details, save, export, train, refine);
        visibleProperty().bind(vm.summaryProperty().isNotNull());
        managedProperty().bind(visibleProperty());
    }

    /** A full-width button of the card, enabled while {@code enabled} holds. */
    private static Button action(String id, String text, javafx.scene.Node icon,
            javafx.beans.value.ObservableBooleanValue enabled, Runnable onAction, String tip) {
        Button b = new Button(text, icon);
        b.setId(id);
        b.setMaxWidth(Double.MAX_VALUE);
        b.disableProperty().bind(javafx.beans.binding.Bindings.not(enabled));
        b.setOnAction(e -> onAction.run());
        b.setTooltip(new Tooltip(tip));
        return b;
    }
}
