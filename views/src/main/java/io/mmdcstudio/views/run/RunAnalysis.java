package io.mmdcstudio.views.run;

import io.mmdcstudio.engine.data.ImageDataset;
import io.mmdcstudio.views.confusion.ConfusionTable;
import io.mmdcstudio.views.gallery.Assignments;
import io.mmdcstudio.views.map.MapFrame;
import io.mmdcstudio.views.map.MapProjection;
import io.mmdcstudio.views.map.MapProjector;
import java.util.function.BooleanSupplier;

/**
 * Turns a moment of a run (an epoch's snapshot, or the final result) into what the gallery, the map and the
 * confusion matrix draw, off the FX thread: {@link #early} on the analysis worker, {@link #withMap} and
 * {@link #reset} on the map worker (the projector remembers the previous frame, and is not thread-safe).
 */
final class RunAnalysis {

    /**
     * A moment of the run.
     *
     * @param epoch  zero-based epoch, or -1 for the final assignment
     * @param epochs planned epochs
     */
    record Moment(ImageDataset data, int k, int epoch, int epochs, int[] images, int[] clusters, float[] confidence,
            float[][] embeddings, long seed) {}

    /** What the views draw for a moment; {@code frame} is null without embeddings, {@code confusion} without labels. */
    record Result(Moment moment, Assignments assignments, MapFrame frame, ConfusionTable confusion) {}

    private final MapProjector projector;

    RunAnalysis(MapProjection projection) {
        this.projector = new MapProjector(projection);
    }

    /** Forgets the previous map frame (a new run). */
    void reset() {
        projector.reset();
    }

    /**
     * The gallery's and the confusion matrix's part of {@code m} (no map frame). Quick: it runs on the analysis
     * worker for every epoch, while a map beside training, throttled below training's priority, may take several.
     */
    Result early(Moment m) {
        ImageDataset d = m.data();
        Assignments a = Assignments.of(m.epoch(), m.k(), d.size(), m.images(), m.clusters(), m.confidence(),
                d.labels(), d.classNames());
        ConfusionTable table = ConfusionTable.of(d.labels(), d.classNames(), m.k(), m.images(), m.clusters());
        return new Result(m, a, null, table);
    }

    /**
     * {@code early} with its map frame; null when {@code stale} turned true while the map was computed (the moment
     * is out of date: the run ended or another started). Needs embeddings. Runs on the map worker.
     */
    Result withMap(Result early, BooleanSupplier stale) {
        Moment m = early.moment();
        MapFrame frame = projector.project(m.epoch(), m.images(), m.clusters(), m.embeddings(), m.seed(),
                m.epoch() >= 0, stale);
        return frame == null ? null : new Result(m, early.assignments(), frame, early.confusion());
    }
}
