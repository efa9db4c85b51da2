package io.mmdcstudio.engine.run;

import io.mmdcstudio.gmm.ClusteringMetrics.Scores;

/** The records a run sends to its {@link RunListener}: primitives and copied arrays only, no DJL types. */
public final class RunEvents {

    private RunEvents() {}

    /**
     * The run has its data and network.
     *
     * @param images       images that will receive a cluster
     * @param trainImages  images trained on (a subset when the config asks for one)
     * @param epochs       planned epochs
     * @param startEpoch   zero-based first epoch (non-zero when resuming from a checkpoint)
     * @param device       where the tensors live, e.g. "cpu()"
     * @param parameters   trainable parameters of the network
     * @param config       the config in force
     */
    public record Started(int images, int trainImages, int epochs, int startEpoch, String device, long parameters,
            RunConfig config) {}

    /** A phase begins (zero-based epoch; -1 outside epochs). */
    public record PhaseStarted(int epoch, Phase phase) {}

    /**
     * Progress inside a phase, throttled at the source (and always sent for the last batch of a phase).
     *
     * @param loss           mean loss of this batch (NaN in phases without a loss)
     * @param imagesPerSecond throughput of this phase so far
     * @param fractionOfRun  share of the whole run's work done, in [0, 1]
     * @param etaSeconds     estimated seconds left in the run (NaN until known)
     */
    public record BatchProgress(int epoch, Phase phase, int batch, int batches, double loss, double imagesPerSecond,
            double fractionOfRun, double etaSeconds) {}

    /**
     * An epoch ended.
     *
     * @param epoch            zero-based epoch
     * @param clusterLoss      mean MSE to the assigned targets
     * @param rotationLoss     mean rotation cross-entropy (NaN without rotation)
     * @param rotationAccuracy share of rotations predicted right (NaN without rotation)
     * @param clusterSizes     images per cluster over the training images
     * @param changedShare     share of training images whose cluster changed since the last epoch
     * @param metrics          ACC, NMI, ARI on the training images when labels exist, else null
     * @param learningRate     the rate this epoch used
     * @param seconds          wall time of the epoch
     */
    public record EpochEnded(int epoch, int epochs, double clusterLoss, double rotationLoss, double rotationAccuracy,
            int[] clusterSizes, double changedShare, Scores metrics, double learningRate, double seconds) {
        public EpochEnded {
            clusterSizes = clusterSizes.clone();
        }
    }

    /**
     * The training images after an epoch's evaluation, all arrays parallel to {@code imageIndices}.
     *
     * @param epoch        zero-based epoch
     * @param imageIndices dataset index of each training image
     * @param clusters     its nearest mixture mean
     * @param confidence   how clearly it sits nearer that mean than the next one, in [0, 1]
     * @param embeddings   its eval-view embedding (D values each)
     */
    public record EpochSnapshot(int epoch, int[] imageIndices, int[] clusters, float[] confidence,
            float[][] embeddings) {
        public EpochSnapshot {
            imageIndices = imageIndices.clone();
            clusters = clusters.clone();
            confidence = confidence.clone();
            float[][] rows = new float[embeddings.length][];
            for (int i = 0; i < rows.length; i++) {
                rows[i] = embeddings[i].clone();
            }
            embeddings = rows;
        }
    }
}
