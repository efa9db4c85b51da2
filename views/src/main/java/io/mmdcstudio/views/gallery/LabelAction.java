package io.mmdcstudio.views.gallery;

import io.mmdcstudio.views.corrections.CorrectionsViewModel;
import io.mmdcstudio.views.fx.ClusterPalette;
import io.mmdcstudio.views.fx.Formats;
import java.util.List;
import javafx.scene.control.Label;
import javafx.scene.control.MenuButton;
import javafx.scene.control.MenuItem;
import javafx.scene.control.SeparatorMenuItem;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;

/**
 * The image panel's Label action: "Label as" a cluster (the image, or all picked images when it is one of them), or
 * take the label off, and a line saying whether the image is labelled. The same edit as a drop on a cluster in the
 * gallery: moved there and pinned, one step for Ctrl+Z. Labels are what "Refine with labels" trains from.
 */
final class LabelAction extends VBox {

    private final GalleryViewModel vm;
    private final CorrectionsViewModel corrections;
    private final MenuButton button = new MenuButton("Label as\u2026");
    private final Label status = new Label();

    LabelAction(GalleryViewModel vm, CorrectionsViewModel corrections) {
        super(4);
        this.vm = vm;
        this.corrections = corrections;
        setId("label-action");
        button.setId("label-as");
        button.setMaxWidth(Double.MAX_VALUE);
        button.setOnShowing(e -> fill());
        status.setId("label-status");
        status.getStyleClass().add("muted");
        status.setWrapText(true);
        status.setMinHeight(Region.USE_PREF_SIZE);
        getChildren().addAll(button, status);
        vm.selectedProperty().addListener((obs, was, now) -> update());
        vm.assignmentsProperty().addListener((obs, was, now) -> update());
        vm.pickedCountProperty().addListener((obs, was, now) -> update());
        // The gallery's view model takes new edits in a listener registered before this one (StudioViewModel).
        corrections.editsProperty().addListener((obs, was, now) -> update());
        update();
    }

    /** The images the action labels: the selected one, or all picked ones when it is picked. */
    private List<String> targets() {
        ImageDetails s = vm.selectedProperty().get();
        return s == null ? List.of() : vm.itemsFor(s.index());
    }

    private void update() {
        ImageDetails s = vm.selectedProperty().get();
        boolean usable = s != null && vm.isFinal();
        button.setDisable(!usable);
        int n = usable ? targets().size() : 0;
        button.setText(n > 1 ? "Label " + Formats.count(n) + " picked images as\u2026" : "Label as\u2026");
        if (!usable) {
            status.setText(s == null ? "" : "Labels can be given once the run has finished.");
            return;
        }
        int label = vm.labelOf(s.index());
        int all = corrections.labelledProperty().get();
        String mine = label >= 0 ? "You labelled this image as " + vm.titleOf(label) + "." : "Not labelled.";
        status.setText(mine + " " + Formats.count(all) + (all == 1 ? " image is" : " images are")
                + " labelled; \u201cRefine with labels\u201d learns from them.");
    }

    /** The menu: one entry per surviving cluster, then "Remove label" when any target has one. */
    private void fill() {
        List<String> items = targets();
        button.getItems().clear();
        for (int c : vm.survivingClusters()) {
            Region swatch = new Region();
            swatch.getStyleClass().add("swatch");
            swatch.setStyle("-fx-background-color: " + ClusterPalette.css(c) + ";");
            MenuItem to = new MenuItem(vm.titleOf(c), swatch);
            to.setId("label-as-" + c);
            to.setOnAction(e -> {
                corrections.label(items, c);
                vm.clearPicks();
            });
            button.getItems().add(to);
        }
        boolean anyLabelled = items.stream().anyMatch(corrections.editsProperty().get()::isLabelled);
        if (anyLabelled) {
            MenuItem off = new MenuItem("Remove label");
            off.setId("label-remove");
            off.setOnAction(e -> corrections.unlabel(items));
            button.getItems().addAll(new SeparatorMenuItem(), off);
        }
    }
}
