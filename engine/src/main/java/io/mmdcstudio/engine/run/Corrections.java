package io.mmdcstudio.engine.run;

import java.nio.file.Path;
import java.util.Arrays;

/**
 * A person's corrections for "continue training with corrections": images whose cluster a person moved or
 * pinned keep that cluster as a fixed target (they take no part in the per-batch matching), and training starts
 * from the weights of the earlier run rather than from scratch, so cluster numbers stay what the person saw.
 *
 * @param fixedClusters per image of the dataset, the cluster it must keep, or -1 when it is free
 * @param startFrom     the earlier run's checkpoint whose kept weights training starts from, or null for fresh
 *                      weights
 */
public record Corrections(int[] fixedClusters, Path startFrom) {

    /** Marks an image whose cluster is not fixed. */
    public static final int FREE = -1;

    public Corrections {
        fixedClusters = fixedClusters.clone();
    }

    /** The fixed cluster of image {@code i}, or {@link #FREE}. */
    public int fixedCluster(int i) {
        return fixedClusters[i];
    }

    /** How many images have a fixed cluster. */
    public int fixedCount() {
        return (int) Arrays.stream(fixedClusters).filter(c -> c != FREE).count();
    }

    /** Checks the corrections fit a dataset of {@code images} images and {@code k} clusters. */
    void check(int images, int k) {
        if (fixedClusters.length != images) {
            throw new IllegalArgumentException("corrections cover " + fixedClusters.length + " images, the data has "
                    + images);
        }
        for (int c : fixedClusters) {
            if (c != FREE && (c < 0 || c >= k)) {
                throw new IllegalArgumentException("a correction names cluster " + c + "; the run has " + k);
            }
        }
    }
}
