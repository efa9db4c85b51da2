package io.mmdcstudio.views.charts;

import io.mmdcstudio.engine.results.RunManifest;
import io.mmdcstudio.engine.run.RunEvents;
import java.util.List;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyIntegerProperty;
import javafx.beans.property.ReadOnlyIntegerWrapper;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import javafx.scene.chart.XYChart;

/**
 * The live charts' data: the two losses batch by batch (apart: the rotation loss is an order of magnitude
 * larger and would flatten the clustering loss on a shared axis), ACC/NMI/ARI per epoch with the pixel k-means
 * ACC as a reference line, and the cluster sizes of the latest epoch. The x axis of losses and metrics is the
 * same epoch scale, so the charts line up. UI thread only.
 */
public final class ChartsViewModel {

    /** A loss series is thinned (every second early point dropped) beyond this many points. */
    static final int MAX_LOSS_POINTS = 800;

    private final XYChart.Series<Number, Number> clusterLoss = series("Clustering loss");
    private final XYChart.Series<Number, Number> rotationLoss = series("Rotation loss");
    private final XYChart.Series<Number, Number> acc = series("ACC");
    private final XYChart.Series<Number, Number> nmi = series("NMI");
    private final XYChart.Series<Number, Number> ari = series("ARI");
    private final XYChart.Series<Number, Number> baseline = series("Pixel k-means ACC");
    private final XYChart.Series<String, Number> sizes = new XYChart.Series<>();
    private final ObservableList<XYChart.Series<Number, Number>> clusterLossSeries =
            FXCollections.observableArrayList(List.of(clusterLoss));
    private final ObservableList<XYChart.Series<Number, Number>> rotationLossSeries =
            FXCollections.observableArrayList(List.of(rotationLoss));
    private final ObservableList<XYChart.Series<Number, Number>> metricSeries =
            FXCollections.observableArrayList(List.of(acc, nmi, ari, baseline));
    private final ObservableList<XYChart.Series<String, Number>> sizeSeries =
            FXCollections.observableArrayList(List.of(sizes));
    private final ReadOnlyIntegerWrapper epochs = new ReadOnlyIntegerWrapper(this, "epochs", 1);
    private final ReadOnlyBooleanWrapper labelled = new ReadOnlyBooleanWrapper(this, "labelled");
    private final ReadOnlyBooleanWrapper rotation = new ReadOnlyBooleanWrapper(this, "rotation", true);
    private double baselineAcc = Double.NaN;
    /** What the baseline line shows now (NaN: no line). */
    private double drawnBaselineAcc = Double.NaN;
    private int drawnBaselineEpochs;

    /** Empty charts. */
    public ChartsViewModel() {
        sizes.setName("Images per cluster");
    }

    private static XYChart.Series<Number, Number> series(String name) {
        XYChart.Series<Number, Number> s = new XYChart.Series<>();
        s.setName(name);
        return s;
    }

    /** Empties every chart for a run of {@code epochCount} epochs into {@code k} clusters. */
    public void reset(int epochCount, int k, boolean hasLabels, boolean withRotation) {
        epochs.set(Math.max(1, epochCount));
        labelled.set(hasLabels);
        rotation.set(withRotation);
        clearLosses();
        acc.getData().clear();
        nmi.getData().clear();
        ari.getData().clear();
        // Zeroes the bars in place when the cluster count is the same: new bars cost the chart a node, CSS and
        // layout each, in the frame after Start.
        showSizes(new int[k]);
        drawBaseline();
    }

    /**
     * Empties the two loss charts only: the first part of {@link #reset}, for a frame of its own after Start (a
     * finished run's lines and axes take a long layout to take down).
     */
    public void clearLosses() {
        clusterLoss.getData().clear();
        rotationLoss.getData().clear();
    }

    /** Adds a batch's loss (phases without a loss are ignored). */
    public void addBatch(RunEvents.BatchProgress e) {
        if (Double.isNaN(e.loss()) || e.epoch() < 0) {
            return;
        }
        XYChart.Series<Number, Number> target = switch (e.phase()) {
            case CLUSTERING -> clusterLoss;
            case ROTATION -> rotationLoss;
            default -> null;
        };
        if (target == null) {
            return;
        }
        double x = e.epoch() + (e.batch() + 1) / (double) Math.max(1, e.batches());
        target.getData().add(new XYChart.Data<>(x, e.loss()));
        thin(target);
    }

    /** Adds an epoch's metrics and shows its cluster sizes. */
    public void addEpoch(RunEvents.EpochEnded e) {
        if (e.metrics() != null) {
            double x = e.epoch() + 1;
            acc.getData().add(new XYChart.Data<>(x, e.metrics().acc()));
            nmi.getData().add(new XYChart.Data<>(x, e.metrics().nmi()));
            ari.getData().add(new XYChart.Data<>(x, e.metrics().ari()));
        }
        showSizes(e.clusterSizes());
    }

    /**
     * Adds an epoch of a saved run: its mean losses (a saved run has no batch-by-batch losses) and metrics, drawn
     * at the epoch's end.
     */
    public void addSavedEpoch(RunManifest.EpochRecord e) {
        double x = e.epoch() + 1;
        if (e.clusterLoss() != null) {
            clusterLoss.getData().add(new XYChart.Data<>(x, e.clusterLoss()));
        }
        if (e.rotationLoss() != null) {
            rotationLoss.getData().add(new XYChart.Data<>(x, e.rotationLoss()));
        }
        if (e.metrics() != null) {
            acc.getData().add(new XYChart.Data<>(x, e.metrics().acc()));
            nmi.getData().add(new XYChart.Data<>(x, e.metrics().nmi()));
            ari.getData().add(new XYChart.Data<>(x, e.metrics().ari()));
        }
    }

    /** Shows cluster sizes (e.g. of the final assignment of every image). */
    public void showSizes(int[] clusterSizes) {
        ObservableList<XYChart.Data<String, Number>> bars = sizes.getData();
        if (bars.size() != clusterSizes.length) {
            bars.clear();
            for (int c = 0; c < clusterSizes.length; c++) {
                bars.add(new XYChart.Data<>(Integer.toString(c), clusterSizes[c]));
            }
            return;
        }
        for (int c = 0; c < clusterSizes.length; c++) {
            bars.get(c).setYValue(clusterSizes[c]);
        }
    }

    /** Sets the pixel k-means ACC shown as a reference line (NaN: none). */
    public void setBaselineAcc(double value) {
        baselineAcc = value;
        drawBaseline();
    }

    private void drawBaseline() {
        // Only when it changed: a new line costs the chart a layout and a repaint (in the frame after Start, too).
        boolean sameLine = Double.compare(drawnBaselineAcc, baselineAcc) == 0
                && (Double.isNaN(baselineAcc) || drawnBaselineEpochs == epochs.get());
        if (sameLine) {
            return;
        }
        drawnBaselineAcc = baselineAcc;
        drawnBaselineEpochs = epochs.get();
        baseline.getData().setAll(Double.isFinite(baselineAcc)
                ? List.of(new XYChart.Data<>(0, baselineAcc), new XYChart.Data<>(epochs.get(), baselineAcc))
                : List.of());
    }

    /** True while the charts hold no run: no loss, metric or saved epoch yet, only the axes of the next run. */
    public boolean holdsNoRun() {
        return clusterLoss.getData().isEmpty() && rotationLoss.getData().isEmpty() && acc.getData().isEmpty();
    }

    /** Keeps long runs cheap to draw: halves the density of the older part of the line. */
    private static void thin(XYChart.Series<Number, Number> s) {
        ObservableList<XYChart.Data<Number, Number>> data = s.getData();
        if (data.size() <= MAX_LOSS_POINTS) {
            return;
        }
        int older = data.size() * 3 / 4;
        List<XYChart.Data<Number, Number>> kept = new java.util.ArrayList<>(data.size());
        for (int i = 0; i < data.size(); i++) {
            if (i >= older || i % 2 == 0) {
                kept.add(data.get(i));
            }
        }
        data.setAll(kept);
    }

    /** The clustering loss (MSE to the matched mixture targets). */
    public ObservableList<XYChart.Series<Number, Number>> clusterLossSeries() {
        return clusterLossSeries;
    }

    /** The rotation task's cross-entropy. */
    public ObservableList<XYChart.Series<Number, Number>> rotationLossSeries() {
        return rotationLossSeries;
    }

    /** ACC, NMI, ARI per epoch and the pixel k-means ACC. */
    public ObservableList<XYChart.Series<Number, Number>> metricSeries() {
        return metricSeries;
    }

    /** Images per cluster. */
    public ObservableList<XYChart.Series<String, Number>> sizeSeries() {
        return sizeSeries;
    }

    /** Planned epochs: the x axis's upper bound. */
    public ReadOnlyIntegerProperty epochsProperty() {
        return epochs.getReadOnlyProperty();
    }

    /** Whether the data has labels (the metrics chart is meaningful). */
    public ReadOnlyBooleanProperty labelledProperty() {
        return labelled.getReadOnlyProperty();
    }

    /** Whether the run has rotation epochs (the rotation loss chart is meaningful). */
    public ReadOnlyBooleanProperty rotationProperty() {
        return rotation.getReadOnlyProperty();
    }
}
