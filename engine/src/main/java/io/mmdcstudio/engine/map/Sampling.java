package io.mmdcstudio.engine.map;

import java.util.SplittableRandom;

/** The seeded subsample of large maps. */
final class Sampling {

    private Sampling() {}

    /**
     * {@code m} distinct indices out of {@code n}, increasing; the same for the same (n, m, seed), so that the maps
     * of successive epochs embed the same points.
     */
    static int[] subsample(int n, int m, long seed) {
        int[] all = new int[n];
        for (int i = 0; i < n; i++) {
            all[i] = i;
        }
        SplittableRandom random = new SplittableRandom(seed);
        for (int i = 0; i < m; i++) { // partial Fisher–Yates: the first m slots become a uniform sample
            int j = i + random.nextInt(n - i);
            int t = all[i];
            all[i] = all[j];
            all[j] = t;
        }
        int[] sample = java.util.Arrays.copyOf(all, m);
        java.util.Arrays.sort(sample);
        return sample;
    }

    /** The indices of [0, n) not in the increasing {@code sample}. */
    static int[] complement(int n, int[] sample) {
        int[] rest = new int[n - sample.length];
        int s = 0;
        int r = 0;
        for (int i = 0; i < n; i++) {
            if (s < sample.length && sample[s] == i) {
                s++;
            } else {
                rest[r++] = i;
            }
        }
        return rest;
    }

    /** The rows at {@code indices} (shared, not copied). */
    static float[][] rows(float[][] points, int[] indices) {
        float[][] out = new float[indices.length][];
        for (int i = 0; i < indices.length; i++) {
            out[i] = points[indices[i]];
        }
        return out;
    }
}
