package io.mmdcstudio.views.run;

import java.util.Objects;
import java.util.concurrent.Executor;

/**
 * The threads of the window. In the application: the FX thread, a loader/baseline worker, an analysis worker
 * (projections, gallery order) and the one thread that owns a run's tensors. In view-model tests all four run
 * tasks at once on the calling thread ({@link #sameThread()}), so a test reads results right after a command.
 *
 * @param ui       runs on the UI thread ({@code Platform::runLater})
 * @param worker   loading data and the baseline, one task at a time
 * @param analysis per-epoch analysis, one task at a time
 * @param run      the run; one thread, one task at a time
 */
public record StudioExecutors(Executor ui, Executor worker, Executor analysis, Executor run) {

    public StudioExecutors {
        Objects.requireNonNull(ui, "ui");
        Objects.requireNonNull(worker, "worker");
        Objects.requireNonNull(analysis, "analysis");
        Objects.requireNonNull(run, "run");
    }

    /** Everything on the calling thread, for deterministic tests. */
    public static StudioExecutors sameThread() {
        Executor now = Runnable::run;
        return new StudioExecutors(now, now, now, now);
    }
}
