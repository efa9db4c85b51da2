package io.mmdcstudio.engine.map;

import java.util.Arrays;

/**
 * The input affinities P of t-SNE as a symmetric sparse matrix in compressed rows, summing to one:
 * {@code P_ij = (p_j|i + p_i|j) / 2N}, where {@code p_j|i} is a Gaussian over i's nearest neighbours whose width is
 * calibrated so that its perplexity is the requested one.
 *
 * @param rowStart row {@code i} holds entries {@code rowStart[i]} to {@code rowStart[i + 1] - 1}
 * @param columns  column of each entry, increasing within a row
 * @param values   {@code P_ij} of each entry
 */
record Affinities(int[] rowStart, int[] columns, double[] values) {

    private static final int CHUNK = 256;
    private static final double TOLERANCE = 1e-5;
    private static final int MAX_STEPS = 100;

    int size() {
        return rowStart.length - 1;
    }

    /** Calibrates the conditional affinities over each point's neighbours, then symmetrises them. */
    static Affinities of(NearestNeighbours.Result knn, int n, double perplexity, Workers workers) {
        int k = knn.k();
        int[] neighbour = knn.indices().clone();
        double[] conditional = new double[n * k];
        double target = Math.log(perplexity);
        workers.forEach(Workers.chunks(n, CHUNK), chunk -> {
            int end = Math.min(n, (chunk + 1) * CHUNK);
            long[] keys = new long[k];
            double[] values = new double[k];
            for (int i = chunk * CHUNK; i < end; i++) {
                calibrate(knn.squaredDistances(), i * k, k, target, conditional);
                sortByColumn(neighbour, conditional, i * k, k, keys, values);
            }
        });
        return symmetrise(neighbour, conditional, n, k, workers);
    }

    /**
     * Finds the precision β of row {@code offset}'s Gaussian whose entropy is {@code target = log(perplexity)}:
     * Newton steps on H(β) (dH/dβ = -β·Var(D)), kept inside a bisection bracket so that it always converges.
     * Distances are shifted by the nearest one, which leaves the normalised row unchanged and keeps exp() from
     * underflowing to all zeros for far-away points.
     */
    static void calibrate(float[] d2, int offset, int k, double target, double[] out) {
        double nearest = d2[offset];
        double spread = 0;
        for (int j = 0; j < k; j++) {
            spread += d2[offset + j] - nearest;
        }
        double beta = spread > 0 ? k / spread : 1;
        double lo = 0;
        double hi = Double.POSITIVE_INFINITY;
        double sum = 1;
        for (int step = 0; step < MAX_STEPS; step++) {
            sum = 0;
            double m1 = 0;
            double m2 = 0;
            for (int j = 0; j < k; j++) {
                double shifted = d2[offset + j] - nearest;
                double p = Math.exp(-beta * shifted);
                out[offset + j] = p;
                sum += p;
                m1 += p * shifted;
                m2 += p * shifted * shifted;
            }
            double mean = m1 / sum;
            double entropy = Math.log(sum) + beta * mean;
            if (Math.abs(entropy - target) < TOLERANCE) {
                break;
            }
            if (entropy > target) { // too flat: narrow the Gaussian
                lo = beta;
            } else {
                hi = beta;
            }
            double variance = m2 / sum - mean * mean;
            double next = variance > 0 ? beta + (entropy - target) / (beta * variance) : Double.NaN;
            beta = next > lo && next < hi ? next : Double.isInfinite(hi) ? beta * 2 : (lo + hi) / 2;
        }
        for (int j = 0; j < k; j++) {
            out[offset + j] /= sum;
        }
    }

    /** Sorts one neighbour row (and its affinities) by neighbour index, for the merge below. */
    private static void sortByColumn(int[] cols, double[] vals, int offset, int k, long[] keys, double[] scratch) {
        for (int j = 0; j < k; j++) {
            keys[j] = ((long) cols[offset + j] << 32) | j;
            scratch[j] = vals[offset + j];
        }
        Arrays.sort(keys, 0, k);
        for (int j = 0; j < k; j++) {
            cols[offset + j] = (int) (keys[j] >>> 32);
            vals[offset + j] = scratch[(int) keys[j]];
        }
    }

    /**
     * Merges each row's own (sorted) neighbours with the transposed entries (points that have it as a neighbour,
     * which arrive sorted because they are collected in point order), adding up pairs present both ways.
     */
    private static Affinities symmetrise(int[] neighbour, double[] conditional, int n, int k, Workers workers) {
        int[] tStart = new int[n + 1];
        for (int e = 0; e < n * k; e++) {
            tStart[neighbour[e] + 1]++;
        }
        for (int i = 0; i < n; i++) {
            tStart[i + 1] += tStart[i];
        }
        int[] fill = Arrays.copyOf(tStart, n);
        int[] tCol = new int[n * k];
        double[] tVal = new double[n * k];
        for (int i = 0; i < n; i++) {
            for (int e = i * k; e < (i + 1) * k; e++) {
                int at = fill[neighbour[e]]++;
                tCol[at] = i;
                tVal[at] = conditional[e];
            }
        }
        Csr own = new Csr(null, neighbour, conditional, k);
        Csr transposed = new Csr(tStart, tCol, tVal, 0);
        int[] rowStart = new int[n + 1];
        workers.forEach(Workers.chunks(n, CHUNK), chunk -> {
            for (int i = chunk * CHUNK, end = Math.min(n, (chunk + 1) * CHUNK); i < end; i++) {
                rowStart[i + 1] = merge(own, transposed, i, null, null, 0, 0);
            }
        });
        for (int i = 0; i < n; i++) {
            rowStart[i + 1] += rowStart[i];
        }
        int[] cols = new int[rowStart[n]];
        double[] vals = new double[rowStart[n]];
        double scale = 1.0 / (2.0 * n);
        workers.forEach(Workers.chunks(n, CHUNK), chunk -> {
            for (int i = chunk * CHUNK, end = Math.min(n, (chunk + 1) * CHUNK); i < end; i++) {
                merge(own, transposed, i, cols, vals, rowStart[i], scale);
            }
        });
        return new Affinities(rowStart, cols, vals);
    }

    /** Sparse rows: either fixed length {@code k} (no start array) or delimited by {@code start}. */
    private record Csr(int[] start, int[] cols, double[] vals, int k) {
        int from(int i) {
            return start == null ? i * k : start[i];
        }

        int to(int i) {
            return start == null ? (i + 1) * k : start[i + 1];
        }
    }

    /** Merges row i of both; writes it at {@code at} when {@code cols} is given; returns its length. */
    private static int merge(Csr a, Csr b, int i, int[] cols, double[] vals, int at, double scale) {
        int x = a.from(i);
        int xEnd = a.to(i);
        int y = b.from(i);
        int yEnd = b.to(i);
        int w = at;
        while (x < xEnd || y < yEnd) {
            int cx = x < xEnd ? a.cols()[x] : Integer.MAX_VALUE;
            int cy = y < yEnd ? b.cols()[y] : Integer.MAX_VALUE;
            int col = Math.min(cx, cy);
            double v = 0;
            if (cx == col) {
                v += a.vals()[x++];
            }
            if (cy == col) {
                v += b.vals()[y++];
            }
            if (cols != null) {
                cols[w] = col;
                vals[w] = v * scale;
            }
            w++;
        }
        return w - at;
    }

    /** {@code Σ P_ij log P_ij}, the constant part of the KL divergence. */
    double entropyTerm() {
        double s = 0;
        for (double v : values) {
            s += v > 0 ? v * Math.log(v) : 0;
        }
        return s;
    }
}
