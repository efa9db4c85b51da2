package io.mmdcstudio.views.charts;

import io.mmdcstudio.views.fx.ClusterPalette;
import javafx.collections.ListChangeListener;
import javafx.scene.chart.BarChart;
import javafx.scene.chart.CategoryAxis;
import javafx.scene.chart.LineChart;
import javafx.scene.chart.NumberAxis;
import javafx.scene.chart.XYChart;
import javafx.scene.control.Label;
import javafx.scene.layout.ColumnConstraints;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.Priority;
import javafx.scene.layout.RowConstraints;
import javafx.scene.layout.StackPane;

/**
 * The training tab: the clustering and rotation losses batch by batch, ACC/NMI/ARI per epoch against the pixel
 * k-means line, and the cluster sizes in the clusters' own colours. Animations are off: points arrive several
 * times a second and animating each would keep the FX thread busy.
 */
public final class ChartsView extends GridPane {

    /** Charts bound to {@code vm}. */
    public ChartsView(ChartsViewModel vm) {
        getStyleClass().add("charts-view");
        setId("charts");
        setHgap(12);
        setVgap(12);

        LineChart<Number, Number> clusterLoss = lossChart(vm, vm.clusterLossSeries(), "cluster-loss-chart",
                "Clustering loss: distance to the matched targets");
        LineChart<Number, Number> rotationLoss = lossChart(vm, vm.rotationLossSeries(), "rotation-loss-chart",
                "Rotation loss: telling how images were turned");
        Label noRotation = new Label("The rotation task is off in these settings.");
        noRotation.getStyleClass().add("chart-placeholder");
        noRotation.visibleProperty().bind(vm.rotationProperty().not());
        StackPane rotationBox = new StackPane(rotationLoss, noRotation);

        NumberAxis score = new NumberAxis("Score", 0, 1, 0.2);
        score.setAutoRanging(false);
        LineChart<Number, Number> metrics = new LineChart<>(epochAxis(vm), score, vm.metricSeries());
        metrics.setId("metrics-chart");
        metrics.setTitle("Agreement with the labels (dashed: pixel k-means)");
        metrics.setAnimated(false);
        Label noLabels = new Label("No labels in this data: ACC, NMI and ARI need them.");
        noLabels.getStyleClass().add("chart-placeholder");
        noLabels.visibleProperty().bind(vm.labelledProperty().not());
        StackPane metricsBox = new StackPane(metrics, noLabels);

        CategoryAxis clusters = new CategoryAxis();
        clusters.setLabel("Cluster");
        BarChart<String, Number> sizes = new BarChart<>(clusters, countAxis("Images"), vm.sizeSeries());
        sizes.setId("sizes-chart");
        sizes.setTitle("Cluster sizes");
        sizes.setAnimated(false);
        sizes.setLegendVisible(false);
        sizes.setCategoryGap(6);
        colourBars(vm.sizeSeries().get(0));

        add(clusterLoss, 0, 0);
        add(rotationBox, 1, 0);
        add(metricsBox, 0, 1);
        add(sizes, 1, 1);
        ColumnConstraints half = new ColumnConstraints();
        half.setPercentWidth(50);
        half.setHgrow(Priority.ALWAYS);
        getColumnConstraints().setAll(half, half);
        RowConstraints top = new RowConstraints();
        top.setPercentHeight(50);
        top.setVgrow(Priority.ALWAYS);
        RowConstraints bottom = new RowConstraints();
        bottom.setPercentHeight(50);
        bottom.setVgrow(Priority.ALWAYS);
        getRowConstraints().setAll(top, bottom);
    }

    private static LineChart<Number, Number> lossChart(ChartsViewModel vm,
            javafx.collections.ObservableList<XYChart.Series<Number, Number>> series, String id, String title) {
        LineChart<Number, Number> chart = new LineChart<>(epochAxis(vm), axis("Loss"), series);
        chart.setId(id);
        chart.setTitle(title);
        chart.setCreateSymbols(false);
        chart.setAnimated(false);
        chart.setLegendVisible(false);
        return chart;
    }

    private static NumberAxis epochAxis(ChartsViewModel vm) {
        NumberAxis x = new NumberAxis("Epoch", 0, 1, 1);
        x.setAutoRanging(false);
        x.setMinorTickVisible(false);
        x.upperBoundProperty().bind(vm.epochsProperty());
        // About ten ticks whatever the number of epochs.
        x.tickUnitProperty().bind(vm.epochsProperty().divide(10).add(1));
        return x;
    }

    private static NumberAxis axis(String label) {
        NumberAxis y = new NumberAxis();
        y.setLabel(label);
        y.setForceZeroInRange(true);
        return y;
    }

    /**
     * An axis of counts: whole numbers only, so that empty bars (before a run) read "0", not "0.00", and a small
     * cluster's axis has no "2.5 images".
     */
    private static NumberAxis countAxis(String label) {
        NumberAxis y = axis(label);
        y.setTickLabelFormatter(new javafx.util.StringConverter<>() {
            @Override
            public String toString(Number n) {
                double v = n.doubleValue();
                return v == Math.rint(v) ? String.format(java.util.Locale.ROOT, "%,d", (long) v) : "";
            }

            @Override
            public Number fromString(String s) {
                return Long.parseLong(s.replace(",", ""));
            }
        });
        return y;
    }

    /** Paints each bar in its cluster's colour, also for bars added later. */
    private static void colourBars(XYChart.Series<String, Number> series) {
        ListChangeListener<XYChart.Data<String, Number>> onChange = change -> {
            while (change.next()) {
                for (XYChart.Data<String, Number> d : change.getAddedSubList()) {
                    paint(d);
                }
            }
        };
        series.getData().addListener(onChange);
        series.getData().forEach(ChartsView::paint);
    }

    private static void paint(XYChart.Data<String, Number> d) {
        int cluster = Integer.parseInt(d.getXValue());
        String style = "-fx-bar-fill: " + ClusterPalette.css(cluster) + ";";
        if (d.getNode() != null) {
            d.getNode().setStyle(style);
        }
        d.nodeProperty().addListener((obs, was, node) -> {
            if (node != null) {
                node.setStyle(style);
            }
        });
    }
}
