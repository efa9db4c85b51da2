package io.mmdcstudio.views.charts;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.mmdcstudio.engine.run.Phase;
import io.mmdcstudio.engine.run.RunEvents;
import io.mmdcstudio.gmm.ClusteringMetrics.Scores;
import java.util.List;
import java.util.function.Consumer;
import javafx.collections.ListChangeListener;
import javafx.collections.ObservableList;
import javafx.scene.chart.XYChart;
import org.junit.jupiter.api.Test;

class ChartsViewModelTest {

    private static final int BATCHES = 20;

    @Test
    void hiddenChartsChangeNothingAndShowTheSameChartsWhenShownAgain() {
        ChartsViewModel shownAllAlong = new ChartsViewModel();
        ChartsViewModel hidden = new ChartsViewModel();
        Consumer<ChartsViewModel> before = vm -> {
            vm.reset(4, 3, true, true);
            run(vm, 0);
        };
        before.accept(shownAllAlong);
        before.accept(hidden);
        hidden.showingProperty().set(false);
        int[] changes = {0};
        everySeries(hidden).forEach(s -> s.getData().addListener((ListChangeListener<Object>) c -> changes[0]++));
        String whenHidden = drawn(hidden);

        for (ChartsViewModel vm : List.of(shownAllAlong, hidden)) {
            vm.setBaselineAcc(0.42);
            run(vm, 1);
            run(vm, 2);
        }

        assertEquals(0, changes[0], "no series changed while hidden");
        assertEquals(whenHidden, drawn(hidden));
        assertFalse(hidden.holdsNoRun(), "it still answers for the run");
        hidden.showingProperty().set(true);
        assertEquals(drawn(shownAllAlong), drawn(hidden), "shown again: the charts of the whole run so far");
        assertTrue(changes[0] > 0);
    }

    @Test
    void aResetWhileHiddenLeavesOnlyTheNewRunToShow() {
        ChartsViewModel reference = new ChartsViewModel();
        reference.reset(6, 5, false, false);
        ChartsViewModel vm = new ChartsViewModel();
        vm.reset(4, 3, true, true);
        run(vm, 0);
        vm.showingProperty().set(false);
        run(vm, 1);
        vm.reset(6, 5, false, false);

        assertTrue(vm.holdsNoRun(), "the new run has no points yet, whatever the hidden charts still show");
        assertEquals(3, vm.sizeSeries().get(0).getData().size(), "the old run's bars until shown");
        vm.showingProperty().set(true);
        assertEquals(drawn(reference), drawn(vm));
        assertEquals(6, vm.epochsProperty().get());
        assertFalse(vm.labelledProperty().get());
    }

    @Test
    void aLongHiddenStretchIsAddedInBulkAndThinnedWhenShown() {
        ChartsViewModel vm = new ChartsViewModel();
        vm.reset(100, 2, false, true);
        vm.showingProperty().set(false);
        int points = ChartsViewModel.MAX_LOSS_POINTS * 4;
        for (int b = 0; b < points; b++) {
            vm.addBatch(new RunEvents.BatchProgress(b / 100, Phase.CLUSTERING, b % 100, 100, 1.0 / (b + 1), 500, 0, 0));
        }
        ObservableList<XYChart.Data<Number, Number>> line = vm.clusterLossSeries().get(0).getData();
        int[] changes = {0};
        line.addListener((ListChangeListener<XYChart.Data<Number, Number>>) c -> changes[0]++);

        vm.showingProperty().set(true);

        // A series checks all its points for duplicates at every change: point by point, this took 120-200 ms.
        assertTrue(changes[0] <= 2, "the points come in one change, the thinning in one more: " + changes[0]);
        assertTrue(line.size() <= ChartsViewModel.MAX_LOSS_POINTS && line.size() > ChartsViewModel.MAX_LOSS_POINTS / 2,
                "thinned to at most " + ChartsViewModel.MAX_LOSS_POINTS + ": " + line.size());
        assertEquals(points / 100.0, line.get(line.size() - 1).getXValue().doubleValue(), 1e-9,
                "the latest point kept");
        assertEquals(1.0, line.get(0).getYValue().doubleValue(), "the first point kept");
    }

    /** An epoch of {@link #BATCHES} batches of each phase, then its scores and sizes. */
    private static void run(ChartsViewModel vm, int epoch) {
        for (int b = 0; b < BATCHES; b++) {
            vm.addBatch(new RunEvents.BatchProgress(epoch, Phase.ROTATION, b, BATCHES, 2.0 - b * 0.01, 500, 0, 0));
            vm.addBatch(new RunEvents.BatchProgress(epoch, Phase.CLUSTERING, b, BATCHES, 0.5 - b * 0.01, 500, 0, 0));
        }
        int[] sizes = {10 + epoch, 20 - epoch, 30};
        vm.addEpoch(new RunEvents.EpochEnded(epoch, 4, 0.3, 1.5, 0.5, sizes, 0.1,
                new Scores(0.5 + epoch * 0.1, 0.4, 0.3), 0.05, 1));
    }

    private static List<XYChart.Series<?, ?>> everySeries(ChartsViewModel vm) {
        List<XYChart.Series<?, ?>> all = new java.util.ArrayList<>();
        all.addAll(vm.clusterLossSeries());
        all.addAll(vm.rotationLossSeries());
        all.addAll(vm.metricSeries());
        all.addAll(vm.sizeSeries());
        return all;
    }

    /** What the charts draw: every series' points, and the axes' epochs. */
    private static String drawn(ChartsViewModel vm) {
        StringBuilder s = new StringBuilder("epochs=" + vm.epochsProperty().get());
        for (XYChart.Series<?, ?> series : everySeries(vm)) {
            s.append('\n').append(series.getName()).append(':');
            series.getData().forEach(d -> s.append(' ').append(d.getXValue()).append('/').append(d.getYValue()));
        }
        return s.toString();
    }
}
