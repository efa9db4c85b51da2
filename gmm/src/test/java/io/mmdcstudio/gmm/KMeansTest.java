package io.mmdcstudio.gmm;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.mmdcstudio.gmm.KMeans.KMeansResult;
import java.util.Arrays;
import java.util.SplittableRandom;
import java.util.concurrent.Callable;
import java.util.concurrent.ForkJoinPool;
import org.junit.jupiter.api.Test;

class KMeansTest {

    @Test
    void twoObviousGroupsGiveTheirMeansAndHandComputedInertia() {
        // Groups {0, 1} and {10, 11}: centroids 0.5 and 10.5, each point 0.5 away, inertia 4 · 0.25 = 1.
        float[][] data = {{0}, {1}, {10}, {11}};
        KMeansResult result = KMeans.fit(data, 2, 3, 50, 1L);
        float[] sortedCentroids = {result.centroids()[0][0], result.centroids()[1][0]};
        Arrays.sort(sortedCentroids);
        assertArrayEquals(new float[] {0.5f, 10.5f}, sortedCentroids);
        assertEquals(1.0, result.inertia(), 1e-9);
        assertEquals(result.labels()[0], result.labels()[1]);
        assertEquals(result.labels()[2], result.labels()[3]);
        assertTrue(result.labels()[0] != result.labels()[2]);
    }

    @Test
    void separatedBlobsAreRecoveredExactly() {
        SplittableRandom random = new SplittableRandom(21L);
        Blobs blobs = Blobs.generate(random, 6, 8, 200, 10.0, 1.0);
        KMeansResult result = KMeans.fit(blobs.points, 6, 5, 100, 2L);
        assertEquals(1.0, ClusteringMetrics.score(blobs.truth, result.labels()).acc());
        assertEquals(6, result.k());
    }

    @Test
    void boundedIterationsReproducePlainLloydStepForStep() {
        // Overlapping clusters make many iterations, exercising the bounds in every state.
        SplittableRandom random = new SplittableRandom(22L);
        Blobs blobs = Blobs.generate(random, 5, 4, 700, 1.5, 1.0);
        float[][] start = Arrays.copyOfRange(blobs.points, 0, 5);
        for (int maxIterations : new int[] {1, 2, 3, 5, 8, 13, 200}) {
            KMeansResult bounded = new KMeansRun(blobs.points, 5).runFrom(start, maxIterations);
            PlainLloyd plain = PlainLloyd.run(blobs.points, start, maxIterations);
            assertArrayEquals(plain.labels, bounded.labels(), "after " + maxIterations + " passes");
            assertEquals(plain.iterations, bounded.iterations());
            assertEquals(plain.inertia, bounded.inertia(), 1e-9 * plain.inertia);
        }
        // Guard on the data: the comparison is only telling if the run takes many passes (33 here).
        assertTrue(PlainLloyd.run(blobs.points, start, 200).iterations > 20);
    }

    @Test
    void emptyClusterMovesOntoTheFarthestPoint() {
        // Start {1, 50, 500}: pass 1 puts 0,1,2 on c0 and 100 on c1, leaving c2 empty. Update: c0 = 1,
        // c1 = 100, and c2 jumps to the point farthest from its centroid, 100 (50 away from c1). Pass 2:
        // 100 ties between c1 and c2 and stays on c1, c2 is empty again. Update: the farthest points are
        // 0 and 2 (1 away from c0); the lower index wins, so c2 = 0. Pass 3: 0 moves to c2, giving
        // c0 = mean(1, 2) = 1.5, then a pass with no change. Inertia: 0.25 + 0.25 = 0.5.
        float[][] data = {{0}, {1}, {2}, {100}};
        float[][] start = {{1}, {50}, {500}};
        KMeansResult result = new KMeansRun(data, 3).runFrom(start, 20);
        assertArrayEquals(new float[] {1.5f}, result.centroids()[0]);
        assertArrayEquals(new float[] {100f}, result.centroids()[1]);
        assertArrayEquals(new float[] {0f}, result.centroids()[2]);
        assertArrayEquals(new int[] {2, 0, 0, 1}, result.labels());
        assertEquals(0.5, result.inertia(), 1e-12);
    }

    @Test
    void resultIsBitIdenticalWhateverTheThreadCount() throws Exception {
        SplittableRandom random = new SplittableRandom(23L);
        Blobs blobs = Blobs.generate(random, 4, 6, 3000, 2.0, 1.0);
        KMeansResult one = inPool(1, () -> KMeans.fit(blobs.points, 4, 2, 100, 5L));
        KMeansResult three = inPool(3, () -> KMeans.fit(blobs.points, 4, 2, 100, 5L));
        assertArrayEquals(one.labels(), three.labels());
        assertTrue(Arrays.deepEquals(one.centroids(), three.centroids()));
        assertEquals(one.inertia(), three.inertia());
    }

    @Test
    void sameSeedSameResultAndOtherSeedsStillConverge() {
        SplittableRandom random = new SplittableRandom(24L);
        Blobs blobs = Blobs.generate(random, 3, 3, 300, 1.0, 1.0);
        KMeansResult a = KMeans.fit(blobs.points, 3, 1, 100, 9L);
        KMeansResult b = KMeans.fit(blobs.points, 3, 1, 100, 9L);
        assertArrayEquals(a.labels(), b.labels());
        assertEquals(a.inertia(), b.inertia());
        assertTrue(a.iterations() < 100, "did not converge in 100 passes");
    }

    @Test
    void moreRestartsNeverRaiseTheInertia() {
        // The first restart of both fits draws the same seed, so the best of five can only be as good or better.
        SplittableRandom random = new SplittableRandom(25L);
        Blobs blobs = Blobs.generate(random, 8, 2, 100, 3.0, 1.0);
        for (long seed = 0; seed < 5; seed++) {
            double single = KMeans.fit(blobs.points, 8, 1, 100, seed).inertia();
            double best = KMeans.fit(blobs.points, 8, 5, 100, seed).inertia();
            assertTrue(best <= single, "seed " + seed + ": " + best + " > " + single);
        }
    }

    @Test
    void assignPicksTheNearestCentroidWithTiesToTheLowerIndex() {
        float[][] centroids = {{0, 0}, {4, 0}, {0, 4}};
        float[][] data = {{1, 1}, {3.5f, 0}, {0, 3}, {2, 0}, {2, 2}};
        // (2, 0) is 2 from c0 and c1; (2, 2) is sqrt(8) from all three: ties resolve to the lower index.
        assertArrayEquals(new int[] {0, 1, 2, 0, 0}, KMeans.assign(data, centroids));
    }

    @Test
    void assignAgreesWithBruteForceOnManyRows() {
        SplittableRandom random = new SplittableRandom(26L);
        float[][] data = Blobs.generate(random, 1, 5, 5000, 0, 1.0).points;
        float[][] centroids = Arrays.copyOfRange(data, 0, 7);
        int[] labels = KMeans.assign(data, centroids);
        for (int i = 0; i < data.length; i++) {
            assertEquals(Vectors.nearest(data[i], centroids), labels[i]);
        }
    }

    @Test
    void singleClusterIsTheMean() {
        float[][] data = {{1, 2}, {3, 4}, {5, 9}};
        KMeansResult result = KMeans.fit(data, 1, 1, 10, 0L);
        assertArrayEquals(new float[] {3, 5}, result.centroids()[0]);
        // Squared distances: (4 + 9) + (0 + 1) + (4 + 16) = 34.
        assertEquals(34.0, result.inertia(), 1e-9);
    }

    @Test
    void fewerDistinctRowsThanClustersStillTerminateWithValidLabels() {
        // Two distinct values for three clusters: one cluster must stay empty, which must not loop forever.
        float[][] data = {{0}, {0}, {0}, {1}, {1}};
        KMeansResult result = KMeans.fit(data, 3, 2, 50, 4L);
        assertEquals(0.0, result.inertia(), 1e-12);
        assertTrue(result.iterations() < 50, "kept iterating on an unfixable empty cluster");
        assertEquals(result.labels()[0], result.labels()[2]);
        assertEquals(result.labels()[3], result.labels()[4]);
    }

    @Test
    void invalidArgumentsAreRejected() {
        float[][] data = {{0}, {1}};
        assertThrows(IllegalArgumentException.class, () -> KMeans.fit(data, 3, 1, 10, 0L));
        assertThrows(IllegalArgumentException.class, () -> KMeans.fit(data, 0, 1, 10, 0L));
        assertThrows(IllegalArgumentException.class, () -> KMeans.fit(data, 1, 0, 10, 0L));
        assertThrows(IllegalArgumentException.class, () -> KMeans.fit(data, 1, 1, 0, 0L));
        assertThrows(IllegalArgumentException.class, () -> KMeans.fit(new float[][] {{0}, {1, 2}}, 1, 1, 10, 0L));
        assertThrows(IllegalArgumentException.class, () -> KMeans.fit(new float[][] {{Float.NaN}}, 1, 1, 10, 0L));
        assertThrows(IllegalArgumentException.class, () -> KMeans.assign(data, new float[][] {{0, 1}}));
    }

    private static <T> T inPool(int parallelism, Callable<T> task) throws Exception {
        // Parallel streams started from inside a fork-join pool run on that pool.
        ForkJoinPool pool = new ForkJoinPool(parallelism);
        try {
            return pool.submit(task).get();
        } finally {
            pool.shutdown();
        }
    }

    /** Gaussian blobs around random centres; {@code spread} scales the centres, {@code noise} the blobs. */
    static final class Blobs {
        final float[][] points;
        final int[] truth;

        private Blobs(float[][] points, int[] truth) {
            this.points = points;
            this.truth = truth;
        }

        static Blobs generate(SplittableRandom random, int k, int dim, int perBlob, double spread, double noise) {
            float[][] centres = new float[k][dim];
            for (float[] centre : centres) {
                for (int d = 0; d < dim; d++) {
                    centre[d] = (float) (spread * random.nextGaussian());
                }
            }
            float[][] points = new float[k * perBlob][dim];
            int[] truth = new int[k * perBlob];
            for (int i = 0; i < points.length; i++) {
                truth[i] = i % k;
                for (int d = 0; d < dim; d++) {
                    points[i][d] = (float) (centres[truth[i]][d] + noise * random.nextGaussian());
                }
            }
            return new Blobs(points, truth);
        }
    }

    /** Textbook Lloyd without bounds, as an oracle; assumes no cluster empties on the way. */
    private static final class PlainLloyd {
        int[] labels;
        int iterations;
        double inertia;

        static PlainLloyd run(float[][] data, float[][] start, int maxIterations) {
            PlainLloyd out = new PlainLloyd();
            float[][] centroids = start.clone();
            out.labels = KMeans.assign(data, centroids);
            out.iterations = 1;
            boolean changed = true;
            while (changed && out.iterations < maxIterations) {
                centroids = means(data, out.labels, centroids.length);
                int[] next = KMeans.assign(data, centroids);
                changed = !Arrays.equals(next, out.labels);
                out.labels = next;
                out.iterations++;
            }
            for (int i = 0; i < data.length; i++) {
                out.inertia += Vectors.squaredDistance(data[i], centroids[out.labels[i]]);
            }
            return out;
        }

        private static float[][] means(float[][] data, int[] labels, int k) {
            double[][] sums = new double[k][data[0].length];
            int[] counts = new int[k];
            for (int i = 0; i < data.length; i++) {
                counts[labels[i]]++;
                for (int d = 0; d < data[i].length; d++) {
                    sums[labels[i]][d] += data[i][d];
                }
            }
            float[][] means = new float[k][data[0].length];
            for (int c = 0; c < k; c++) {
                assertTrue(counts[c] > 0, "oracle does not handle empty clusters");
                for (int d = 0; d < means[c].length; d++) {
                    means[c][d] = (float) (sums[c][d] / counts[c]);
                }
            }
            return means;
        }
    }
}
