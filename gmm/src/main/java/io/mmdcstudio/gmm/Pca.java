package io.mmdcstudio.gmm;

import io.mmdcstudio.gmm.SymmetricEigen.Eigenpairs;
import java.util.Arrays;

/**
 * Principal component analysis by eigen-decomposition of the sample covariance matrix, used by the
 * {@code pca-kmeans} baseline.
 *
 * <p>The covariance is accumulated in blocked, vectorisable loops on all cores (O(n·d²/2)); its leading
 * eigenvectors come from Commons Math's full decomposition when {@code d <= }{@value #EXACT_MAX_DIMENSION}
 * and from seeded block subspace iteration above that, where a full O(d³) decomposition would dominate.
 * Each component's sign is fixed so that its largest-magnitude coordinate is positive (first such
 * coordinate on a tie), so results do not flip between runs or solvers.
 */
public final class Pca {

    /** Largest dimension handled by the full decomposition (about 1.5 s at 784 on the target machine). */
    public static final int EXACT_MAX_DIMENSION = 1024;

    private Pca() {
    }

    /**
     * A fitted projection.
     *
     * @param mean column means of the fitted data
     * @param components unit-length principal axes, one per row, by decreasing variance
     * @param explainedVariance sample variance (divisor n − 1) of the data along each component
     * @param totalVariance sum of the sample variances of all columns, for variance ratios
     */
    public record PcaResult(float[] mean, float[][] components, double[] explainedVariance, double totalVariance) {

        /** Checks that the parts agree in shape. */
        public PcaResult {
            if (mean == null || components == null || explainedVariance == null
                    || components.length != explainedVariance.length) {
                throw new IllegalArgumentException("mean, components and explainedVariance must be present and "
                        + "there must be one variance per component");
            }
        }

        /** Share of the total variance along each component (all zero for constant data). */
        public double[] explainedVarianceRatio() {
            double[] ratio = new double[explainedVariance.length];
            for (int c = 0; c < ratio.length; c++) {
                ratio[c] = totalVariance > 0 ? explainedVariance[c] / totalVariance : 0;
            }
            return ratio;
        }

        /**
         * Projects rows onto the components: {@code (x - mean) · component} for each component.
         *
         * @param data rows of the fitted dimension
         * @return one row of {@code components.length} coordinates per input row
         */
        public float[][] transform(float[][] data) {
            int dim = mean.length;
            int m = components.length;
            double[] axesByCoordinate = interleave(components, dim);
            float[][] out = new float[data.length][];
            ParallelChunks.forEach(data.length, chunk -> {
                double[] acc = new double[m];
                for (int i = ParallelChunks.start(chunk); i < ParallelChunks.end(chunk, data.length); i++) {
                    out[i] = project(data[i], axesByCoordinate, acc);
                }
            });
            return out;
        }

        /** Coordinate-major copy of the axes, so projecting is a vectorisable {@code acc += v * axes[j]}. */
        private static double[] interleave(float[][] components, int dim) {
            int m = components.length;
            double[] out = new double[dim * m];
            for (int c = 0; c < m; c++) {
                for (int j = 0; j < dim; j++) {
                    out[j * m + c] = components[c][j];
                }
            }
            return out;
        }

        private float[] project(float[] x, double[] axesByCoordinate, double[] acc) {
            if (x.length != mean.length) {
                throw new IllegalArgumentException("row length " + x.length + " differs from the fitted "
                        + mean.length);
            }
            int m = acc.length;
            Arrays.fill(acc, 0);
            for (int j = 0; j < x.length; j++) {
                double v = (double) x[j] - mean[j];
                int base = j * m;
                for (int c = 0; c < m; c++) {
                    acc[c] += v * axesByCoordinate[base + c];
                }
            }
            float[] out = new float[m];
            for (int c = 0; c < m; c++) {
                out[c] = (float) acc[c];
            }
            return out;
        }
    }

    /**
     * Fits the leading principal components.
     *
     * @param data at least two rows of equal length with finite values; not modified
     * @param components number of components, 1 ≤ components ≤ dimension
     * @param seed start of the iterative eigen-solver (dimension above {@value #EXACT_MAX_DIMENSION});
     *     the exact solver used below does not depend on it
     * @return the fitted projection
     */
    public static PcaResult fit(float[][] data, int components, long seed) {
        return fit(data, components, seed, EXACT_MAX_DIMENSION);
    }

    /** As {@link #fit(float[][], int, long)}, with the exact/iterative switch open to tests. */
    static PcaResult fit(float[][] data, int components, long seed, int exactMaxDimension) {
        int dim = Vectors.requireFiniteMatrix(data, "data");
        if (data.length < 2) {
            throw new IllegalArgumentException("PCA needs at least 2 rows, got " + data.length);
        }
        if (components < 1 || components > dim) {
            throw new IllegalArgumentException("components must be in [1, " + dim + "], got " + components);
        }
        double[] mean = Scatter.columnMeans(data);
        double[][] scatter = Scatter.centred(data, mean);
        Eigenpairs top = dim <= exactMaxDimension
                ? SymmetricEigen.exactTop(scatter, components)
                : SymmetricEigen.iterativeTop(scatter, components, seed);
        double divisor = data.length - 1;
        double[] variance = new double[components];
        float[][] axes = new float[components][];
        for (int c = 0; c < components; c++) {
            // Rounding can leave a null direction a hair below zero; a variance cannot be negative.
            variance[c] = Math.max(0, top.values()[c]) / divisor;
            axes[c] = withCanonicalSign(top.vectors()[c]);
        }
        return new PcaResult(toFloat(mean), axes, variance, trace(scatter) / divisor);
    }

    /** The axis as floats, negated if needed so its largest-magnitude coordinate is positive. */
    static float[] withCanonicalSign(double[] axis) {
        int largest = 0;
        for (int j = 1; j < axis.length; j++) {
            if (Math.abs(axis[j]) > Math.abs(axis[largest])) {
                largest = j;
            }
        }
        double sign = axis[largest] < 0 ? -1 : 1;
        float[] out = new float[axis.length];
        for (int j = 0; j < axis.length; j++) {
            out[j] = (float) (sign * axis[j]);
        }
        return out;
    }

    private static double trace(double[][] m) {
        double sum = 0;
        for (int i = 0; i < m.length; i++) {
            sum += m[i][i];
        }
        return sum;
    }

    private static float[] toFloat(double[] values) {
        float[] out = new float[values.length];
        for (int i = 0; i < values.length; i++) {
            out[i] = (float) values[i];
        }
        return out;
    }
}
