package io.mmdcstudio.engine.run;

import java.util.Arrays;

/**
 * A few images whose class a person knows, for the semi-supervised mode (MMDC-ALGORITHM.md, "The
 * semi-supervised variant"; Lerner, Shiran &amp; Weinshall, arXiv 2012.00504). Cluster j is class j: the run's
 * one head is both the classifier and the clustering head.
 *
 * <p>After the config's warm-up epochs, training runs in rounds of {@code supervisedEpochs} supervised epochs
 * (cross-entropy on the labelled images plus a FixMatch-style consistency loss on the unlabelled ones) followed
 * by one label-free epoch (a rotation epoch, then an MMDC clustering epoch with balanced one-hot targets,
 * pseudo-targets for confident images and the labelled images' classes as fixed targets).
 *
 * <p>These are the only labels training sees; a dataset's ground-truth labels still serve the metrics only.
 *
 * @param classOf          per image of the dataset, its class in {@code 0..k-1}, or {@link #UNLABELLED}
 * @param supervisedEpochs supervised epochs per label-free epoch in a round (at least 1)
 * @param threshold        FixMatch confidence threshold tau: an unlabelled image counts when the softmax of its
 *                         weak view reaches it
 * @param consistencyWeight FixMatch weight lambda of the consistency loss (0 = labelled cross-entropy only)
 * @param labelledBatch    labelled images drawn (with replacement) per supervised step
 * @param pseudoRadius     in a label-free epoch, an image whose normalised output lies within this Euclidean
 *                         distance of a one-hot vector keeps that one-hot as its target instead of being matched
 * @param supervisedOnly   the baseline: every epoch is a supervised epoch on the labelled images alone (no
 *                         warm-up, rotation, consistency or label-free epochs), with as many steps per epoch as
 *                         the semi-supervised mode's supervised epochs
 */
public record FewLabels(int[] classOf, int supervisedEpochs, double threshold, double consistencyWeight,
        int labelledBatch, double pseudoRadius, boolean supervisedOnly) {

    /** Marks an image whose class training does not know. */
    public static final int UNLABELLED = -1;

    public FewLabels {
        classOf = classOf.clone();
        if (supervisedEpochs < 1) {
            throw new IllegalArgumentException("supervised epochs per round must be at least 1");
        }
        if (!(threshold > 0 && threshold <= 1)) {
            throw new IllegalArgumentException("the confidence threshold must lie in (0, 1]");
        }
        if (!(consistencyWeight >= 0)) {
            throw new IllegalArgumentException("the consistency weight must not be negative");
        }
        if (labelledBatch < 1) {
            throw new IllegalArgumentException("the labelled batch must hold at least one image");
        }
        if (!(pseudoRadius >= 0 && pseudoRadius < Math.sqrt(2))) {
            throw new IllegalArgumentException("the pseudo-target radius must lie in [0, sqrt 2)");
        }
    }

    /**
     * The semi-supervised mode with the defaults: 3 supervised epochs per label-free epoch, threshold 0.95,
     * weight 1, 64 labelled images per step, pseudo-target radius 0.2 (FixMatch's and SSClustering's values).
     */
    public static FewLabels semiSupervised(int[] classOf) {
        return new FewLabels(classOf, 3, 0.95, 1.0, 64, 0.2, false);
    }

    /** The supervised-only baseline on the same labelled images (same network, steps and read-out). */
    public FewLabels asSupervisedOnly() {
        return new FewLabels(classOf, supervisedEpochs, threshold, 0.0, labelledBatch, pseudoRadius, true);
    }

    /** The class of image {@code i}, or {@link #UNLABELLED}. */
    public int classOf(int i) {
        return classOf[i];
    }

    /** How many images have a class. */
    public int labelledCount() {
        return (int) Arrays.stream(classOf).filter(c -> c != UNLABELLED).count();
    }

    /** The labelled images' dataset indices, in dataset order. */
    int[] labelledImages() {
        return java.util.stream.IntStream.range(0, classOf.length).filter(i -> classOf[i] != UNLABELLED).toArray();
    }

    /** Checks these labels fit a dataset of {@code images} images and a run of {@code k} clusters. */
    void check(int images, int k) {
        if (classOf.length != images) {
            throw new IllegalArgumentException("the few labels cover " + classOf.length + " images, the data has "
                    + images);
        }
        for (int c : classOf) {
            if (c != UNLABELLED && (c < 0 || c >= k)) {
                throw new IllegalArgumentException("a few-labels class is " + c + "; the run has " + k
                        + " clusters (classes 0.." + (k - 1) + ")");
            }
        }
        if (labelledCount() == 0) {
            throw new IllegalArgumentException("the few labels name no image");
        }
    }
}
