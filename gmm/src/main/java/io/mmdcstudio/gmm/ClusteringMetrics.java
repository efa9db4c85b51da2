package io.mmdcstudio.gmm;

/**
 * External clustering scores against ground-truth classes: accuracy under the best one-to-one
 * cluster-to-class map (ACC), normalised mutual information (NMI) and the adjusted Rand index (ARI), the
 * three numbers MMDC and its baselines report.
 *
 * <p>Labels are non-negative integers; {@code truth[i]} is the class and {@code clusters[i]} the cluster of
 * item {@code i}. Methods taking explicit counts accept labels that never occur (empty classes or
 * clusters); they simply contribute nothing.
 */
public final class ClusteringMetrics {

    private ClusteringMetrics() {
    }

    /**
     * ACC, NMI and ARI of one clustering.
     *
     * @param acc accuracy under the best one-to-one map, in [0, 1]
     * @param nmi normalised mutual information (arithmetic-mean normalisation), in [0, 1]
     * @param ari adjusted Rand index, at most 1, about 0 for random labels, negative below chance
     */
    public record Scores(double acc, double nmi, double ari) {
    }

    /**
     * All three scores, with the numbers of classes and clusters taken as {@code max label + 1}.
     *
     * @param truth class per item
     * @param clusters cluster per item
     * @return the scores
     */
    public static Scores score(int[] truth, int[] clusters) {
        int numClasses = labelCount(truth, "truth");
        int numClusters = labelCount(clusters, "clusters");
        int[][] table = contingency(truth, clusters, numClasses, numClusters);
        return new Scores(accuracy(table, truth.length), nmi(table, truth.length), ari(table, truth.length));
    }

    /**
     * Counts items per (cluster, class) pair.
     *
     * @param truth class per item, each in [0, numClasses)
     * @param clusters cluster per item, each in [0, numClusters)
     * @param numClasses number of classes
     * @param numClusters number of clusters
     * @return {@code table[cluster][class]}: rows are clusters, columns are classes
     */
    public static int[][] contingency(int[] truth, int[] clusters, int numClasses, int numClusters) {
        if (truth == null || clusters == null || truth.length != clusters.length) {
            throw new IllegalArgumentException("truth and clusters must be non-null and of equal length");
        }
        if (truth.length == 0) {
            throw new IllegalArgumentException("at least one item is needed to score a clustering");
        }
        int[][] table = new int[numClusters][numClasses];
        for (int i = 0; i < truth.length; i++) {
            requireLabel(truth[i], numClasses, "class", i);
            requireLabel(clusters[i], numClusters, "cluster", i);
            table[clusters[i]][truth[i]]++;
        }
        return table;
    }

    /**
     * The one-to-one cluster-to-class map that covers the most items: a minimum-cost assignment on the
     * contingency table with cost {@code N - count}.
     *
     * @return {@code map[cluster]} = its class, or −1 for clusters left over when clusters outnumber
     *     classes
     */
    public static int[] bestMapping(int[] truth, int[] clusters, int numClasses, int numClusters) {
        return bestMapping(contingency(truth, clusters, numClasses, numClusters), truth.length);
    }

    private static int[] bestMapping(int[][] table, int n) {
        int numClusters = table.length;
        int numClasses = numClusters == 0 ? 0 : table[0].length;
        double[][] cost = new double[numClusters][numClasses];
        for (int c = 0; c < numClusters; c++) {
            for (int k = 0; k < numClasses; k++) {
                cost[c][k] = n - table[c][k];
            }
        }
        return LinearAssignment.solve(cost);
    }

    /**
     * Share of items whose cluster maps to their class under {@link #bestMapping}.
     *
     * @return ACC in [0, 1]
     */
    public static double accuracy(int[] truth, int[] clusters, int numClasses, int numClusters) {
        return accuracy(contingency(truth, clusters, numClasses, numClusters), truth.length);
    }

    private static double accuracy(int[][] table, int n) {
        int[] map = bestMapping(table, n);
        long matched = 0;
        for (int c = 0; c < map.length; c++) {
            if (map[c] >= 0) {
                matched += table[c][map[c]];
            }
        }
        return (double) matched / n;
    }

    /**
     * Normalised mutual information {@code I(U;V) / ((H(U) + H(V)) / 2)} with natural logarithms (the
     * base cancels). Degenerate cases: when both partitions have a single group, they are identical and the
     * score is 1; when only one has a single group, the mutual information is 0 and so is the score. This
     * matches scikit-learn's {@code normalized_mutual_info_score} (arithmetic average).
     *
     * @return NMI in [0, 1]
     */
    public static double nmi(int[] truth, int[] clusters, int numClasses, int numClusters) {
        return nmi(contingency(truth, clusters, numClasses, numClusters), truth.length);
    }

    private static double nmi(int[][] table, int n) {
        long[] clusterSizes = rowSums(table);
        long[] classSizes = columnSums(table);
        double hClusters = entropy(clusterSizes, n);
        double hClasses = entropy(classSizes, n);
        if (hClusters == 0 && hClasses == 0) {
            return 1.0;
        }
        double mutual = 0;
        for (int c = 0; c < table.length; c++) {
            for (int k = 0; k < table[c].length; k++) {
                long count = table[c][k];
                if (count > 0) {
                    // p(c,k) log(p(c,k) / (p(c) p(k))) with p = count / n, rearranged to one division.
                    mutual += count * Math.log((double) count * n / ((double) clusterSizes[c] * classSizes[k]));
                }
            }
        }
        mutual /= n;
        // Rounding can push the ratio a hair above 1 or below 0; keep it in its range.
        double score = mutual / ((hClusters + hClasses) / 2);
        return Math.min(1.0, Math.max(0.0, score));
    }

    /**
     * Adjusted Rand index (Hubert and Arabie, 1985):
     * {@code (index - expected) / (max - expected)} with {@code index = sum_ij C(n_ij, 2)},
     * {@code expected = sum_i C(a_i, 2) · sum_j C(b_j, 2) / C(n, 2)} and
     * {@code max = (sum_i C(a_i, 2) + sum_j C(b_j, 2)) / 2}. The denominator is zero only when both
     * partitions are all singletons, both are one group, or there is one item; the partitions then agree
     * and the score is 1 (scikit-learn's convention).
     *
     * @return ARI, at most 1
     */
    public static double ari(int[] truth, int[] clusters, int numClasses, int numClusters) {
        return ari(contingency(truth, clusters, numClasses, numClusters), truth.length);
    }

    private static double ari(int[][] table, int n) {
        double index = 0;
        for (int[] row : table) {
            for (int count : row) {
                index += pairs(count);
            }
        }
        double clusterPairs = 0;
        for (long size : rowSums(table)) {
            clusterPairs += pairs(size);
        }
        double classPairs = 0;
        for (long size : columnSums(table)) {
            classPairs += pairs(size);
        }
        double allPairs = pairs(n);
        // max - expected = (a(T - b) + b(T - a)) / (2T) for a, b <= T: zero exactly in these three cases,
        // tested on exact integers rather than on the rounded difference.
        boolean bothSingletons = clusterPairs == 0 && classPairs == 0;
        boolean bothOneGroup = clusterPairs == allPairs && classPairs == allPairs;
        if (n <= 1 || bothSingletons || bothOneGroup) {
            return 1.0;
        }
        double expected = clusterPairs * classPairs / allPairs;
        double max = (clusterPairs + classPairs) / 2;
        return (index - expected) / (max - expected);
    }

    /** {@code C(count, 2)}: exact in a double up to counts of about 10^8. */
    private static double pairs(long count) {
        return count * (count - 1) / 2.0;
    }

    private static double entropy(long[] sizes, int n) {
        double h = 0;
        for (long size : sizes) {
            if (size > 0) {
                double p = (double) size / n;
                h -= p * Math.log(p);
            }
        }
        return h;
    }

    private static long[] rowSums(int[][] table) {
        long[] sums = new long[table.length];
        for (int r = 0; r < table.length; r++) {
            for (int count : table[r]) {
                sums[r] += count;
            }
        }
        return sums;
    }

    private static long[] columnSums(int[][] table) {
        long[] sums = new long[table.length == 0 ? 0 : table[0].length];
        for (int[] row : table) {
            for (int k = 0; k < row.length; k++) {
                sums[k] += row[k];
            }
        }
        return sums;
    }

    private static int labelCount(int[] labels, String name) {
        if (labels == null) {
            throw new IllegalArgumentException(name + " must not be null");
        }
        int max = -1;
        for (int label : labels) {
            max = Math.max(max, label);
        }
        return max + 1;
    }

    private static void requireLabel(int label, int count, String kind, int item) {
        if (label < 0 || label >= count) {
            throw new IllegalArgumentException(kind + " label " + label + " of item " + item
                    + " is outside [0, " + count + ")");
        }
    }
}
