package io.mmdcstudio.views.charts;

import io.mmdcstudio.engine.results.RunManifest;
import io.mmdcstudio.engine.run.RunEvents;
import java.util.ArrayList;
import java.util.List;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyIntegerProperty;
import javafx.beans.property.ReadOnlyIntegerWrapper;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import javafx.scene.chart.XYChart;

/**
 * The live charts' data: the two losses batch by batch (apart: the rotation loss is an order of magnitude
 * larger and would flatten the clustering loss on a shared axis), ACC/NMI/ARI per epoch with the pixel k-means
 * ACC as a reference line, and the cluster sizes of the latest epoch. The x axis of losses and metrics is the
 * same epoch scale, so the charts line up. While the charts are hidden ({@link #showingProperty}) their series
 * do not change: the changes are held and made at once when they show again. UI thread only.
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
    private final BooleanProperty showing = new SimpleBooleanProperty(this, "showing", true);
    /** Changes made while hidden, in order; a reset makes the ones before it moot. */
    private final List<Runnable> held = new ArrayList<>();
    /** Whether the run behind the charts has loss points and scores, held changes included. */
    private boolean holdsLosses;
    private boolean holdsScores;

    /** Empty charts. */
    public ChartsViewModel() {
        sizes.setName("Images per cluster");
        showing.addListener((obs, was, now) -> {
            if (now) {
                catchUp();
            }
        });
    }

    private static XYChart.Series<Number, Number> series(String name) {
        XYChart.Series<Number, Number> s = new XYChart.Series<>();
        s.setName(name);
        return s;
    }

    /** Empties every chart for a run of {@code epochCount} epochs into {@code k} clusters. */
    public void reset(int epochCount, int k, boolean hasLabels, boolean withRotation) {
        held.clear();
        holdsLosses = false;
        holdsScores = false;
        change(() -> drawReset(epochCount, k, hasLabels, withRotation));
    }

    private void drawReset(int epochCount, int k, boolean hasLabels, boolean withRotation) {
        epochs.set(Math.max(1, epochCount));
        labelled.set(hasLabels);
        rotation.set(withRotation);
        clusterLoss.getData().clear();
        rotationLoss.getData().clear();
        acc.getData().clear();
        nmi.getData().clear();
        ari.getData().clear();
        // Zeroes the bars in place when the cluster count is the same: new bars cost the chart a node, CSS and
        // layout each, in the frame after Start.
        drawSizes(new int[k]);
        drawBaseline();
    }

    /**
     * Empties the two loss charts only: the first part of {@link #reset}, for a frame of its own after Start (a
     * finished run's lines and axes take a long layout to take down).
     */
    public void clearLosses() {
        holdsLosses = false;
        change(() -> {
            clusterLoss.getData().clear();
            rotationLoss.getData().clear();
        });
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
        holdsLosses = true;
        XYChart.Data<Number, Number> point = new XYChart.Data<>(x, e.loss());
        if (showing.get()) {
            target.getData().add(point);
            thin(target);
        } else if (!held.isEmpty() && held.get(held.size() - 1) instanceof HeldPoints h && h.line == target) {
            h.points.add(point);
        } else {
            held.add(new HeldPoints(target, point));
        }
    }

    /**
     * Loss points that arrived in a row while the charts were hidden, added in one change: a series checks all its
     * points for duplicates at every change, so a long hidden stretch added point by point would hold the FX thread
     * (on a bare series here, 3,200 points took 120-200 ms one by one and under 1 ms at once; 10,000, 1.6 s).
     */
    private static final class HeldPoints implements Runnable {
        private final XYChart.Series<Number, Number> line;
        private final List<XYChart.Data<Number, Number>> points = new ArrayList<>();

        HeldPoints(XYChart.Series<Number, Number> line, XYChart.Data<Number, Number> first) {
            this.line = line;
            points.add(first);
        }

        @Override
        public void run() {
            line.getData().addAll(points);
            thin(line);
        }
    }

    /** Adds an epoch's metrics and shows its cluster sizes. */
    public void addEpoch(RunEvents.EpochEnded e) {
        if (e.metrics() != null) {
            holdsScores = true;
            change(() -> addScores(e.epoch() + 1, e.metrics().acc(), e.metrics().nmi(), e.metrics().ari()));
        }
        showSizes(e.clusterSizes());
    }

    private void addScores(double x, double accValue, double nmiValue, double ariValue) {
        acc.getData().add(new XYChart.Data<>(x, accValue));
        nmi.getData().add(new XYChart.Data<>(x, nmiValue));
        ari.getData().add(new XYChart.Data<>(x, ariValue));
    }

    /**
     * Adds an epoch of a saved run: its mean losses (a saved run has no batch-by-batch losses) and metrics, drawn
     * at the epoch's end.
     */
    public void addSavedEpoch(RunManifest.EpochRecord e) {
        double x = e.epoch() + 1;
        holdsLosses |= e.clusterLoss() != null || e.rotationLoss() != null;
        holdsScores |= e.metrics() != null;
        change(() -> {
            if (e.clusterLoss() != null) {
                clusterLoss.getData().add(new XYChart.Data<>(x, e.clusterLoss()));
            }
            if (e.rotationLoss() != null) {
                rotationLoss.getData().add(new XYChart.Data<>(x, e.rotationLoss()));
            }
            if (e.metrics() != null) {
                addScores(x, e.metrics().acc(), e.metrics().nmi(), e.metrics().ari());
            }
        });
    }

    /** Shows cluster sizes (e.g. of the final assignment of every image). */
    public void showSizes(int[] clusterSizes) {
        change(() -> drawSizes(clusterSizes));
    }

    private void drawSizes(int[] clusterSizes) {
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
        change(this::drawBaseline);
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
        return !holdsLosses && !holdsScores;
    }

    /**
     * Whether the charts are on screen (true unless told otherwise). While false, no series changes: JavaFX lays
     * out and synchronises a hidden tab's nodes too, and a frame whose only changes are hidden (a new axis tick, a
     * symbol, a bar) has no dirty region, which it answers by repainting the whole window (docs/BENCHMARKS.md,
     * section 6). The held changes are made, in order, as soon as it turns true.
     */
    public BooleanProperty showingProperty() {
        return showing;
    }

    private void change(Runnable draw) {
        if (showing.get()) {
            draw.run();
        } else {
            held.add(draw);
        }
    }

    /** Makes the held changes, in order. */
    private void catchUp() {
        List<Runnable> due = List.copyOf(held);
        held.clear();
        due.forEach(Runnable::run);
    }

    /** Keeps long runs cheap to draw: halves the density of the older part of the line, as often as needed. */
    private static void thin(XYChart.Series<Number, Number> s) {
        ObservableList<XYChart.Data<Number, Number>> data = s.getData();
        if (data.size() <= MAX_LOSS_POINTS) {
            return;
        }
        List<XYChart.Data<Number, Number>> kept = data;
        while (kept.size() > MAX_LOSS_POINTS) {
            kept = halveOlderPart(kept);
        }
        data.setAll(kept);
    }

    private static List<XYChart.Data<Number, Number>> halveOlderPart(List<XYChart.Data<Number, Number>> points) {
        int older = points.size() * 3 / 4;
        List<XYChart.Data<Number, Number>> kept = new ArrayList<>(points.size());
        for (int i = 0; i < points.size(); i++) {
            if (i >= older || i % 2 == 0) {
                kept.add(points.get(i));
            }
        }
        return kept;
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
