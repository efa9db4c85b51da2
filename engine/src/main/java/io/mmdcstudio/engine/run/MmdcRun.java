package io.mmdcstudio.engine.run;

import io.mmdcstudio.engine.data.ImageDataset;
import java.io.IOException;

/**
 * Runs Multi-Modal Deep Clustering on a dataset. Call from a dedicated thread: that thread owns every tensor of
 * the run, and the call returns when the run ends (finished or cancelled). Ground-truth labels in the dataset
 * serve the metrics only; training never reads them.
 */
public final class MmdcRun {

    private MmdcRun() {}

    /** The deep-learning stack, e.g. "DJL 0.36.0 / PyTorch 2.7.1", for provenance. Loads the engine. */
    public static String engineDescription() {
        ai.djl.engine.Engine engine = ai.djl.engine.Engine.getEngine("PyTorch");
        return "DJL " + ai.djl.engine.Engine.getDjlVersion() + " / PyTorch " + engine.getVersion();
    }

    /**
     * Trains and assigns every image a cluster.
     *
     * @throws IllegalArgumentException for an invalid config, or more clusters than images
     * @throws IOException when a checkpoint cannot be written or the one to resume from cannot be read
     */
    public static RunResult run(ImageDataset data, RunConfig config, RunOptions options, RunListener listener,
            RunControl control) throws IOException {
        config.validated();
        if (data.size() < config.clusters()) {
            throw new IllegalArgumentException("More clusters (" + config.clusters() + ") than images ("
                    + data.size() + "): choose at most " + data.size() + " clusters");
        }
        int trained = config.trainSubset() > 0 ? Math.min(config.trainSubset(), data.size()) : data.size();
        if (trained < config.clusters()) {
            throw new IllegalArgumentException("The training subset (" + trained + ") is smaller than k");
        }
        return new MmdcTrainer(data, config, options, listener, control, null).run();
    }
}
