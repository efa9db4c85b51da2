package io.mmdcstudio.engine.map;

import java.util.Arrays;

/** Measures of how well a 2-D layout keeps the input's neighbourhoods, computed exactly (small inputs only). */
final class LayoutQuality {

    private LayoutQuality() {}

    /**
     * Trustworthiness (Venna and Kaski 2001): 1 minus a penalty for layout neighbours that are not input
     * neighbours, weighted by how far down the input ranking they are. 1 is perfect.
     */
    static double trustworthiness(float[][] input, float[][] layout, int k) {
        int n = input.length;
        double penalty = 0;
        for (int i = 0; i < n; i++) {
            int[] inputOrder = order(input, i);
            int[] rank = new int[n];
            for (int r = 0; r < n; r++) {
                rank[inputOrder[r]] = r; // rank 0 is i itself
            }
            for (int j : Arrays.copyOfRange(order(layout, i), 1, k + 1)) {
                penalty += Math.max(0, rank[j] - k);
            }
        }
        return 1 - 2.0 / (n * k * (2.0 * n - 3.0 * k - 1)) * penalty;
    }

    /** Mean share of each point's k nearest input neighbours that are also among its k nearest in the layout. */
    static double neighbourPreservation(float[][] input, float[][] layout, int k) {
        int n = input.length;
        double shared = 0;
        for (int i = 0; i < n; i++) {
            boolean[] near = new boolean[n];
            for (int j : Arrays.copyOfRange(order(input, i), 1, k + 1)) {
                near[j] = true;
            }
            for (int j : Arrays.copyOfRange(order(layout, i), 1, k + 1)) {
                shared += near[j] ? 1 : 0;
            }
        }
        return shared / (n * (double) k);
    }

    /** Mean share of each point's k nearest layout neighbours that carry its label. */
    static double labelAgreement(float[][] layout, int[] labels, int k) {
        double same = 0;
        for (int i = 0; i < layout.length; i++) {
            for (int j : Arrays.copyOfRange(order(layout, i), 1, k + 1)) {
                same += labels[j] == labels[i] ? 1 : 0;
            }
        }
        return same / (layout.length * (double) k);
    }

    /**
     * The exact t-SNE objective KL(P || Q) of a layout, with P computed over all pairs at the given perplexity:
     * one yardstick for layouts made by any implementation.
     */
    static double klDivergence(float[][] input, float[][] layout, double perplexity) {
        int n = input.length;
        Affinities p;
        try (Workers workers = new Workers(1)) {
            p = Affinities.of(NearestNeighbours.ofEach(input, n - 1, workers, () -> false), n, perplexity, workers);
        }
        double z = 0;
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < n; j++) {
                z += i == j ? 0 : 1 / (1 + squaredDistance(layout[i], layout[j]));
            }
        }
        double kl = 0;
        for (int i = 0; i < n; i++) {
            for (int e = p.rowStart()[i]; e < p.rowStart()[i + 1]; e++) {
                double pij = p.values()[e];
                double qij = 1 / (1 + squaredDistance(layout[i], layout[p.columns()[e]])) / z;
                kl += pij > 0 ? pij * Math.log(pij / qij) : 0;
            }
        }
        return kl;
    }

    /** All points by increasing distance from point i (i itself first), ties by index. */
    private static int[] order(float[][] rows, int i) {
        Integer[] idx = new Integer[rows.length];
        double[] d = new double[rows.length];
        for (int j = 0; j < rows.length; j++) {
            idx[j] = j;
            d[j] = j == i ? -1 : squaredDistance(rows[i], rows[j]);
        }
        Arrays.sort(idx, (a, b) -> d[a] != d[b] ? Double.compare(d[a], d[b]) : Integer.compare(a, b));
        return Arrays.stream(idx).mapToInt(Integer::intValue).toArray();
    }

    static double squaredDistance(float[] a, float[] b) {
        double s = 0;
        for (int j = 0; j < a.length; j++) {
            double d = a[j] - b[j];
            s += d * d;
        }
        return s;
    }
}
