package io.mmdcstudio.views.gallery;

import io.mmdcstudio.views.fx.ThumbnailCache;
import java.util.function.IntPredicate;
import javafx.scene.canvas.Canvas;
import javafx.scene.canvas.GraphicsContext;
import javafx.scene.image.Image;
import javafx.scene.input.MouseButton;
import javafx.scene.input.MouseEvent;
import javafx.scene.paint.Color;

/**
 * One row of thumbnails drawn on a single canvas. A row of styled image nodes would cost the FX thread CSS and
 * layout for every thumbnail each time a new epoch re-fills the gallery; a canvas costs one node per row.
 */
final class ThumbnailRow extends Canvas {

    private final double thumb;
    private final double gap;
    private int[] images = new int[0];
    private int selected = -1;
    private IntPredicate picked = i -> false;
    private IntPredicate pinned = i -> false;
    private int hover = -1;
    private ThumbnailCache thumbnails;
    private Color frame = Color.LIGHTGRAY;
    private Color highlight = Color.DODGERBLUE;
    private Color chosen = Color.ORANGE;

    /** What a click on a thumbnail asks for. */
    @FunctionalInterface
    interface Picker {
        /** Image {@code image} was clicked; {@code extend}: with Ctrl or Shift (add to the picked images). */
        void pick(int image, boolean extend);
    }

    ThumbnailRow(double thumb, double gap, Picker onPick) {
        super(0, thumb + 4);
        this.thumb = thumb;
        this.gap = gap;
        getStyleClass().add("thumbnail-row");
        setOnMouseMoved(e -> hover(slot(e)));
        setOnMouseExited(e -> hover(-1));
        setOnMouseClicked(e -> {
            int s = slot(e);
            if (s >= 0 && e.getButton() == MouseButton.PRIMARY) {
                onPick.pick(images[s], e.isShortcutDown() || e.isShiftDown());
            }
        });
    }

    /** The image under a point of this row, or -1. */
    int imageAt(double x) {
        int s = (int) Math.floor(x / (thumb + 4 + gap));
        double within = x - s * (thumb + 4 + gap);
        return s >= 0 && s < images.length && within <= thumb + 4 ? images[s] : -1;
    }

    /** Which images are picked for a correction (outlined) and pinned (a badge). */
    void marks(IntPredicate pickedImages, IntPredicate pinnedImages) {
        picked = pickedImages;
        pinned = pinnedImages;
    }

    /** Shows {@code row} with {@code selectedImage} outlined, in the given colours. */
    void show(int[] row, int selectedImage, ThumbnailCache cache, Color frameColor, Color hoverColor,
            Color selectedColor) {
        images = row;
        selected = selectedImage;
        thumbnails = cache;
        frame = frameColor;
        highlight = hoverColor;
        chosen = selectedColor;
        setWidth(Math.max(1, row.length * (thumb + gap + 4)));
        draw();
    }

    private int slot(MouseEvent e) {
        int s = (int) Math.floor(e.getX() / (thumb + 4 + gap));
        double within = e.getX() - s * (thumb + 4 + gap);
        return s >= 0 && s < images.length && within <= thumb + 4 ? s : -1;
    }

    private void hover(int s) {
        if (s != hover) {
            hover = s;
            setCursor(s >= 0 ? javafx.scene.Cursor.HAND : javafx.scene.Cursor.DEFAULT);
            draw();
        }
    }

    /** A pin badge: a round head on a short needle, in the selection colour, readable on any thumbnail. */
    private void drawPin(GraphicsContext g, double x, double y) {
        g.setFill(Color.WHITE);
        g.fillOval(x - 1, y - 1, 14, 14);
        g.setFill(chosen);
        g.fillOval(x + 2, y + 1, 8, 8);
        g.setStroke(chosen);
        g.setLineWidth(2);
        g.strokeLine(x + 6, y + 8, x + 6, y + 12);
    }

    private void draw() {
        GraphicsContext g = getGraphicsContext2D();
        g.clearRect(0, 0, getWidth(), getHeight());
        g.setImageSmoothing(true);
        for (int i = 0; i < images.length; i++) {
            double x = i * (thumb + 4 + gap);
            boolean isSelected = images[i] == selected || picked.test(images[i]);
            g.setFill(isSelected ? chosen : i == hover ? highlight : frame);
            g.fillRoundRect(x, 0, thumb + 4, thumb + 4, 6, 6);
            Image img = thumbnails == null ? null : thumbnails.get(images[i]);
            if (img != null) {
                g.drawImage(img, x + 2, 2, thumb, thumb);
            }
            if (pinned.test(images[i])) {
                drawPin(g, x + thumb - 12, 4);
            }
        }
    }
}
