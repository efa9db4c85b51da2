package io.mmdcstudio.engine.data;

/**
 * Receives progress while a dataset loads.
 *
 * <p>Calls arrive on the thread that called {@link DatasetLoader#load}, never from decoder threads, and are
 * throttled at the source (about one per percent). {@code total <= 0} means the amount of work is not known yet
 * (e.g. while scanning a folder).
 */
@FunctionalInterface
public interface LoadProgress {

    /** Ignores all progress. */
    LoadProgress NONE = (done, total, message) -> { };

    /**
     * Reports progress.
     *
     * @param done    units of work finished
     * @param total   units of work in this phase, or {@code <= 0} when unknown
     * @param message what is happening, in words for the user
     */
    void update(int done, int total, String message);
}
