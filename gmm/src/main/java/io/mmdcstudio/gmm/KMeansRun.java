package io.mmdcstudio.gmm;

import io.mmdcstudio.gmm.KMeans.KMeansResult;
import java.util.Arrays;
import java.util.SplittableRandom;

/**
 * One seeded k-means run with Hamerly's bounds.
 *
 * <p>Per row it keeps an upper bound on the (Euclidean, not squared) distance to its own centroid and a
 * lower bound on the distance to every other centroid. A row cannot change label while its upper bound is
 * at most the larger of its lower bound and half the distance from its centroid to the nearest other
 * centroid, so only the remaining rows are measured. After each update the bounds loosen by how far the
 * centroids moved.
 */
final class KMeansRun {

    private final float[][] data;
    private final int n;
    private final int dim;
    private final int k;
    private final float[][] centroids;
    private final int[] labels;
    private final double[] upper;
    private final double[] lower;
    /** Per chunk: k * dim partial coordinate sums, then k counts. */
    private final double[][] partialSums;
    private final int[][] partialCounts;
    private final int[] partialChanges;

    KMeansRun(float[][] data, int k) {
        this.data = data;
        this.n = data.length;
        this.dim = data[0].length;
        this.k = k;
        this.centroids = new float[k][];
        this.labels = new int[n];
        this.upper = new double[n];
        this.lower = new double[n];
        int chunks = ParallelChunks.count(n);
        this.partialSums = new double[chunks][k * dim];
        this.partialCounts = new int[chunks][k];
        this.partialChanges = new int[chunks];
    }

    KMeansResult run(SplittableRandom random, int maxIterations) {
        KMeansPlusPlus.seed(data, centroids, random);
        return runFrom(centroids, maxIterations);
    }

    /** Lloyd iterations from given starting centroids (copied); tests use it to stage empty clusters. */
    KMeansResult runFrom(float[][] start, int maxIterations) {
        for (int c = 0; c < k; c++) {
            centroids[c] = start[c].clone();
        }
        Arrays.fill(labels, -1);
        int changed = assign(true);
        int iterations = 1;
        while (changed > 0 && iterations < maxIterations) {
            double[] moves = updateCentroids();
            loosenBounds(moves);
            changed = assign(false);
            iterations++;
        }
        return new KMeansResult(centroids, labels, inertia(), iterations);
    }

    /** One assignment pass; {@code full} measures every row, otherwise the bounds filter. Returns changes. */
    private int assign(boolean full) {
        double[] halfGap = full ? null : halfGapToNearestOtherCentroid();
        ParallelChunks.forEach(n, chunk -> {
            int changes = 0;
            for (int i = ParallelChunks.start(chunk); i < ParallelChunks.end(chunk, n); i++) {
                if (full ? assignFully(i) : assignWithBounds(i, halfGap)) {
                    changes++;
                }
            }
            partialChanges[chunk] = changes;
        });
        return Arrays.stream(partialChanges).sum();
    }

    private boolean assignWithBounds(int i, double[] halfGap) {
        int label = labels[i];
        double threshold = Math.max(halfGap[label], lower[i]);
        if (upper[i] <= threshold) {
            return false;
        }
        upper[i] = Math.sqrt(Vectors.squaredDistance(data[i], centroids[label]));
        if (upper[i] <= threshold) {
            return false;
        }
        return assignFully(i);
    }

    /** Measures every centroid for row {@code i}, resets its bounds; returns whether its label changed. */
    private boolean assignFully(int i) {
        float[] x = data[i];
        int best = 0;
        double first = Double.POSITIVE_INFINITY;
        double second = Double.POSITIVE_INFINITY;
        for (int c = 0; c < k; c++) {
            double d = Vectors.squaredDistance(x, centroids[c]);
            if (d < first) {
                second = first;
                first = d;
                best = c;
            } else if (d < second) {
                second = d;
            }
        }
        upper[i] = Math.sqrt(first);
        lower[i] = Math.sqrt(second);
        boolean changed = labels[i] != best;
        labels[i] = best;
        return changed;
    }

    /** Half the distance from each centroid to its nearest other centroid (infinite when k = 1). */
    private double[] halfGapToNearestOtherCentroid() {
        double[] half = new double[k];
        Arrays.fill(half, Double.POSITIVE_INFINITY);
        for (int a = 0; a < k; a++) {
            for (int b = a + 1; b < k; b++) {
                double gap = 0.5 * Math.sqrt(Vectors.squaredDistance(centroids[a], centroids[b]));
                half[a] = Math.min(half[a], gap);
                half[b] = Math.min(half[b], gap);
            }
        }
        return half;
    }

    /** Moves each centroid to the mean of its rows; returns how far each moved. */
    private double[] updateCentroids() {
        ParallelChunks.forEach(n, this::accumulateChunk);
        double[] sums = new double[k * dim];
        int[] counts = new int[k];
        for (int chunk = 0; chunk < partialSums.length; chunk++) {
            double[] chunkSums = partialSums[chunk];
            for (int j = 0; j < sums.length; j++) {
                sums[j] += chunkSums[j];
            }
            for (int c = 0; c < k; c++) {
                counts[c] += partialCounts[chunk][c];
            }
        }
        float[][] previous = centroids.clone();
        for (int c = 0; c < k; c++) {
            if (counts[c] > 0) {
                centroids[c] = mean(sums, c, counts[c]);
            }
        }
        reseedEmptyClusters(counts);
        double[] moves = new double[k];
        for (int c = 0; c < k; c++) {
            moves[c] = Math.sqrt(Vectors.squaredDistance(previous[c], centroids[c]));
        }
        return moves;
    }

    private void accumulateChunk(int chunk) {
        double[] sums = partialSums[chunk];
        int[] counts = partialCounts[chunk];
        Arrays.fill(sums, 0);
        Arrays.fill(counts, 0);
        for (int i = ParallelChunks.start(chunk); i < ParallelChunks.end(chunk, n); i++) {
            int base = labels[i] * dim;
            float[] x = data[i];
            for (int j = 0; j < dim; j++) {
                sums[base + j] += x[j];
            }
            counts[labels[i]]++;
        }
    }

    private float[] mean(double[] sums, int c, int count) {
        float[] centroid = new float[dim];
        int base = c * dim;
        for (int j = 0; j < dim; j++) {
            centroid[j] = (float) (sums[base + j] / count);
        }
        return centroid;
    }

    /**
     * Moves each empty cluster's centroid onto the row farthest from its current centroid, a different row
     * for each empty cluster (lowest index on ties). The row keeps its label until the next assignment.
     */
    private void reseedEmptyClusters(int[] counts) {
        double[] farness = null;
        for (int c = 0; c < k; c++) {
            if (counts[c] == 0) {
                if (farness == null) {
                    farness = squaredDistancesToOwnCentroid();
                }
                int farthest = argMax(farness);
                farness[farthest] = Double.NEGATIVE_INFINITY;
                centroids[c] = data[farthest].clone();
            }
        }
    }

    /** Squared distance of each row to its centroid; {@code centroids} must still be those of the labels. */
    private double[] squaredDistancesToOwnCentroid() {
        double[] out = new double[n];
        ParallelChunks.forEach(n, chunk -> {
            for (int i = ParallelChunks.start(chunk); i < ParallelChunks.end(chunk, n); i++) {
                out[i] = Vectors.squaredDistance(data[i], centroids[labels[i]]);
            }
        });
        return out;
    }

    private static int argMax(double[] values) {
        int best = 0;
        for (int i = 1; i < values.length; i++) {
            if (values[i] > values[best]) {
                best = i;
            }
        }
        return best;
    }

    /** Every centroid moved at most {@code max(moves)}: widen the bounds by exactly that much. */
    private void loosenBounds(double[] moves) {
        int fastest = argMax(moves);
        double fastestMove = moves[fastest];
        double secondMove = 0;
        for (int c = 0; c < k; c++) {
            if (c != fastest) {
                secondMove = Math.max(secondMove, moves[c]);
            }
        }
        double otherThanFastest = secondMove;
        ParallelChunks.forEach(n, chunk -> {
            for (int i = ParallelChunks.start(chunk); i < ParallelChunks.end(chunk, n); i++) {
                int label = labels[i];
                upper[i] += moves[label];
                // The other centroids of a row exclude its own, so the fastest one may not count.
                lower[i] -= label == fastest ? otherThanFastest : fastestMove;
            }
        });
    }

    private double inertia() {
        double[] partial = new double[ParallelChunks.count(n)];
        ParallelChunks.forEach(n, chunk -> {
            double sum = 0;
            for (int i = ParallelChunks.start(chunk); i < ParallelChunks.end(chunk, n); i++) {
                sum += Vectors.squaredDistance(data[i], centroids[labels[i]]);
            }
            partial[chunk] = sum;
        });
        double total = 0;
        for (double value : partial) {
            total += value;
        }
        return total;
    }
}
