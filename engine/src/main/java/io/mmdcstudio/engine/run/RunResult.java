package io.mmdcstudio.engine.run;

import io.mmdcstudio.gmm.ClusteringMetrics.Scores;
import java.util.List;

/**
 * What a finished (or cancelled) run leaves: one cluster per image and everything needed to show and save it.
 *
 * @param clusters        cluster index per image, in dataset order
 * @param confidence      per image, in [0, 1]: how clearly its embedding sits nearer its mean than the next one
 * @param embeddings      eval-view embedding per image (unit vectors, D values each)
 * @param history         one record per completed epoch
 * @param metrics         ACC/NMI/ARI over all labelled images, or null without labels (or when cancelled early)
 * @param cancelled       whether the run stopped on request
 * @param epochsCompleted epochs actually completed (including those before a resume)
 * @param keptEpoch       zero-based epoch whose weights produced the result
 * @param trainSeconds    wall time of this process's training (excluding loading)
 * @param assignSeconds   wall time of the final assignment of every image
 */
public record RunResult(
        int[] clusters,
        float[] confidence,
        float[][] embeddings,
        List<RunEvents.EpochEnded> history,
        Scores metrics,
        boolean cancelled,
        int epochsCompleted,
        int keptEpoch,
        double trainSeconds,
        double assignSeconds) {

    public RunResult {
        history = List.copyOf(history);
    }

    /** Images per cluster over all images. */
    public int[] clusterSizes(int k) {
        int[] sizes = new int[k];
        for (int c : clusters) {
            if (c >= 0 && c < k) {
                sizes[c]++;
            }
        }
        return sizes;
    }
}
