package io.mmdcstudio.gmm;

import java.util.Arrays;
import java.util.Comparator;
import java.util.SplittableRandom;
import java.util.stream.IntStream;
import org.apache.commons.math3.linear.Array2DRowRealMatrix;
import org.apache.commons.math3.linear.EigenDecomposition;

/** Leading eigenpairs of a symmetric positive semi-definite matrix. */
final class SymmetricEigen {

    /** Residual, relative to the largest eigenvalue, below which an iterated eigenpair counts as converged. */
    static final double TOLERANCE = 1e-9;
    /** Caps the work on flat spectra, where the trailing wanted pairs are nearly tied and converge slowly. */
    static final int MAX_ITERATIONS = 300;

    private SymmetricEigen() {
    }

    /**
     * Eigenpairs sorted by decreasing eigenvalue.
     *
     * @param values eigenvalues
     * @param vectors unit eigenvectors, one per row, matching {@code values}
     */
    record Eigenpairs(double[] values, double[][] vectors) {
    }

    /** The {@code m} largest eigenpairs from a full decomposition (Commons Math, O(d³)). */
    static Eigenpairs exactTop(double[][] symmetric, int m) {
        EigenDecomposition decomposition = new EigenDecomposition(new Array2DRowRealMatrix(symmetric, false));
        double[] all = decomposition.getRealEigenvalues();
        Integer[] order = IntStream.range(0, all.length).boxed().toArray(Integer[]::new);
        Arrays.sort(order, Comparator.comparingDouble((Integer i) -> all[i]).reversed());
        double[] values = new double[m];
        double[][] vectors = new double[m][];
        for (int r = 0; r < m; r++) {
            values[r] = all[order[r]];
            vectors[r] = decomposition.getEigenvector(order[r]).toArray();
        }
        return new Eigenpairs(values, vectors);
    }

    /**
     * The {@code m} largest eigenpairs by block subspace iteration with Rayleigh–Ritz extraction, starting
     * from a seeded Gaussian block with some extra columns (they speed convergence of the last wanted
     * pairs). Costs O(d² · block) per iteration instead of O(d³) in all.
     */
    static Eigenpairs iterativeTop(double[][] symmetric, int m, long seed) {
        int d = symmetric.length;
        int block = Math.min(d, m + Math.max(10, m / 2));
        SplittableRandom random = new SplittableRandom(seed);
        double[][] basis = new double[block][d];
        for (double[] row : basis) {
            fillGaussian(row, random);
        }
        orthonormalise(basis, random);
        Eigenpairs ritz = null;
        for (int iteration = 0; iteration < MAX_ITERATIONS; iteration++) {
            double[][] image = multiply(symmetric, basis);
            ritz = rayleighRitz(basis, image);
            if (converged(ritz, image, basis, m)) {
                break;
            }
            basis = rotate(ritz.vectors(), image);
            orthonormalise(basis, random);
        }
        return new Eigenpairs(Arrays.copyOf(ritz.values(), m), ritzVectors(ritz, basis, m));
    }

    /** Row {@code r} of the result is {@code A · basis[r]}, computed in parallel per basis vector. */
    private static double[][] multiply(double[][] a, double[][] basis) {
        double[][] image = new double[basis.length][];
        IntStream.range(0, basis.length).parallel().forEach(r -> {
            double[] out = new double[a.length];
            for (int i = 0; i < a.length; i++) {
                out[i] = dot(a[i], basis[r]);
            }
            image[r] = out;
        });
        return image;
    }

    /**
     * Eigen-decomposes the projected matrix {@code T = Q A Q^T} (Q = orthonormal basis rows). The returned
     * vectors are rows of coefficients over the basis, not vectors of the full space.
     */
    private static Eigenpairs rayleighRitz(double[][] basis, double[][] image) {
        int l = basis.length;
        double[][] projected = new double[l][l];
        for (int i = 0; i < l; i++) {
            for (int j = 0; j <= i; j++) {
                double value = 0.5 * (dot(basis[i], image[j]) + dot(basis[j], image[i]));
                projected[i][j] = value;
                projected[j][i] = value;
            }
        }
        return exactTop(projected, l);
    }

    /** True when each of the first {@code m} Ritz pairs has a small residual {@code |A v - λ v|}. */
    private static boolean converged(Eigenpairs ritz, double[][] image, double[][] basis, int m) {
        double scale = Math.max(Math.abs(ritz.values()[0]), Double.MIN_NORMAL);
        for (int r = 0; r < m; r++) {
            double[] av = combine(ritz.vectors()[r], image);
            double[] v = combine(ritz.vectors()[r], basis);
            double residual = 0;
            for (int i = 0; i < v.length; i++) {
                double diff = av[i] - ritz.values()[r] * v[i];
                residual += diff * diff;
            }
            if (Math.sqrt(residual) > TOLERANCE * scale) {
                return false;
            }
        }
        return true;
    }

    /** Next basis: the image rotated onto the Ritz directions, largest first. */
    private static double[][] rotate(double[][] coefficients, double[][] image) {
        double[][] next = new double[coefficients.length][];
        for (int r = 0; r < coefficients.length; r++) {
            next[r] = combine(coefficients[r], image);
        }
        return next;
    }

    private static double[][] ritzVectors(Eigenpairs ritz, double[][] basis, int m) {
        double[][] vectors = new double[m][];
        for (int r = 0; r < m; r++) {
            vectors[r] = combine(ritz.vectors()[r], basis);
            scale(vectors[r], 1 / Math.sqrt(dot(vectors[r], vectors[r])));
        }
        return vectors;
    }

    /** {@code sum_k coefficients[k] * rows[k]}. */
    private static double[] combine(double[] coefficients, double[][] rows) {
        double[] out = new double[rows[0].length];
        for (int k = 0; k < coefficients.length; k++) {
            double c = coefficients[k];
            double[] row = rows[k];
            for (int i = 0; i < out.length; i++) {
                out[i] += c * row[i];
            }
        }
        return out;
    }

    /**
     * Modified Gram–Schmidt, applied twice ("twice is enough" for orthogonality to working precision). A
     * row that collapses, as happens when the matrix has rank below the block size, is replaced by a fresh
     * random direction.
     */
    static void orthonormalise(double[][] rows, SplittableRandom random) {
        for (int r = 0; r < rows.length; r++) {
            while (!orthonormaliseAgainstPrevious(rows, r)) {
                fillGaussian(rows[r], random);
            }
        }
    }

    /** Makes {@code rows[r]} a unit vector orthogonal to rows {@code 0..r-1}; false if it collapsed. */
    private static boolean orthonormaliseAgainstPrevious(double[][] rows, int r) {
        double before = Math.sqrt(dot(rows[r], rows[r]));
        for (int pass = 0; pass < 2; pass++) {
            for (int q = 0; q < r; q++) {
                axpy(-dot(rows[r], rows[q]), rows[q], rows[r]);
            }
        }
        double norm = Math.sqrt(dot(rows[r], rows[r]));
        if (!(norm > 1e-10 * before)) {
            return false;
        }
        scale(rows[r], 1 / norm);
        return true;
    }

    private static void fillGaussian(double[] row, SplittableRandom random) {
        for (int i = 0; i < row.length; i++) {
            row[i] = random.nextGaussian();
        }
    }

    static double dot(double[] a, double[] b) {
        double sum = 0;
        for (int i = 0; i < a.length; i++) {
            sum += a[i] * b[i];
        }
        return sum;
    }

    private static void axpy(double a, double[] x, double[] y) {
        for (int i = 0; i < y.length; i++) {
            y[i] += a * x[i];
        }
    }

    private static void scale(double[] v, double factor) {
        for (int i = 0; i < v.length; i++) {
            v[i] *= factor;
        }
    }
}
