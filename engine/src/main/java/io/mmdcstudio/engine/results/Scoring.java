package io.mmdcstudio.engine.results;

import io.mmdcstudio.engine.data.ImageDataset;
import io.mmdcstudio.gmm.ClusteringMetrics;
import io.mmdcstudio.gmm.ClusteringMetrics.Scores;

/** Metrics of a clustering against a dataset's ground truth, over the images whose label is known (label ≥ 0). */
public final class Scoring {

    private Scoring() {}

    /** Scores for clusters given for every image of {@code data}; null without labels. */
    public static Scores score(ImageDataset data, int[] clusters) {
        int[] all = new int[clusters.length];
        java.util.Arrays.setAll(all, i -> i);
        return score(data, all, clusters);
    }

    /**
     * Scores for {@code clusters[j]} being the cluster of image {@code images[j]}; null when none of those images
     * has a label.
     */
    public static Scores score(ImageDataset data, int[] images, int[] clusters) {
        if (!data.hasLabels()) {
            return null;
        }
        int known = 0;
        for (int image : images) {
            if (data.labels()[image] >= 0) {
                known++;
            }
        }
        if (known == 0) {
            return null;
        }
        int[] truth = new int[known];
        int[] pred = new int[known];
        int j = 0;
        for (int i = 0; i < images.length; i++) {
            int label = data.labels()[images[i]];
            if (label >= 0) {
                truth[j] = label;
                pred[j++] = clusters[i];
            }
        }
        return ClusteringMetrics.score(truth, pred);
    }
}
