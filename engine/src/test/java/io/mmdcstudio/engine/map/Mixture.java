package io.mmdcstudio.engine.map;

import java.util.SplittableRandom;

/**
 * A seeded Gaussian mixture for tests: {@code clusters} unit-variance blobs in {@code dim} dimensions whose centres
 * are drawn with standard deviation {@code separation}.
 *
 * @param points one row per point
 * @param labels the blob each point came from
 */
record Mixture(float[][] points, int[] labels) {

    static Mixture of(int n, int clusters, int dim, double separation, long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        double[][] centres = new double[clusters][dim];
        for (double[] c : centres) {
            for (int j = 0; j < dim; j++) {
                c[j] = gaussian(random) * separation;
            }
        }
        float[][] points = new float[n][dim];
        int[] labels = new int[n];
        for (int i = 0; i < n; i++) {
            labels[i] = i % clusters;
            for (int j = 0; j < dim; j++) {
                points[i][j] = (float) (centres[labels[i]][j] + gaussian(random));
            }
        }
        return new Mixture(points, labels);
    }

    /** The same points moved by seeded noise of standard deviation {@code sd}: "the next epoch's embeddings". */
    Mixture jittered(double sd, long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        float[][] moved = new float[points.length][];
        for (int i = 0; i < points.length; i++) {
            moved[i] = points[i].clone();
            for (int j = 0; j < moved[i].length; j++) {
                moved[i][j] += (float) (gaussian(random) * sd);
            }
        }
        return new Mixture(moved, labels);
    }

    static double gaussian(SplittableRandom random) {
        double u = 1 - random.nextDouble();
        return Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * random.nextDouble());
    }
}
