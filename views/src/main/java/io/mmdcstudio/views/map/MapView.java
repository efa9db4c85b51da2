package io.mmdcstudio.views.map;

import io.mmdcstudio.views.fx.ClusterPalette;
import io.mmdcstudio.views.fx.Formats;
import io.mmdcstudio.views.fx.Icons;
import io.mmdcstudio.views.fx.ThumbnailCache;
import io.mmdcstudio.views.gallery.Assignments;
import io.mmdcstudio.views.gallery.GalleryViewModel;
import io.mmdcstudio.views.gallery.ImageDetailsPane;
import javafx.beans.value.ObservableBooleanValue;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;

/** The map tab: title, the canvas, a legend of clusters, and the selected image's details. */
public final class MapView extends BorderPane {

    private final MapCanvas canvas = new MapCanvas();

    /**
     * A map bound to {@code vm}; hover and click use the gallery's assignments and selection, so both tabs
     * describe an image the same way.
     */
    public MapView(MapViewModel vm, GalleryViewModel gallery, ThumbnailCache thumbnails, ObservableBooleanValue dark) {
        getStyleClass().add("map-view");
        setId("map");

        Label title = new Label();
        title.setId("map-title");
        title.getStyleClass().add("tab-caption");
        title.setWrapText(true);
        title.textProperty().bind(vm.titleProperty());
        Button fit = new Button("Fit", Icons.fit());
        fit.setOnAction(e -> canvas.resetView());
        fit.setMinWidth(Region.USE_PREF_SIZE);
        fit.setTooltip(new Tooltip("Show the whole map (or double-click it). Wheel: zoom, drag: pan."));
        HBox top = new HBox(8, title, fit);
        HBox.setHgrow(title, Priority.ALWAYS);
        top.setAlignment(Pos.CENTER_LEFT);

        FlowPane legend = new FlowPane(12, 4);
        legend.setId("map-legend");
        legend.getStyleClass().add("legend");
        gallery.assignmentsProperty().addListener((obs, was, now) -> fillLegend(legend, now));

        canvas.setThumbnails(thumbnails::get);
        canvas.setOnPick(gallery::select);
        canvas.setDescriber(image -> describe(gallery, image));
        canvas.darkProperty().bind(javafx.beans.binding.Bindings.createBooleanBinding(dark::get, dark));
        vm.frameProperty().addListener((obs, was, now) -> canvas.show(now));

        Label hint = new Label("Wheel to zoom (thumbnails appear when zoomed in), drag to pan, hover for the image, "
                + "click to select it.");
        hint.getStyleClass().add("muted");
        hint.setWrapText(true);
        hint.setMinHeight(Region.USE_PREF_SIZE);
        title.setMinHeight(Region.USE_PREF_SIZE);
        VBox centre = new VBox(8, top, canvas, legend, hint);
        VBox.setVgrow(canvas, Priority.ALWAYS);
        setCenter(centre);
        ImageDetailsPane details = new ImageDetailsPane(gallery.selectedProperty(), thumbnails);
        BorderPane.setMargin(details, new Insets(0, 0, 0, 12));
        setRight(details);
    }

    /** The canvas, for tests. */
    public MapCanvas canvas() {
        return canvas;
    }

    private static String describe(GalleryViewModel gallery, int image) {
        Assignments a = gallery.assignmentsProperty().get();
        StringBuilder s = new StringBuilder();
        if (a != null && a.clusterOf()[image] >= 0) {
            s.append("Cluster ").append(a.clusterOf()[image]).append(" · ")
                    .append(Formats.percent(a.confidenceOf()[image])).append(" confident");
        }
        var data = gallery.dataset();
        if (data != null && data.hasLabels() && data.labels()[image] >= 0) {
            s.append("\nLabel: ").append(data.classNames().get(data.labels()[image]));
        }
        return s.toString();
    }

    /**
     * Updates the legend in place: new labels each epoch would each need styling on the FX thread. Without a moment
     * (a run has just started) the items stay, with their numbers only: the first epoch then changes their text
     * instead of making them in one of the run's busiest frames.
     */
    private static void fillLegend(FlowPane legend, Assignments a) {
        if (a == null) {
            for (int c = 0; c < legend.getChildren().size(); c++) {
                ((Label) legend.getChildren().get(c)).setText(Integer.toString(c));
            }
            return;
        }
        int k = a.k();
        while (legend.getChildren().size() > k) {
            legend.getChildren().remove(legend.getChildren().size() - 1);
        }
        while (legend.getChildren().size() < k) {
            int c = legend.getChildren().size();
            Region swatch = new Region();
            swatch.getStyleClass().add("swatch");
            swatch.setStyle("-fx-background-color: " + ClusterPalette.css(c) + ";");
            Label item = new Label("", swatch);
            item.getStyleClass().add("legend-item");
            legend.getChildren().add(item);
        }
        for (int c = 0; c < k; c++) {
            String caption = a.captions().get(c);
            String text = c + (caption.isEmpty() ? "" : " " + caption.replace("mostly ", ""));
            ((Label) legend.getChildren().get(c)).setText(text);
        }
    }
}
