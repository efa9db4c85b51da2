package io.mmdcstudio.views.run;

import io.mmdcstudio.engine.results.Assignment;
import java.nio.file.Path;
import java.util.List;
import java.util.Objects;

/**
 * A finished result as the window holds it, in the form assignments.csv has: what export, corrections and
 * sessions work from, whether the run was just trained in the window or opened from its folder.
 *
 * @param rows    one row per image, as assignments.csv lists them (the network's clusters, before any edits)
 * @param k       the run's number of clusters
 * @param runDir  the run folder holding this result, or null while a run trained in the window is not saved yet
 * @param baseDir the folder relative item paths are relative to (where the run was started)
 */
public record RunOutput(List<Assignment> rows, int k, Path runDir, Path baseDir) {

    public RunOutput {
        rows = List.copyOf(rows);
        Objects.requireNonNull(baseDir, "baseDir");
        if (k < 1) {
            throw new IllegalArgumentException("k must be at least 1: " + k);
        }
    }

    /** The same result, now saved in {@code dir}. */
    public RunOutput savedIn(Path dir) {
        return new RunOutput(rows, k, dir, baseDir);
    }

    /** Whether the result has a folder of its own (edits can then be kept beside it). */
    public boolean saved() {
        return runDir != null;
    }
}
