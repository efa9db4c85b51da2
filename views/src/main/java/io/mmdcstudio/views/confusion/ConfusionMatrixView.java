package io.mmdcstudio.views.confusion;

import io.mmdcstudio.views.fx.ClusterPalette;
import io.mmdcstudio.views.fx.Formats;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.value.ObservableBooleanValue;
import javafx.geometry.VPos;
import javafx.scene.canvas.Canvas;
import javafx.scene.canvas.GraphicsContext;
import javafx.scene.control.Label;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.Pane;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import javafx.scene.paint.Color;
import javafx.scene.text.Font;
import javafx.scene.text.FontWeight;
import javafx.scene.text.TextAlignment;
import javafx.util.Duration;

/**
 * The confusion matrix as a heat map: rows are labels, columns clusters in the order of their matched labels;
 * each cell is shaded by its share of the row (how a label's images spread over the clusters) and shows its
 * count. Matched cells (the diagonal) are outlined. Hovering a cell says what it means in words.
 */
public final class ConfusionMatrixView extends VBox {

    private static final double LEFT = 120;
    private static final double TOP = 44;
    private static final double BOTTOM = 30;

    private final Canvas canvas = new Canvas();
    private final Pane holder = new Pane(canvas);
    private final BooleanProperty dark = new SimpleBooleanProperty(this, "dark");
    private final BooleanProperty showing = new SimpleBooleanProperty(this, "showing", true);
    private final Tooltip tip = new Tooltip();
    private ConfusionTable table;

    /** A heat map bound to {@code vm}, with ink for a dark background while {@code darkTheme} is true. */
    public ConfusionMatrixView(ConfusionViewModel vm, ObservableBooleanValue darkTheme) {
        getStyleClass().add("confusion-view");
        setId("confusion");
        setSpacing(8);
        Label caption = new Label();
        caption.setId("confusion-caption");
        caption.getStyleClass().add("tab-caption");
        caption.setWrapText(true);
        // A wrapped label in a VBox otherwise gets one line's height and ends in "…".
        caption.setMinHeight(javafx.scene.layout.Region.USE_PREF_SIZE);
        caption.textProperty().bind(vm.captionProperty());
        holder.setMinSize(200, 200);
        VBox.setVgrow(holder, Priority.ALWAYS);
        getChildren().addAll(caption, holder);

        dark.bind(javafx.beans.binding.Bindings.createBooleanBinding(darkTheme::get, darkTheme));
        holder.widthProperty().addListener((obs, was, now) -> draw());
        holder.heightProperty().addListener((obs, was, now) -> draw());
        dark.addListener((obs, was, now) -> draw());
        showing.addListener((obs, was, now) -> draw());
        vm.tableProperty().addListener((obs, was, now) -> {
            table = now;
            draw();
        });
        tip.setShowDelay(Duration.millis(150));
        Tooltip.install(canvas, tip);
        canvas.setOnMouseMoved(e -> describe(e.getX(), e.getY()));
    }

    /** Whether the matrix is on screen (its tab selected); while false, new tables wait to be drawn. */
    public BooleanProperty showingProperty() {
        return showing;
    }

    /** Side of a cell for the current size. */
    private double cell() {
        if (table == null) {
            return 0;
        }
        int rows = table.classNames().size();
        int cols = table.columnClusters().length;
        double byWidth = (holder.getWidth() - LEFT - 20) / Math.max(1, cols);
        double byHeight = (holder.getHeight() - TOP - BOTTOM) / Math.max(1, rows);
        return Math.max(8, Math.min(72, Math.min(byWidth, byHeight)));
    }

    private void draw() {
        if (!showing.get()) {
            return;
        }
        double w = holder.getWidth();
        double h = holder.getHeight();
        canvas.setWidth(w);
        canvas.setHeight(h);
        GraphicsContext g = canvas.getGraphicsContext2D();
        g.clearRect(0, 0, w, h);
        if (table == null) {
            return;
        }
        Color ink = dark.get() ? Color.web("#e6e8eb") : Color.web("#1f2329");
        Color muted = dark.get() ? Color.web("#9aa3ad") : Color.web("#66707c");
        Color heat = dark.get() ? Color.web("#6ea2ff") : Color.web("#2f64d6");
        Color empty = dark.get() ? Color.web("#262a31") : Color.web("#f1f3f6");
        int rows = table.classNames().size();
        int cols = table.columnClusters().length;
        double s = cell();
        Font small = Font.font("System", Math.max(9, Math.min(13, s * 0.32)));
        Font bold = Font.font("System", FontWeight.BOLD, Math.max(9, Math.min(13, s * 0.32)));

        g.setTextBaseline(VPos.CENTER);
        for (int r = 0; r < rows; r++) {
            long rowTotal = 0;
            for (int c = 0; c < cols; c++) {
                rowTotal += table.counts()[r][c];
            }
            double y = TOP + r * s;
            g.setFill(ink);
            g.setFont(small);
            g.setTextAlign(TextAlignment.RIGHT);
            g.fillText(shorten(table.classNames().get(r)), LEFT - 8, y + s / 2);
            for (int c = 0; c < cols; c++) {
                double x = LEFT + c * s;
                int count = table.counts()[r][c];
                double share = rowTotal == 0 ? 0 : count / (double) rowTotal;
                g.setFill(empty);
                g.fillRect(x + 1, y + 1, s - 2, s - 2);
                g.setFill(heat.deriveColor(0, 1, 1, Math.min(1, 0.08 + share * 1.1)));
                if (count > 0) {
                    g.fillRect(x + 1, y + 1, s - 2, s - 2);
                }
                if (table.columnClasses()[c] == r) {
                    g.setStroke(ink);
                    g.setLineWidth(1.5);
                    g.strokeRect(x + 1.5, y + 1.5, s - 3, s - 3);
                }
                if (s >= 22 && count > 0) {
                    g.setFill(share > 0.45 ? Color.WHITE : ink);
                    g.setFont(table.columnClasses()[c] == r ? bold : small);
                    g.setTextAlign(TextAlignment.CENTER);
                    g.fillText(Integer.toString(count), x + s / 2, y + s / 2);
                }
            }
        }
        // Column headers: the cluster's colour and number.
        g.setTextAlign(TextAlignment.CENTER);
        g.setFont(small);
        for (int c = 0; c < cols; c++) {
            int cluster = table.columnClusters()[c];
            double x = LEFT + c * s;
            g.setFill(ClusterPalette.color(cluster));
            g.fillRect(x + 2, TOP - 10, s - 4, 6);
            g.setFill(ink);
            g.fillText(Integer.toString(cluster), x + s / 2, TOP - 22);
        }
        g.setFill(muted);
        g.setTextAlign(TextAlignment.LEFT);
        g.fillText("Clusters →", LEFT, 10);
        g.fillText("Labels ↓", 8, 10);
        g.setTextAlign(TextAlignment.LEFT);
        g.fillText("Outlined: the cluster matched to each label. Shade: share of the label's images.", LEFT,
                TOP + rows * s + BOTTOM / 2 + 4);
    }

    private static String shorten(String name) {
        return name.length() <= 16 ? name : name.substring(0, 15) + "…";
    }

    private void describe(double mx, double my) {
        if (table == null) {
            tip.setText("");
            return;
        }
        double s = cell();
        int c = (int) Math.floor((mx - LEFT) / s);
        int r = (int) Math.floor((my - TOP) / s);
        if (r < 0 || c < 0 || r >= table.classNames().size() || c >= table.columnClusters().length) {
            tip.setText("Rows: labels. Columns: clusters.");
            return;
        }
        int count = table.counts()[r][c];
        String label = table.classNames().get(r);
        int cluster = table.columnClusters()[c];
        String matched = table.columnClasses()[c] < 0 ? "matched to no label"
                : "matched to " + table.classNames().get(table.columnClasses()[c]);
        tip.setText(Formats.count(count) + " images labelled '" + label + "' are in cluster " + cluster + " ("
                + matched + ")");
    }
}
