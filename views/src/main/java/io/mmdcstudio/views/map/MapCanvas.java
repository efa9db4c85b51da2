package io.mmdcstudio.views.map;

import io.mmdcstudio.views.fx.ClusterPalette;
import java.util.Arrays;
import java.util.function.IntConsumer;
import java.util.function.IntFunction;
import javafx.animation.AnimationTimer;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.geometry.Insets;
import javafx.scene.canvas.Canvas;
import javafx.scene.canvas.GraphicsContext;
import javafx.scene.control.Label;
import javafx.scene.image.Image;
import javafx.scene.image.ImageView;
import javafx.scene.input.MouseButton;
import javafx.scene.input.MouseEvent;
import javafx.scene.input.ScrollEvent;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import javafx.scene.paint.Color;

/**
 * The map on a {@link Canvas}: one dot per image in its cluster's colour. A new frame glides in from the
 * previous one (each image moves from where it was); the wheel zooms about the pointer, dragging pans, a
 * double-click fits the whole map. Zoomed in far enough that few images are on screen, the dots become
 * thumbnails. Hovering shows the image; clicking selects it.
 */
public final class MapCanvas extends Region {

    /** Length of the transition between two frames. */
    static final double TRANSITION_SECONDS = 0.6;
    /** Thumbnails replace dots when at most this many points are on screen. */
    private static final int THUMBNAIL_LIMIT = 400;
    private static final double HOVER_RADIUS = 8;

    private final Canvas canvas = new Canvas();
    private final BooleanProperty dark = new SimpleBooleanProperty(this, "dark");
    private final BooleanProperty showing = new SimpleBooleanProperty(this, "showing", true);
    private final VBox hoverCard = new VBox(4);
    private final ImageView hoverImage = new ImageView();
    private final Label hoverText = new Label();
    private IntFunction<Image> thumbnails = i -> null;
    private IntFunction<String> describe = i -> "";
    private IntConsumer onPick = i -> { };

    private MapFrame frame;
    private float[] fromX = new float[0];
    private float[] fromY = new float[0];
    private float[] shownX = new float[0];
    private float[] shownY = new float[0];
    private int[][] byCluster = new int[0][];
    private long transitionStart;
    private boolean transitioning;

    private double zoom = 1;
    private double panX;
    private double panY;
    private double dragX;
    private double dragY;
    private boolean dragged;
    private int hover = -1;

    private final AnimationTimer animation = new AnimationTimer() {
        @Override
        public void handle(long now) {
            if (transitionStart == 0) {
                transitionStart = now;
            }
            double t = Math.min(1, (now - transitionStart) / 1e9 / TRANSITION_SECONDS);
            interpolate(ease(t));
            draw();
            if (t >= 1) {
                transitioning = false;
                stop();
            }
        }
    };

    /** An empty map. */
    public MapCanvas() {
        getStyleClass().add("map-canvas");
        setId("map-canvas");
        getChildren().addAll(canvas, hoverCard);
        hoverImage.setFitWidth(96);
        hoverImage.setFitHeight(96);
        hoverImage.setSmooth(true);
        hoverText.getStyleClass().add("hover-text");
        hoverCard.getChildren().addAll(hoverImage, hoverText);
        hoverCard.getStyleClass().add("hover-card");
        hoverCard.setPadding(new Insets(6));
        hoverCard.setManaged(false);
        hoverCard.setVisible(false);
        hoverCard.setMouseTransparent(true);
        setMinSize(200, 200);

        widthProperty().addListener((obs, was, now) -> draw());
        heightProperty().addListener((obs, was, now) -> draw());
        dark.addListener((obs, was, now) -> draw());
        showing.addListener((obs, was, now) -> draw());
        setOnScroll(this::zoom);
        setOnMousePressed(e -> {
            dragX = e.getX();
            dragY = e.getY();
            dragged = false;
        });
        setOnMouseDragged(e -> {
            panX += e.getX() - dragX;
            panY += e.getY() - dragY;
            dragged |= Math.abs(e.getX() - dragX) + Math.abs(e.getY() - dragY) > 0;
            dragX = e.getX();
            dragY = e.getY();
            hideHover();
            draw();
        });
        setOnMouseMoved(this::hover);
        setOnMouseExited(e -> hideHover());
        setOnMouseClicked(this::click);
    }

    /** Where thumbnails come from (dataset index to image). */
    public void setThumbnails(IntFunction<Image> source) {
        thumbnails = source;
    }

    /** The hover text of a dataset image, e.g. its cluster and label. */
    public void setDescriber(IntFunction<String> describer) {
        describe = describer;
    }

    /** Called with the dataset index of a clicked image. */
    public void setOnPick(IntConsumer pick) {
        onPick = pick;
    }

    /** Dark background (follows the theme). */
    public BooleanProperty darkProperty() {
        return dark;
    }

    /** Whether the map is on screen; while false, frames are taken but nothing is drawn. */
    public BooleanProperty showingProperty() {
        return showing;
    }

    /** Shows a frame, gliding from the positions on screen now; null empties the map. */
    public void show(MapFrame next) {
        hideHover();
        if (next == null) {
            frame = null;
            shownX = new float[0];
            shownY = new float[0];
            byCluster = new int[0][];
            animation.stop();
            transitioning = false;
            draw();
            return;
        }
        float[][] start = startPositions(next);
        frame = next;
        fromX = start[0];
        fromY = start[1];
        shownX = fromX.clone();
        shownY = fromY.clone();
        byCluster = groupByCluster(next);
        transitionStart = 0;
        transitioning = true;
        animation.start();
    }

    /** Where each point of {@code next} starts: its position on screen now, or its target if it is new. */
    private float[][] startPositions(MapFrame next) {
        float[] sx = next.x().clone();
        float[] sy = next.y().clone();
        if (frame == null) {
            // First frame: grow out of the centre, which shows the structure appearing.
            Arrays.fill(sx, 0);
            Arrays.fill(sy, 0);
            return new float[][] {sx, sy};
        }
        int max = 0;
        for (int i : frame.images()) {
            max = Math.max(max, i);
        }
        int[] slot = new int[max + 1];
        Arrays.fill(slot, -1);
        for (int j = 0; j < frame.images().length; j++) {
            slot[frame.images()[j]] = j;
        }
        for (int j = 0; j < next.images().length; j++) {
            int image = next.images()[j];
            int s = image <= max ? slot[image] : -1;
            if (s >= 0 && s < shownX.length) {
                sx[j] = shownX[s];
                sy[j] = shownY[s];
            }
        }
        return new float[][] {sx, sy};
    }

    private static int[][] groupByCluster(MapFrame f) {
        int k = 0;
        for (int c : f.clusters()) {
            k = Math.max(k, c + 1);
        }
        int[] sizes = new int[k];
        for (int c : f.clusters()) {
            sizes[c]++;
        }
        int[][] groups = new int[k][];
        for (int c = 0; c < k; c++) {
            groups[c] = new int[sizes[c]];
        }
        int[] fill = new int[k];
        for (int j = 0; j < f.clusters().length; j++) {
            int c = f.clusters()[j];
            groups[c][fill[c]++] = j;
        }
        return groups;
    }

    private void interpolate(double t) {
        if (frame == null) {
            return;
        }
        for (int j = 0; j < shownX.length; j++) {
            shownX[j] = (float) (fromX[j] + (frame.x()[j] - fromX[j]) * t);
            shownY[j] = (float) (fromY[j] + (frame.y()[j] - fromY[j]) * t);
        }
    }

    private static double ease(double t) {
        return t < 0.5 ? 4 * t * t * t : 1 - Math.pow(-2 * t + 2, 3) / 2;
    }

    /** Fits the whole map into the view again. */
    public void resetView() {
        zoom = 1;
        panX = 0;
        panY = 0;
        draw();
    }

    @Override
    protected void layoutChildren() {
        canvas.setWidth(getWidth());
        canvas.setHeight(getHeight());
    }

    private double scale() {
        return Math.min(getWidth(), getHeight()) / 2 * 0.9 * zoom;
    }

    private double screenX(float x) {
        return getWidth() / 2 + x * scale() + panX;
    }

    private double screenY(float y) {
        return getHeight() / 2 - y * scale() + panY;
    }

    private void draw() {
        if (!showing.get()) {
            return;
        }
        GraphicsContext g = canvas.getGraphicsContext2D();
        double w = getWidth();
        double h = getHeight();
        g.setFill(dark.get() ? Color.web("#1b1e23") : Color.web("#fbfbfc"));
        g.fillRect(0, 0, w, h);
        if (frame == null) {
            return;
        }
        int visible = 0;
        for (int j = 0; j < shownX.length && visible <= THUMBNAIL_LIMIT; j++) {
            double x = screenX(shownX[j]);
            double y = screenY(shownY[j]);
            if (x >= 0 && x <= w && y >= 0 && y <= h) {
                visible++;
            }
        }
        boolean asThumbnails = zoom > 2 && visible <= THUMBNAIL_LIMIT && !transitioning;
        if (asThumbnails) {
            drawThumbnails(g, w, h);
        } else {
            drawDots(g, w, h);
        }
        if (hover >= 0 && hover < shownX.length) {
            g.setStroke(dark.get() ? Color.WHITE : Color.BLACK);
            g.setLineWidth(2);
            double r = asThumbnails ? thumbSize() / 2 + 2 : dotSize() + 3;
            g.strokeOval(screenX(shownX[hover]) - r, screenY(shownY[hover]) - r, 2 * r, 2 * r);
        }
    }

    private double dotSize() {
        double base = shownX.length > 5000 ? 1.6 : shownX.length > 1500 ? 2.4 : 3.4;
        return Math.min(9, base * Math.sqrt(zoom));
    }

    private double thumbSize() {
        return Math.max(20, Math.min(56, 10 * zoom));
    }

    private void drawDots(GraphicsContext g, double w, double h) {
        double r = dotSize();
        boolean round = shownX.length <= 5000;
        g.setGlobalAlpha(0.85);
        for (int c = 0; c < byCluster.length; c++) {
            g.setFill(ClusterPalette.color(c));
            for (int j : byCluster[c]) {
                double x = screenX(shownX[j]);
                double y = screenY(shownY[j]);
                if (x < -r || x > w + r || y < -r || y > h + r) {
                    continue;
                }
                if (round) {
                    g.fillOval(x - r, y - r, 2 * r, 2 * r);
                } else {
                    g.fillRect(x - r, y - r, 2 * r, 2 * r);
                }
            }
        }
        g.setGlobalAlpha(1);
    }

    private void drawThumbnails(GraphicsContext g, double w, double h) {
        double s = thumbSize();
        g.setImageSmoothing(true);
        for (int j = 0; j < shownX.length; j++) {
            double x = screenX(shownX[j]) - s / 2;
            double y = screenY(shownY[j]) - s / 2;
            if (x < -s || x > w || y < -s || y > h) {
                continue;
            }
            g.setFill(ClusterPalette.color(frame.clusters()[j]));
            g.fillRect(x - 2, y - 2, s + 4, s + 4);
            Image img = thumbnails.apply(frame.images()[j]);
            if (img != null) {
                g.drawImage(img, x, y, s, s);
            }
        }
    }

    private void zoom(ScrollEvent e) {
        double factor = Math.exp(e.getDeltaY() * 0.004);
        double next = Math.max(0.5, Math.min(60, zoom * factor));
        double applied = next / zoom;
        // Keep the point under the pointer where it is.
        double cx = getWidth() / 2;
        double cy = getHeight() / 2;
        panX = e.getX() - cx - (e.getX() - cx - panX) * applied;
        panY = e.getY() - cy - (e.getY() - cy - panY) * applied;
        zoom = next;
        hideHover();
        draw();
        e.consume();
    }

    private void hover(MouseEvent e) {
        int nearest = nearest(e.getX(), e.getY());
        if (nearest != hover) {
            hover = nearest;
            draw();
        }
        if (hover < 0) {
            hoverCard.setVisible(false);
            return;
        }
        int image = frame.images()[hover];
        hoverImage.setImage(thumbnails.apply(image));
        hoverText.setText(describe.apply(image));
        hoverCard.autosize();
        double x = Math.min(e.getX() + 14, getWidth() - hoverCard.getWidth() - 4);
        double y = Math.min(e.getY() + 14, getHeight() - hoverCard.getHeight() - 4);
        hoverCard.relocate(Math.max(4, x), Math.max(4, y));
        hoverCard.setVisible(true);
    }

    private void hideHover() {
        hoverCard.setVisible(false);
        if (hover >= 0) {
            hover = -1;
        }
    }

    private int nearest(double mx, double my) {
        if (frame == null) {
            return -1;
        }
        double best = HOVER_RADIUS * HOVER_RADIUS;
        if (zoom > 2) {
            best = Math.max(best, thumbSize() * thumbSize() / 4);
        }
        int found = -1;
        for (int j = 0; j < shownX.length; j++) {
            double dx = screenX(shownX[j]) - mx;
            double dy = screenY(shownY[j]) - my;
            double d = dx * dx + dy * dy;
            if (d < best) {
                best = d;
                found = j;
            }
        }
        return found;
    }

    private void click(MouseEvent e) {
        if (e.getButton() == MouseButton.PRIMARY && e.getClickCount() == 2) {
            resetView();
            return;
        }
        if (!dragged && e.getButton() == MouseButton.PRIMARY) {
            int j = nearest(e.getX(), e.getY());
            if (j >= 0) {
                onPick.accept(frame.images()[j]);
            }
        }
    }
}
