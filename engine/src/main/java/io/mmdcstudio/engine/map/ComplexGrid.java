package io.mmdcstudio.engine.map;

import java.util.Arrays;

/**
 * A square complex grid, row-major, for the 2-D FFT convolution of {@link InterpolatedRepulsion}. A 2-D transform
 * is one transform per row, then the columns transformed side by side in strips (the innermost loop runs along a
 * row, so it vectorises and needs no transpose). Rows known to be zero are not transformed, and on the way back
 * rows nobody will read are not computed.
 */
final class ComplexGrid {

    private static final int ROW_CHUNK = 16;
    private static final int STRIP = 16;

    final int size;
    final double[] re;
    final double[] im;

    ComplexGrid(int size) {
        this.size = size;
        re = new double[size * size];
        im = new double[size * size];
    }

    void clear() {
        Arrays.fill(re, 0);
        Arrays.fill(im, 0);
    }

    /** Forward 2-D transform of a grid whose rows from {@code validRows} on are zero. */
    void transform(Fft fft, int validRows, Workers workers) {
        rowTransforms(fft, validRows, workers);
        columnTransforms(fft, workers);
    }

    /** Inverse 2-D transform, times size² (unnormalised); only the first {@code outRows} rows are computed. */
    void inverse(Fft fft, int outRows, Workers workers) {
        conjugate(size); // inverse(x) = conj(forward(conj(x))) / n, per axis
        columnTransforms(fft, workers);
        rowTransforms(fft, outRows, workers);
        conjugate(outRows);
    }

    private void conjugate(int rows) {
        for (int e = 0, end = rows * size; e < end; e++) {
            im[e] = -im[e];
        }
    }

    private void rowTransforms(Fft fft, int rows, Workers workers) {
        workers.forEach(Workers.chunks(rows, ROW_CHUNK), chunk -> {
            double[] workRe = new double[size];
            double[] workIm = new double[size];
            int end = Math.min(rows, (chunk + 1) * ROW_CHUNK);
            for (int r = chunk * ROW_CHUNK; r < end; r++) {
                fft.forward(re, im, r * size, 1, 1, workRe, workIm);
            }
        });
    }

    private void columnTransforms(Fft fft, Workers workers) {
        workers.forEach(Workers.chunks(size, STRIP), chunk -> {
            int c0 = chunk * STRIP;
            int width = Math.min(size, c0 + STRIP) - c0;
            fft.forward(re, im, c0, size, width, new double[size * width], new double[size * width]);
        });
    }
}
