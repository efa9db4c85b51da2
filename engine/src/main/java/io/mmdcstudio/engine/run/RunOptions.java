package io.mmdcstudio.engine.run;

import java.nio.file.Path;

/**
 * How a run is executed, as opposed to what it computes ({@link RunConfig}).
 *
 * @param checkpoint file written atomically after every epoch, or null for none
 * @param resume     continue from {@code checkpoint} when it exists and matches the data and config
 * @param batchEventEvery send a batch event at most every this many batches (the last batch of a phase always)
 */
public record RunOptions(Path checkpoint, boolean resume, int batchEventEvery) {

    /** No checkpoint, events every 10 batches. */
    public static final RunOptions DEFAULT = new RunOptions(null, false, 10);

    public RunOptions {
        if (batchEventEvery < 1) {
            throw new IllegalArgumentException("batchEventEvery must be at least 1");
        }
        if (resume && checkpoint == null) {
            throw new IllegalArgumentException("resume needs a checkpoint file");
        }
    }
}
