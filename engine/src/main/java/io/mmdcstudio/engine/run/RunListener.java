package io.mmdcstudio.engine.run;

/**
 * Receives a run's events on the run's own thread; every method has a no-op default. Implementations that feed
 * a user interface must hand the records over to their own thread and return quickly.
 */
public interface RunListener {

    /** A listener that ignores everything. */
    RunListener NONE = new RunListener() {};

    default void onRunStarted(RunEvents.Started event) {}

    default void onPhase(RunEvents.PhaseStarted event) {}

    default void onBatch(RunEvents.BatchProgress event) {}

    default void onEpoch(RunEvents.EpochEnded event) {}

    /**
     * Where every training image stands after an epoch's evaluation (sent just before {@link #onEpoch} of the
     * same epoch): what a live map or gallery draws. The arrays are copies the listener may keep.
     */
    default void onEpochEmbeddings(RunEvents.EpochSnapshot snapshot) {}

    default void onRunFinished(RunResult result) {}
}
