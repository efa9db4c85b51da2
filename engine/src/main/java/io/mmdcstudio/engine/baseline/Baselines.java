package io.mmdcstudio.engine.baseline;

import io.mmdcstudio.engine.data.ImageDataset;
import io.mmdcstudio.gmm.KMeans;
import io.mmdcstudio.gmm.Pca;
import io.mmdcstudio.gmm.Vectors;

/** Runs a {@link BaselineMethod} on a dataset: pure Java, no network. */
public final class Baselines {

    /** PCA components of {@link BaselineMethod#PCA_KMEANS}. */
    public static final int PCA_COMPONENTS = 50;
    private static final int RESTARTS = 5;
    private static final int MAX_ITERATIONS = 100;

    private Baselines() {}

    /**
     * A baseline's clustering.
     *
     * @param clusters   cluster per image
     * @param confidence per image in [0, 1]: 1 − (distance to nearest centroid / distance to the second nearest)
     * @param seconds    wall time of the clustering (excluding loading)
     */
    public record Result(int[] clusters, float[] confidence, double seconds) {}

    /** Clusters {@code data} into {@code k} groups with {@code method}, seeded. */
    public static Result run(ImageDataset data, BaselineMethod method, int k, long seed) {
        if (data.size() < k) {
            throw new IllegalArgumentException("More clusters (" + k + ") than images (" + data.size() + ")");
        }
        long t0 = System.nanoTime();
        float[][] features = pixels(data);
        if (method == BaselineMethod.PCA_KMEANS) {
            int components = Math.min(PCA_COMPONENTS, Math.min(features[0].length, data.size()));
            features = Pca.fit(features, components, seed).transform(features);
        }
        KMeans.KMeansResult km = KMeans.fit(features, k, RESTARTS, MAX_ITERATIONS, seed);
        float[] confidence = confidence(features, km.centroids(), km.labels());
        return new Result(km.labels(), confidence, (System.nanoTime() - t0) / 1e9);
    }

    /** Every image as a row of floats in [0, 1]. */
    static float[][] pixels(ImageDataset data) {
        int d = data.imageBytes();
        float[][] x = new float[data.size()][d];
        byte[] p = data.pixels();
        for (int i = 0; i < x.length; i++) {
            int base = i * d;
            float[] row = x[i];
            for (int j = 0; j < d; j++) {
                row[j] = (p[base + j] & 0xFF) / 255f;
            }
        }
        return x;
    }

    private static float[] confidence(float[][] x, float[][] centroids, int[] labels) {
        float[] conf = new float[x.length];
        for (int i = 0; i < x.length; i++) {
            double nearest = Math.sqrt(Vectors.squaredDistance(x[i], centroids[labels[i]]));
            double second = Double.POSITIVE_INFINITY;
            for (int c = 0; c < centroids.length; c++) {
                if (c != labels[i]) {
                    second = Math.min(second, Math.sqrt(Vectors.squaredDistance(x[i], centroids[c])));
                }
            }
            conf[i] = second > 0 && Double.isFinite(second) ? (float) Math.max(0, 1 - nearest / second) : 1f;
        }
        return conf;
    }
}
