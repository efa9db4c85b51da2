package io.mmdcstudio.gmm;

import java.util.SplittableRandom;

/**
 * k-means (Lloyd's algorithm) with k-means++ seeding and restarts, used by MMDC's refinement stage and
 * by the k-means baselines.
 *
 * <p>Each restart seeds with k-means++ (Arthur and Vassilvitskii, 2007), then alternates assignment and
 * centroid update until no label changes or {@code maxIterations} assignment passes have run. The
 * assignment pass skips points that provably keep their centroid using Hamerly's bounds (SDM 2010); the
 * labels are those of plain Lloyd iterations (up to rounding at exact ties), only faster. A cluster left
 * empty by an update is moved onto the point farthest from its own centroid.
 *
 * <p>Results are deterministic for a seed: work is split into fixed-size chunks (run on the common
 * fork-join pool) whose partial sums are combined in a fixed order, so the thread count does not change a
 * single bit. With fewer distinct rows than {@code k}, some clusters necessarily end up empty, their
 * centroids duplicating rows.
 */
public final class KMeans {

    private KMeans() {
    }

    /**
     * The outcome of the best restart.
     *
     * @param centroids {@code k} centroids of the data's dimension
     * @param labels centroid index per data row, nearest to the final centroids
     * @param inertia sum over rows of the squared distance to the row's centroid
     * @param iterations assignment passes run by the best restart (the first pass follows seeding; a
     *     converged run stops at the first pass that changed no label)
     */
    public record KMeansResult(float[][] centroids, int[] labels, double inertia, int iterations) {

        /** Checks that the parts are present. */
        public KMeansResult {
            if (centroids == null || labels == null) {
                throw new IllegalArgumentException("centroids and labels must not be null");
            }
        }

        /** Number of clusters. */
        public int k() {
            return centroids.length;
        }
    }

    /**
     * Fits k-means and keeps the restart with the lowest inertia (the first one on a tie).
     *
     * @param data rows of equal length with finite values; not modified
     * @param k number of clusters, 1 ≤ k ≤ rows
     * @param restarts number of independently seeded runs (≥ 1)
     * @param maxIterations cap on assignment passes per run (≥ 1)
     * @param seed seed of the whole fit; each restart draws its own seed from it
     * @return the best run
     */
    public static KMeansResult fit(float[][] data, int k, int restarts, int maxIterations, long seed) {
        Vectors.requireFiniteMatrix(data, "data");
        if (k < 1 || k > data.length) {
            throw new IllegalArgumentException("k must be in [1, " + data.length + "], got " + k);
        }
        if (restarts < 1) {
            throw new IllegalArgumentException("restarts must be at least 1, got " + restarts);
        }
        if (maxIterations < 1) {
            throw new IllegalArgumentException("maxIterations must be at least 1, got " + maxIterations);
        }
        SplittableRandom seeds = new SplittableRandom(seed);
        KMeansResult best = null;
        for (int r = 0; r < restarts; r++) {
            KMeansResult result = new KMeansRun(data, k).run(new SplittableRandom(seeds.nextLong()), maxIterations);
            if (best == null || result.inertia() < best.inertia()) {
                best = result;
            }
        }
        return best;
    }

    /**
     * Labels each row with its nearest centroid (squared Euclidean distance; ties to the lower index).
     *
     * @param data rows of the centroids' dimension
     * @param centroids at least one centroid
     * @return the nearest centroid index per row
     */
    public static int[] assign(float[][] data, float[][] centroids) {
        int dim = Vectors.requireFiniteMatrix(centroids, "centroids");
        for (int i = 0; i < data.length; i++) {
            if (data[i].length != dim) {
                throw new IllegalArgumentException("data row " + i + " has length " + data[i].length
                        + ", centroids have " + dim);
            }
        }
        int[] labels = new int[data.length];
        ParallelChunks.forEach(data.length, chunk -> {
            for (int i = ParallelChunks.start(chunk); i < ParallelChunks.end(chunk, data.length); i++) {
                labels[i] = Vectors.nearest(data[i], centroids);
            }
        });
        return labels;
    }
}
