package io.mmdcstudio.gmm;

import java.util.Arrays;
import java.util.SplittableRandom;

/**
 * k-means++ seeding: the first centroid is a uniformly random row, each next one a row drawn with
 * probability proportional to its squared distance from the nearest centroid chosen so far.
 */
final class KMeansPlusPlus {

    private KMeansPlusPlus() {
    }

    /** Writes {@code centroids.length} seeds, copies of data rows, into {@code centroids}. */
    static void seed(float[][] data, float[][] centroids, SplittableRandom random) {
        int n = data.length;
        double[] nearestSquared = new double[n];
        Arrays.fill(nearestSquared, Double.POSITIVE_INFINITY);
        int chosen = random.nextInt(n);
        for (int c = 0; c < centroids.length; c++) {
            if (c > 0) {
                chosen = drawProportional(nearestSquared, random);
            }
            float[] centroid = data[chosen].clone();
            centroids[c] = centroid;
            ParallelChunks.forEach(n, chunk -> {
                for (int i = ParallelChunks.start(chunk); i < ParallelChunks.end(chunk, n); i++) {
                    nearestSquared[i] = Math.min(nearestSquared[i], Vectors.squaredDistance(data[i], centroid));
                }
            });
        }
    }

    /**
     * Index drawn with probability proportional to {@code weights}; uniform when all weights are zero
     * (every row already coincides with a centroid, so any choice duplicates one).
     */
    static int drawProportional(double[] weights, SplittableRandom random) {
        double total = 0;
        for (double w : weights) {
            total += w;
        }
        if (!(total > 0)) {
            return random.nextInt(weights.length);
        }
        double target = random.nextDouble() * total;
        double cumulative = 0;
        int lastPositive = -1;
        for (int i = 0; i < weights.length; i++) {
            if (weights[i] > 0) {
                cumulative += weights[i];
                lastPositive = i;
                if (cumulative > target) {
                    return i;
                }
            }
        }
        // Rounding can leave the cumulative sum a hair short of the total.
        return lastPositive;
    }
}
