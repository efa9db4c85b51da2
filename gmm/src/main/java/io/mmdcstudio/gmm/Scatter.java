package io.mmdcstudio.gmm;

import java.util.stream.IntStream;

/**
 * Column means and the centred scatter matrix {@code sum_i (x_i - mean)(x_i - mean)^T} of a float matrix.
 *
 * <p>The scatter is built from blocks of rows small enough to stay in a core's L2 cache; for each block,
 * every scatter row receives rank-one updates whose inner loop is a plain {@code y += a * x} that the JIT
 * vectorises. Scatter rows are dealt to tasks in an interleaved pattern (row {@code i} to stripe
 * {@code i mod STRIPES}) to balance the triangular workload; each row is owned by one task and sees the
 * blocks in order, so the result does not depend on the thread count.
 */
final class Scatter {

    /** 256 rows of 784 floats ≈ 0.8 MB: fits the 2 MB L2 of the target machine with room to spare. */
    static final int BLOCK_ROWS = 256;
    private static final int STRIPES = 32;

    private Scatter() {
    }

    /** Column means, summed in double in a fixed chunk order. */
    static double[] columnMeans(float[][] data) {
        int n = data.length;
        int dim = data[0].length;
        double[][] partial = new double[ParallelChunks.count(n)][dim];
        ParallelChunks.forEach(n, chunk -> {
            double[] sums = partial[chunk];
            for (int i = ParallelChunks.start(chunk); i < ParallelChunks.end(chunk, n); i++) {
                float[] row = data[i];
                for (int j = 0; j < dim; j++) {
                    sums[j] += row[j];
                }
            }
        });
        double[] mean = new double[dim];
        for (double[] sums : partial) {
            for (int j = 0; j < dim; j++) {
                mean[j] += sums[j];
            }
        }
        for (int j = 0; j < dim; j++) {
            mean[j] /= n;
        }
        return mean;
    }

    /** The full symmetric centred scatter matrix. */
    static double[][] centred(float[][] data, double[] mean) {
        int dim = mean.length;
        double[][] scatter = new double[dim][dim];
        float[][] block = new float[BLOCK_ROWS][dim];
        for (int start = 0; start < data.length; start += BLOCK_ROWS) {
            int rows = Math.min(BLOCK_ROWS, data.length - start);
            centreInto(data, start, rows, mean, block);
            IntStream.range(0, STRIPES).parallel().forEach(stripe -> {
                for (int i = stripe; i < dim; i += STRIPES) {
                    addBlockToRow(block, rows, i, scatter[i]);
                }
            });
        }
        mirrorUpperTriangle(scatter);
        return scatter;
    }

    private static void centreInto(float[][] data, int start, int rows, double[] mean, float[][] block) {
        for (int r = 0; r < rows; r++) {
            float[] source = data[start + r];
            float[] target = block[r];
            for (int j = 0; j < mean.length; j++) {
                target[j] = (float) (source[j] - mean[j]);
            }
        }
    }

    /**
     * {@code out[j] += sum_r block[r][i] * block[r][j]} for {@code j >= i}. Four rows per sweep cut the
     * loads and stores of {@code out} by four.
     */
    private static void addBlockToRow(float[][] block, int rows, int i, double[] out) {
        int dim = out.length;
        int r = 0;
        for (; r + 3 < rows; r += 4) {
            float[] r0 = block[r];
            float[] r1 = block[r + 1];
            float[] r2 = block[r + 2];
            float[] r3 = block[r + 3];
            double a0 = r0[i];
            double a1 = r1[i];
            double a2 = r2[i];
            double a3 = r3[i];
            for (int j = i; j < dim; j++) {
                out[j] += a0 * r0[j] + a1 * r1[j] + a2 * r2[j] + a3 * r3[j];
            }
        }
        for (; r < rows; r++) {
            float[] row = block[r];
            double a = row[i];
            for (int j = i; j < dim; j++) {
                out[j] += a * row[j];
            }
        }
    }

    private static void mirrorUpperTriangle(double[][] m) {
        for (int i = 0; i < m.length; i++) {
            for (int j = 0; j < i; j++) {
                m[i][j] = m[j][i];
            }
        }
    }
}
