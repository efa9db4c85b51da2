package io.mmdcstudio.views.gallery;

import io.mmdcstudio.engine.data.ExifOrientation;
import io.mmdcstudio.views.fx.ClusterPalette;
import io.mmdcstudio.views.fx.Formats;
import io.mmdcstudio.views.fx.ThumbnailCache;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.concurrent.CompletableFuture;
import javafx.application.Platform;
import javafx.beans.value.ObservableValue;
import javafx.geometry.Pos;
import javafx.scene.control.Label;
import javafx.scene.control.TextField;
import javafx.scene.image.Image;
import javafx.scene.image.ImageView;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.Region;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;

/**
 * The selected image, large, with its path, cluster, confidence and label. The original file is loaded in the
 * background at display size (JavaFX decodes PNG, JPEG, GIF and BMP); until it arrives, and for formats or IDX
 * records JavaFX cannot read, the network-size thumbnail stands in.
 */
public final class ImageDetailsPane extends VBox {

    private static final double SIZE = 220;

    private final ImageView view = new ImageView();
    private final TextField path = new TextField();
    private final Label cluster = new Label();
    private final Region swatch = new Region();
    private final Label confidence = new Label();
    private final Label label = new Label();
    private final Label hint = new Label("Click an image to see it here.");
    private final ThumbnailCache thumbnails;

    /** A pane showing {@code selected}, drawing stand-ins from {@code thumbnails}. */
    public ImageDetailsPane(ObservableValue<ImageDetails> selected, ThumbnailCache thumbnails) {
        this.thumbnails = thumbnails;
        getStyleClass().addAll("card", "image-details");
        setId("image-details");
        setPrefWidth(260);
        setMinWidth(220);

        Label title = new Label("Image");
        title.getStyleClass().add("card-title");
        view.setFitWidth(SIZE);
        view.setFitHeight(SIZE);
        view.setPreserveRatio(true);
        view.setSmooth(true);
        StackPane frame = new StackPane(view);
        frame.getStyleClass().add("image-frame");
        frame.setMinSize(SIZE + 8, SIZE + 8);
        frame.setAlignment(Pos.CENTER);

        path.setEditable(false);
        path.setId("details-path");
        path.getStyleClass().add("path-field");
        cluster.setId("details-cluster");
        cluster.setGraphic(swatch);
        swatch.getStyleClass().add("swatch");
        confidence.setId("details-confidence");
        label.setId("details-label");
        hint.getStyleClass().add("muted");
        hint.setWrapText(true);

        GridPane facts = new GridPane();
        facts.setHgap(8);
        facts.setVgap(4);
        facts.addRow(0, muted("Cluster"), cluster);
        facts.addRow(1, muted("Confidence"), confidence);
        facts.addRow(2, muted("Label"), label);

        getChildren().addAll(title, frame, hint, path, facts);
        selected.addListener((obs, was, now) -> show(now));
        show(selected.getValue());
    }

    /** Adds {@code action} (a control acting on the image shown) below the facts. */
    public void addAction(javafx.scene.Node action) {
        getChildren().add(action);
    }

    private static Label muted(String text) {
        Label l = new Label(text);
        l.getStyleClass().add("muted");
        return l;
    }

    private void show(ImageDetails d) {
        boolean some = d != null;
        hint.setVisible(!some);
        hint.setManaged(!some);
        path.setVisible(some);
        cluster.setVisible(some);
        if (!some) {
            view.setImage(null);
            path.setText("");
            cluster.setText("");
            confidence.setText("");
            label.setText("");
            return;
        }
        Image stand = thumbnails.get(d.index());
        view.setImage(stand);
        view.setSmooth(false);
        orient(UPRIGHT); // the thumbnail was decoded upright already
        Image original = original(d.item());
        if (original != null) {
            // JavaFX ignores EXIF orientation: read it beside the background load and turn the view to match.
            CompletableFuture<Integer> orientation = CompletableFuture.supplyAsync(
                    () -> ExifOrientation.of(Path.of(d.item())));
            original.progressProperty().addListener((obs, was, now) -> {
                if (now.doubleValue() >= 1 && !original.isError()) {
                    orientation.thenAcceptAsync(o -> {
                        if (view.getImage() == stand) {
                            view.setSmooth(true);
                            orient(o);
                            view.setImage(original);
                        }
                    }, Platform::runLater);
                }
            });
        }
        path.setText(d.item());
        cluster.setText(d.cluster() < 0 ? "not assigned yet" : "Cluster " + d.cluster());
        swatch.setStyle(d.cluster() < 0 ? "" : "-fx-background-color: " + ClusterPalette.css(d.cluster()) + ";");
        confidence.setText(Float.isNaN(d.confidence()) ? "—" : Formats.percent(d.confidence()));
        label.setText(d.label().isEmpty() ? "none" : d.label());
    }

    private static final int UPRIGHT = 1;

    /** Turns the image view as EXIF orientation {@code o} asks (mirror first, then rotate clockwise). */
    private void orient(int o) {
        view.setScaleX(ExifOrientation.mirrored(o) ? -1 : 1);
        view.setRotate(ExifOrientation.rotation(o));
    }

    /** The original file, loading in the background at about display size; null for IDX records and oddities. */
    private static Image original(String item) {
        if (item.contains("#")) {
            return null;
        }
        try {
            Path p = Path.of(item);
            if (!Files.isRegularFile(p)) {
                return null;
            }
            return new Image(p.toUri().toString(), SIZE * 2, SIZE * 2, true, true, true);
        } catch (InvalidPathException e) {
            return null;
        }
    }
}
