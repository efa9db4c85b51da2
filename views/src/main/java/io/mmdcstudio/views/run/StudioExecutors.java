package io.mmdcstudio.views.run;

import java.util.Objects;
import java.util.concurrent.Executor;

/**
 * The threads of the window. In the application: the FX thread, a worker (loading, files), an analysis worker
 * (projections, gallery order), the one thread that owns a run's tensors, and one for the baseline. In
 * view-model tests all of them run tasks at once on the calling thread ({@link #sameThread()}), so a test reads
 * results right after a command.
 *
 * @param ui       runs on the UI thread ({@code Platform::runLater})
 * @param worker   loading data, reading and writing files (export, sessions, edits), one task at a time
 * @param analysis per-epoch analysis, one task at a time
 * @param run      the run; one thread, one task at a time
 * @param baseline the pixel k-means baseline, one task at a time: on 70,000 images it takes a minute, and on
 *                 the worker it would hold up the next folder or session to open for all that time
 * @param nextFrame on the UI thread once the window has drawn the frame being prepared
 *                 ({@link io.mmdcstudio.views.fx.NextFrame}): a command's costly screen changes go there, so that
 *                 its visible answer is drawn first and no single frame takes long
 * @param map      the map of a moment, one task at a time: beside training it may take several epochs, and on the
 *                 analysis worker it would hold up the gallery of every epoch meanwhile
 */
public record StudioExecutors(Executor ui, Executor worker, Executor analysis, Executor run, Executor baseline,
        Executor nextFrame, Executor map) {

    public StudioExecutors {
        Objects.requireNonNull(ui, "ui");
        Objects.requireNonNull(worker, "worker");
        Objects.requireNonNull(analysis, "analysis");
        Objects.requireNonNull(run, "run");
        Objects.requireNonNull(baseline, "baseline");
        Objects.requireNonNull(nextFrame, "nextFrame");
        Objects.requireNonNull(map, "map");
    }

    /** The map computed on the analysis worker (for tests: one worker, one task at a time). */
    public StudioExecutors(Executor ui, Executor worker, Executor analysis, Executor run, Executor baseline,
            Executor nextFrame) {
        this(ui, worker, analysis, run, baseline, nextFrame, analysis);
    }

    /**
     * The baseline shares the worker, and what waits for the next frame runs at once (for tests that only separate
     * the UI thread).
     */
    public StudioExecutors(Executor ui, Executor worker, Executor analysis, Executor run) {
        this(ui, worker, analysis, run, worker, Runnable::run);
    }

    /** Everything on the calling thread, for deterministic tests. */
    public static StudioExecutors sameThread() {
        Executor now = Runnable::run;
        return new StudioExecutors(now, now, now, now, now, now, now);
    }
}
