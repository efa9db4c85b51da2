package io.mmdcstudio.gmm;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.mmdcstudio.gmm.Pca.PcaResult;
import java.util.Arrays;
import java.util.SplittableRandom;
import org.apache.commons.math3.linear.EigenDecomposition;
import org.apache.commons.math3.stat.correlation.Covariance;
import org.junit.jupiter.api.Test;

class PcaTest {

    @Test
    void pointsOnTheDiagonalGiveTheHandComputedAxisAndVariance() {
        // Centred rows (-1,-1), (0,0), (1,1): covariance [[1,1],[1,1]] (divisor n-1 = 2), eigenvalues 2 and
        // 0, leading axis (1,1)/sqrt(2); projections -sqrt(2), 0, sqrt(2).
        float[][] data = {{1, 1}, {2, 2}, {3, 3}};
        PcaResult pca = Pca.fit(data, 2, 0L);
        float h = (float) Math.sqrt(0.5);
        assertArrayEquals(new float[] {2, 2}, pca.mean());
        assertArrayEquals(new float[] {h, h}, pca.components()[0], 1e-6f);
        assertArrayEquals(new double[] {2, 0}, pca.explainedVariance(), 1e-9);
        assertEquals(2.0, pca.totalVariance(), 1e-9);
        assertArrayEquals(new double[] {1, 0}, pca.explainedVarianceRatio(), 1e-9);
        float[][] projected = pca.transform(data);
        float r2 = (float) Math.sqrt(2);
        assertArrayEquals(new float[] {-r2, 0, r2}, column(projected, 0), 1e-6f);
    }

    @Test
    void explainedVarianceEqualsTheEigenvaluesOfCommonsMathCovariance() {
        float[][] data = correlatedData(new SplittableRandom(41L), 600, 12);
        PcaResult pca = Pca.fit(data, 5, 0L);
        double[][] asDouble = new double[data.length][];
        for (int i = 0; i < data.length; i++) {
            asDouble[i] = toDouble(data[i]);
        }
        double[] reference = new EigenDecomposition(new Covariance(asDouble).getCovarianceMatrix())
                .getRealEigenvalues();
        Arrays.sort(reference);
        for (int c = 0; c < 5; c++) {
            double expected = reference[reference.length - 1 - c];
            assertEquals(expected, pca.explainedVariance()[c], 1e-6 * expected, "component " + c);
        }
    }

    @Test
    void componentsAreOrthonormalWithTheirLargestCoordinatePositive() {
        PcaResult pca = Pca.fit(correlatedData(new SplittableRandom(42L), 300, 10), 6, 0L);
        for (int a = 0; a < 6; a++) {
            for (int b = 0; b < 6; b++) {
                assertEquals(a == b ? 1.0 : 0.0, dot(pca.components()[a], pca.components()[b]), 1e-6);
            }
            float[] axis = pca.components()[a];
            float largest = 0;
            for (float value : axis) {
                largest = Math.abs(value) > Math.abs(largest) ? value : largest;
            }
            assertTrue(largest > 0, "component " + a + " has a negative dominant coordinate");
        }
    }

    @Test
    void projectedDataIsCentredWithTheExplainedVariances() {
        float[][] data = correlatedData(new SplittableRandom(43L), 5000, 8);
        PcaResult pca = Pca.fit(data, 3, 0L);
        float[][] projected = pca.transform(data);
        for (int c = 0; c < 3; c++) {
            double[] values = toDouble(column(projected, c));
            double mean = Arrays.stream(values).average().orElseThrow();
            double variance = Arrays.stream(values).map(v -> (v - mean) * (v - mean)).sum() / (values.length - 1);
            assertEquals(0.0, mean, 1e-4 * Math.sqrt(pca.explainedVariance()[c]));
            assertEquals(pca.explainedVariance()[c], variance, 1e-4 * variance);
        }
    }

    @Test
    void iterativeSolverAgreesWithTheExactOne() {
        float[][] data = correlatedData(new SplittableRandom(44L), 2000, 40);
        PcaResult exact = Pca.fit(data, 8, 0L, Integer.MAX_VALUE);
        PcaResult iterative = Pca.fit(data, 8, 7L, 0);
        assertArrayEquals(exact.explainedVariance(), iterative.explainedVariance(),
                1e-7 * exact.explainedVariance()[0]);
        for (int c = 0; c < 8; c++) {
            assertArrayEquals(exact.components()[c], iterative.components()[c], 1e-4f, "component " + c);
        }
    }

    @Test
    void iterativeSolverCopesWithFewerRowsThanDimensions() {
        // Five rows span at most four centred directions; asking for six forces null-space directions.
        float[][] data = correlatedData(new SplittableRandom(45L), 5, 20);
        PcaResult pca = Pca.fit(data, 6, 3L, 0);
        for (int a = 0; a < 6; a++) {
            for (int b = 0; b < 6; b++) {
                assertEquals(a == b ? 1.0 : 0.0, dot(pca.components()[a], pca.components()[b]), 1e-5);
            }
        }
        assertEquals(0.0, pca.explainedVariance()[4], 1e-9 * pca.explainedVariance()[0]);
        double captured = Arrays.stream(pca.explainedVariance()).sum();
        assertEquals(pca.totalVariance(), captured, 1e-6 * pca.totalVariance());
    }

    @Test
    void resultDoesNotDependOnTheSeedWhenExact() {
        float[][] data = correlatedData(new SplittableRandom(46L), 200, 6);
        PcaResult a = Pca.fit(data, 3, 1L);
        PcaResult b = Pca.fit(data, 3, 2L);
        assertTrue(Arrays.deepEquals(a.components(), b.components()));
    }

    @Test
    void invalidArgumentsAreRejected() {
        float[][] data = {{1, 2}, {3, 4}};
        assertThrows(IllegalArgumentException.class, () -> Pca.fit(data, 3, 0L));
        assertThrows(IllegalArgumentException.class, () -> Pca.fit(data, 0, 0L));
        assertThrows(IllegalArgumentException.class, () -> Pca.fit(new float[][] {{1, 2}}, 1, 0L));
        PcaResult pca = Pca.fit(data, 1, 0L);
        assertThrows(IllegalArgumentException.class, () -> pca.transform(new float[][] {{1, 2, 3}}));
    }

    /** Rows {@code z · A} with Gaussian z and a random mixing matrix A scaled down by column. */
    private static float[][] correlatedData(SplittableRandom random, int n, int dim) {
        double[][] mixing = new double[dim][dim];
        for (int i = 0; i < dim; i++) {
            for (int j = 0; j < dim; j++) {
                // Geometric scale per source gives a decaying, well-separated spectrum.
                mixing[i][j] = random.nextGaussian() * Math.pow(0.8, i);
            }
        }
        float[][] data = new float[n][dim];
        for (float[] row : data) {
            double[] z = new double[dim];
            for (int i = 0; i < dim; i++) {
                z[i] = random.nextGaussian();
            }
            for (int j = 0; j < dim; j++) {
                double value = 3.0;
                for (int i = 0; i < dim; i++) {
                    value += z[i] * mixing[i][j];
                }
                row[j] = (float) value;
            }
        }
        return data;
    }

    private static float[] column(float[][] rows, int c) {
        float[] out = new float[rows.length];
        for (int i = 0; i < rows.length; i++) {
            out[i] = rows[i][c];
        }
        return out;
    }

    private static double[] toDouble(float[] values) {
        double[] out = new double[values.length];
        for (int i = 0; i < values.length; i++) {
            out[i] = values[i];
        }
        return out;
    }

    private static double dot(float[] a, float[] b) {
        double sum = 0;
        for (int i = 0; i < a.length; i++) {
            sum += (double) a[i] * b[i];
        }
        return sum;
    }

}
