package io.mmdcstudio.engine.export;

/**
 * Progress of an export or an undo, reported after each file (consumers throttle as they see fit).
 *
 * @param done       files handled so far
 * @param total      files in all
 * @param etaSeconds estimated seconds left, from the pace so far (NaN before the first file)
 */
public record ExportProgress(int done, int total, double etaSeconds) {

    /** Receives progress reports on the exporting thread. */
    @FunctionalInterface
    public interface Listener {
        void onProgress(ExportProgress progress);

        /** A listener that ignores every report. */
        Listener NONE = p -> { };
    }

    /** Progress after {@code done} of {@code total}, {@code elapsedNanos} after the start. */
    static ExportProgress of(int done, int total, long elapsedNanos) {
        double eta = done == 0 ? Double.NaN : elapsedNanos / 1e9 / done * (total - done);
        return new ExportProgress(done, total, eta);
    }
}
