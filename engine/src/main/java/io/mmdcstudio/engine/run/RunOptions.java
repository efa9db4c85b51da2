package io.mmdcstudio.engine.run;

import java.nio.file.Path;

/**
 * How a run is executed, as opposed to what it computes ({@link RunConfig}).
 *
 * @param checkpoint file written atomically after every epoch, or null for none
 * @param resume     continue from {@code checkpoint} when it exists and matches the data and config
 * @param batchEventEvery send a batch event at most every this many batches (the last batch of a phase always)
 * @param corrections images with a fixed cluster and the weights to start from, or null for an ordinary run
 * @param fewLabels   the few images whose class training may see (semi-supervised mode), or null for an
 *                    ordinary, label-free run
 */
public record RunOptions(Path checkpoint, boolean resume, int batchEventEvery, Corrections corrections,
        FewLabels fewLabels) {

    /** No checkpoint, events every 10 batches. */
    public static final RunOptions DEFAULT = new RunOptions(null, false, 10);

    /** Options of an ordinary run, without corrections. */
    public RunOptions(Path checkpoint, boolean resume, int batchEventEvery) {
        this(checkpoint, resume, batchEventEvery, null, null);
    }

    /** Options with corrections and no few labels. */
    public RunOptions(Path checkpoint, boolean resume, int batchEventEvery, Corrections corrections) {
        this(checkpoint, resume, batchEventEvery, corrections, null);
    }

    /** These options with {@code c} as the corrections. */
    public RunOptions withCorrections(Corrections c) {
        return new RunOptions(checkpoint, resume, batchEventEvery, c, fewLabels);
    }

    /** These options with {@code f} as the few labels (semi-supervised mode), or null for none. */
    public RunOptions withFewLabels(FewLabels f) {
        return new RunOptions(checkpoint, resume, batchEventEvery, corrections, f);
    }

    public RunOptions {
        if (batchEventEvery < 1) {
            throw new IllegalArgumentException("batchEventEvery must be at least 1");
        }
        if (resume && checkpoint == null) {
            throw new IllegalArgumentException("resume needs a checkpoint file");
        }
    }
}
