package io.mmdcstudio.gmm;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.mmdcstudio.gmm.ClusteringMetrics.Scores;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class ClusteringMetricsTest {

    private static final double EPS = 1e-12;

    @Test
    void ariMatchesScikitLearnDocumentationExamples() {
        // sklearn.metrics.adjusted_rand_score docstring examples.
        assertEquals(1.0, ari(new int[] {0, 0, 1, 1}, new int[] {0, 0, 1, 1}), EPS);
        assertEquals(1.0, ari(new int[] {0, 0, 1, 1}, new int[] {1, 1, 0, 0}), EPS);
        assertEquals(0.5714285714285714, ari(new int[] {0, 0, 1, 2}, new int[] {0, 0, 1, 1}), 1e-10);
        assertEquals(0.5714285714285714, ari(new int[] {0, 0, 1, 1}, new int[] {0, 0, 1, 2}), 1e-10);
        assertEquals(0.0, ari(new int[] {0, 0, 0, 0}, new int[] {0, 1, 2, 3}), EPS);
        assertEquals(-0.5, ari(new int[] {0, 0, 1, 1}, new int[] {0, 1, 0, 1}), EPS);
    }

    @Test
    void nmiMatchesScikitLearnDocumentationExamples() {
        // sklearn.metrics.normalized_mutual_info_score docstring examples.
        assertEquals(1.0, nmi(new int[] {0, 0, 1, 1}, new int[] {0, 0, 1, 1}), EPS);
        assertEquals(1.0, nmi(new int[] {0, 0, 1, 1}, new int[] {1, 1, 0, 0}), EPS);
        assertEquals(0.0, nmi(new int[] {0, 0, 0, 0}, new int[] {0, 1, 2, 3}), EPS);
    }

    @Test
    void userGuideExampleGivesHandComputedNmiAndAri() {
        // truth [0,0,0,1,1,1], clusters [0,0,1,1,2,2] (scikit-learn user guide: ARI 0.24..., NMI 0.51...).
        // Contingency (rows clusters): c0 = {class0: 2}, c1 = {class0: 1, class1: 1}, c2 = {class1: 2}.
        // ARI: index = C(2,2) + C(2,2) = 2; class pairs = 3 + 3 = 6; cluster pairs = 1 + 1 + 1 = 3;
        //   C(6,2) = 15; expected = 6 · 3 / 15 = 1.2; max = (6 + 3) / 2 = 4.5;
        //   ARI = (2 - 1.2) / (4.5 - 1.2) = 0.8 / 3.3 = 8/33 = 0.242424...
        // NMI: H(classes) = ln 2, H(clusters) = ln 3; I = 2 · (2/6) ln((2/6) / ((2/6)(3/6))) = (2/3) ln 2
        //   (the two 1/6 cells contribute ln 1 = 0); NMI = (2/3) ln 2 / ((ln 2 + ln 3) / 2) = 4 ln 2 / (3 ln 6)
        //   = 0.515803...
        int[] truth = {0, 0, 0, 1, 1, 1};
        int[] clusters = {0, 0, 1, 1, 2, 2};
        Scores scores = ClusteringMetrics.score(truth, clusters);
        assertEquals(8.0 / 33, scores.ari(), EPS);
        assertEquals(4 * Math.log(2) / (3 * Math.log(6)), scores.nmi(), EPS);
        assertEquals(0.5158037429793888, scores.nmi(), 1e-12);
        // ACC: c0 → class0 (2), c2 → class1 (2), c1 unmatched: 4/6.
        assertEquals(4.0 / 6, scores.acc(), EPS);
    }

    @Test
    void accuracyUsesTheBestOneToOneMapOnHandWorkedTable() {
        // Contingency (rows clusters, cols classes): c0 = [0,1,0], c1 = [2,0,0], c2 = [0,1,2].
        // Best map c0→1, c1→0, c2→2 covers 1 + 2 + 2 = 5 of 6 items (greedy c2→2 then c0→1 agrees;
        // sending c2→1 instead would cover only 1 + 2 + 0 = 3).
        int[] truth = {0, 0, 1, 1, 2, 2};
        int[] clusters = {1, 1, 0, 2, 2, 2};
        assertArrayEquals(new int[][] {{0, 1, 0}, {2, 0, 0}, {0, 1, 2}},
                ClusteringMetrics.contingency(truth, clusters, 3, 3));
        assertArrayEquals(new int[] {1, 0, 2}, ClusteringMetrics.bestMapping(truth, clusters, 3, 3));
        assertEquals(5.0 / 6, ClusteringMetrics.accuracy(truth, clusters, 3, 3), EPS);
    }

    @Test
    void contingencyRowsAreClustersAndColumnsAreClasses() {
        int[][] table = ClusteringMetrics.contingency(new int[] {0, 1, 1}, new int[] {2, 2, 0}, 2, 3);
        assertArrayEquals(new int[][] {{0, 1}, {0, 0}, {1, 1}}, table);
    }

    @Test
    void surplusClustersMapToMinusOne() {
        // Three clusters, two classes: c2 (one item of class 1) loses to c1 (two items of class 1).
        int[] truth = {0, 0, 1, 1, 1};
        int[] clusters = {0, 0, 1, 1, 2};
        assertArrayEquals(new int[] {0, 1, -1}, ClusteringMetrics.bestMapping(truth, clusters, 2, 3));
        assertEquals(4.0 / 5, ClusteringMetrics.accuracy(truth, clusters, 2, 3), EPS);
    }

    @Test
    void fewerClustersThanClassesLeaveClassesUncovered() {
        int[] truth = {0, 0, 1, 2, 2, 2};
        int[] clusters = {0, 0, 0, 1, 1, 1};
        assertArrayEquals(new int[] {0, 2}, ClusteringMetrics.bestMapping(truth, clusters, 3, 2));
        assertEquals(5.0 / 6, ClusteringMetrics.accuracy(truth, clusters, 3, 2), EPS);
    }

    @Test
    void scoresIgnoreHowClustersAreNumbered() {
        SplittableRandom random = new SplittableRandom(31L);
        int[] truth = randomLabels(random, 500, 6);
        int[] clusters = noisyCopy(random, truth, 0.3, 6);
        int[] renamed = new int[clusters.length];
        int[] permutation = {4, 2, 5, 0, 1, 3};
        for (int i = 0; i < clusters.length; i++) {
            renamed[i] = permutation[clusters[i]];
        }
        assertScoresEqual(ClusteringMetrics.score(truth, clusters), ClusteringMetrics.score(truth, renamed));
    }

    @Test
    void scoresIgnoreItemOrder() {
        SplittableRandom random = new SplittableRandom(32L);
        int[] truth = randomLabels(random, 400, 5);
        int[] clusters = noisyCopy(random, truth, 0.4, 7);
        int[] shuffledTruth = truth.clone();
        int[] shuffledClusters = clusters.clone();
        for (int i = truth.length - 1; i > 0; i--) {
            int j = random.nextInt(i + 1);
            swap(shuffledTruth, i, j);
            swap(shuffledClusters, i, j);
        }
        assertScoresEqual(ClusteringMetrics.score(truth, clusters),
                ClusteringMetrics.score(shuffledTruth, shuffledClusters));
    }

    @Test
    void nmiAndAriAreSymmetricInTheirArguments() {
        SplittableRandom random = new SplittableRandom(33L);
        int[] a = randomLabels(random, 300, 4);
        int[] b = noisyCopy(random, a, 0.5, 6);
        Scores forward = ClusteringMetrics.score(a, b);
        Scores backward = ClusteringMetrics.score(b, a);
        assertEquals(forward.nmi(), backward.nmi(), EPS);
        assertEquals(forward.ari(), backward.ari(), EPS);
    }

    @Test
    void identicalPartitionsScorePerfectlyAndRandomOnesNearZero() {
        SplittableRandom random = new SplittableRandom(34L);
        int[] truth = randomLabels(random, 20000, 10);
        Scores same = ClusteringMetrics.score(truth, truth.clone());
        assertEquals(1.0, same.acc(), EPS);
        assertEquals(1.0, same.nmi(), 1e-12);
        assertEquals(1.0, same.ari(), 1e-12);
        Scores unrelated = ClusteringMetrics.score(truth, randomLabels(random, 20000, 10));
        assertEquals(0.0, unrelated.ari(), 0.005);
        assertEquals(0.0, unrelated.nmi(), 0.005);
        // Best map of chance labels covers a bit more than the 1/10 of a fixed map.
        assertTrue(unrelated.acc() > 0.1 && unrelated.acc() < 0.12, "acc " + unrelated.acc());
    }

    @Test
    void singleGroupPartitionsFollowTheDocumentedConventions() {
        int[] oneGroup = {0, 0, 0, 0};
        int[] split = {0, 0, 1, 1};
        assertEquals(1.0, nmi(oneGroup, oneGroup.clone()), EPS);
        assertEquals(1.0, ari(oneGroup, oneGroup.clone()), EPS);
        assertEquals(0.0, nmi(oneGroup, split), EPS);
        assertEquals(0.0, ari(oneGroup, split), EPS);
        assertEquals(1.0, ari(new int[] {0, 1, 2}, new int[] {2, 0, 1}), EPS);
        assertEquals(1.0, ari(new int[] {3}, new int[] {0}), EPS);
        assertEquals(new Scores(1.0, 1.0, 1.0), ClusteringMetrics.score(new int[] {0}, new int[] {5}));
    }

    @Test
    void countsMayIncludeLabelsThatNeverOccur() {
        int[] truth = {0, 0, 2, 2};
        int[] clusters = {1, 1, 0, 0};
        assertEquals(1.0, ClusteringMetrics.accuracy(truth, clusters, 4, 3), EPS);
        assertEquals(1.0, ClusteringMetrics.nmi(truth, clusters, 4, 3), EPS);
        assertEquals(1.0, ClusteringMetrics.ari(truth, clusters, 4, 3), EPS);
    }

    @Test
    void invalidLabelsAreRejected() {
        assertThrows(IllegalArgumentException.class, () -> ClusteringMetrics.score(new int[] {0, -1}, new int[] {0, 0}));
        assertThrows(IllegalArgumentException.class,
                () -> ClusteringMetrics.contingency(new int[] {0, 2}, new int[] {0, 0}, 2, 1));
        assertThrows(IllegalArgumentException.class, () -> ClusteringMetrics.score(new int[] {0}, new int[] {0, 0}));
        assertThrows(IllegalArgumentException.class, () -> ClusteringMetrics.score(new int[0], new int[0]));
    }

    private static double ari(int[] truth, int[] clusters) {
        return ClusteringMetrics.score(truth, clusters).ari();
    }

    private static double nmi(int[] truth, int[] clusters) {
        return ClusteringMetrics.score(truth, clusters).nmi();
    }

    private static void assertScoresEqual(Scores expected, Scores actual) {
        assertEquals(expected.acc(), actual.acc(), EPS);
        assertEquals(expected.nmi(), actual.nmi(), EPS);
        assertEquals(expected.ari(), actual.ari(), EPS);
    }

    private static int[] randomLabels(SplittableRandom random, int n, int k) {
        int[] labels = new int[n];
        for (int i = 0; i < n; i++) {
            labels[i] = random.nextInt(k);
        }
        return labels;
    }

    /** A copy of {@code labels} where a share {@code noise} of items gets a random label in [0, k). */
    private static int[] noisyCopy(SplittableRandom random, int[] labels, double noise, int k) {
        int[] out = labels.clone();
        for (int i = 0; i < out.length; i++) {
            if (random.nextDouble() < noise) {
                out[i] = random.nextInt(k);
            }
        }
        return out;
    }

    private static void swap(int[] values, int i, int j) {
        int tmp = values[i];
        values[i] = values[j];
        values[j] = tmp;
    }
}
