package io.mmdcstudio.views.confusion;

import io.mmdcstudio.gmm.ClusteringMetrics;
import java.util.ArrayList;
import java.util.List;

/**
 * Labels against clusters, with the clusters put in the order of the classes they are matched to (the
 * Hungarian mapping behind ACC), so agreement lies on the diagonal.
 *
 * @param classNames     the row labels
 * @param counts         {@code counts[class][column]}: images of that class in that column's cluster
 * @param columnClusters the cluster shown in each column
 * @param columnClasses  the class each column's cluster is matched to, or -1 (more clusters than classes)
 * @param labelled       labelled images counted
 * @param accuracy       share of them on the diagonal (ACC)
 */
public record ConfusionTable(List<String> classNames, int[][] counts, int[] columnClusters, int[] columnClasses,
        int labelled, double accuracy) {

    public ConfusionTable {
        classNames = List.copyOf(classNames);
    }

    /**
     * The table for images {@code images} assigned {@code clusters}, against dataset labels; null when none of
     * them has a label.
     */
    public static ConfusionTable of(int[] labels, List<String> classNames, int k, int[] images, int[] clusters) {
        if (labels == null || classNames.isEmpty()) {
            return null;
        }
        int known = 0;
        for (int image : images) {
            if (labels[image] >= 0) {
                known++;
            }
        }
        if (known == 0) {
            return null;
        }
        int[] truth = new int[known];
        int[] pred = new int[known];
        int n = 0;
        for (int j = 0; j < images.length; j++) {
            int label = labels[images[j]];
            if (label >= 0) {
                truth[n] = label;
                pred[n++] = clusters[j];
            }
        }
        int classes = classNames.size();
        int[][] byCluster = ClusteringMetrics.contingency(truth, pred, classes, k);
        int[] mapping = ClusteringMetrics.bestMapping(truth, pred, classes, k);
        int[] clusterForClass = new int[classes];
        java.util.Arrays.fill(clusterForClass, -1);
        for (int c = 0; c < k; c++) {
            if (mapping[c] >= 0) {
                clusterForClass[mapping[c]] = c;
            }
        }
        // Matched clusters first, in the order of their classes; then clusters left over when k exceeds the classes.
        List<Integer> order = new ArrayList<>();
        for (int cls = 0; cls < classes; cls++) {
            if (clusterForClass[cls] >= 0) {
                order.add(clusterForClass[cls]);
            }
        }
        for (int c = 0; c < k; c++) {
            if (mapping[c] < 0) {
                order.add(c);
            }
        }
        int[] columns = order.stream().mapToInt(Integer::intValue).toArray();
        int[][] counts = new int[classes][columns.length];
        int[] columnClasses = new int[columns.length];
        for (int col = 0; col < columns.length; col++) {
            columnClasses[col] = mapping[columns[col]];
        }
        long diagonal = 0;
        for (int cls = 0; cls < classes; cls++) {
            for (int col = 0; col < columns.length; col++) {
                counts[cls][col] = byCluster[columns[col]][cls];
            }
        }
        for (int c = 0; c < k; c++) {
            if (mapping[c] >= 0) {
                diagonal += byCluster[c][mapping[c]];
            }
        }
        return new ConfusionTable(classNames, counts, columns, columnClasses, known, diagonal / (double) known);
    }
}
