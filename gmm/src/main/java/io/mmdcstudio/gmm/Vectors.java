package io.mmdcstudio.gmm;

/** Small dense-vector kernels shared by k-means, PCA, the read-out and the engine. */
public final class Vectors {

    private Vectors() {
    }

    /**
     * Squared Euclidean distance with four independent double accumulators: the split lets the CPU
     * overlap additions (a single accumulator serialises on add latency) and the order is fixed, so the
     * result is reproducible.
     */
    public static double squaredDistance(float[] a, float[] b) {
        double s0 = 0;
        double s1 = 0;
        double s2 = 0;
        double s3 = 0;
        int n = a.length;
        int i = 0;
        for (; i + 3 < n; i += 4) {
            double d0 = a[i] - b[i];
            double d1 = a[i + 1] - b[i + 1];
            double d2 = a[i + 2] - b[i + 2];
            double d3 = a[i + 3] - b[i + 3];
            s0 += d0 * d0;
            s1 += d1 * d1;
            s2 += d2 * d2;
            s3 += d3 * d3;
        }
        for (; i < n; i++) {
            double d = a[i] - b[i];
            s0 += d * d;
        }
        return (s0 + s1) + (s2 + s3);
    }

    /** Index of the row of {@code centroids} nearest to {@code x}; ties go to the lower index. */
    static int nearest(float[] x, float[][] centroids) {
        int best = 0;
        double bestDistance = Double.POSITIVE_INFINITY;
        for (int c = 0; c < centroids.length; c++) {
            double distance = squaredDistance(x, centroids[c]);
            if (distance < bestDistance) {
                bestDistance = distance;
                best = c;
            }
        }
        return best;
    }

    /** Throws unless {@code data} is a non-empty rectangular matrix of finite values. */
    static int requireFiniteMatrix(float[][] data, String name) {
        if (data == null || data.length == 0) {
            throw new IllegalArgumentException(name + " must have at least one row");
        }
        int dim = data[0] == null ? 0 : data[0].length;
        if (dim == 0) {
            throw new IllegalArgumentException(name + " rows must have at least one column");
        }
        for (int i = 0; i < data.length; i++) {
            float[] row = data[i];
            if (row == null || row.length != dim) {
                throw new IllegalArgumentException(name + " row " + i + " has length "
                        + (row == null ? "null" : row.length) + ", expected " + dim);
            }
            for (float value : row) {
                if (!Float.isFinite(value)) {
                    throw new IllegalArgumentException(name + " row " + i + " holds a non-finite value");
                }
            }
        }
        return dim;
    }
}
