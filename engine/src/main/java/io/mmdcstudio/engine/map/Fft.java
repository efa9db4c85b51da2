package io.mmdcstudio.engine.map;

/**
 * Complex FFT of one length {@code n = 2^a · 3^b}: Stockham autosort (no bit reversal), radix 4, 2 and 3 stages,
 * twiddles from one table. Small and exact enough for the map's convolutions; the length may be any such
 * number, so the interpolation grid can grow in steps of at most 4/3 instead of doubling.
 */
final class Fft {

    private static final double SIN_60 = Math.sqrt(3) / 2;

    private final int n;
    private final int[] radices;
    private final double[] cos;
    private final double[] sin;

    Fft(int n) {
        if (!supported(n)) {
            throw new IllegalArgumentException("FFT length must be 2^a * 3^b, not " + n);
        }
        this.n = n;
        this.radices = factor(n);
        cos = new double[n];
        sin = new double[n];
        for (int k = 0; k < n; k++) {
            double angle = 2 * Math.PI * k / n;
            cos[k] = Math.cos(angle);
            sin[k] = Math.sin(angle);
        }
    }

    int size() {
        return n;
    }

    static boolean supported(int n) {
        if (n < 1) {
            return false;
        }
        int m = n;
        while (m % 2 == 0) {
            m /= 2;
        }
        while (m % 3 == 0) {
            m /= 3;
        }
        return m == 1;
    }

    /** The smallest supported length that is at least {@code min}. */
    static int nextSize(int min) {
        int m = Math.max(1, min);
        while (!supported(m)) {
            m++;
        }
        return m;
    }

    private static int[] factor(int n) {
        int[] r = new int[32];
        int count = 0;
        int m = n;
        while (m % 4 == 0) {
            r[count++] = 4;
            m /= 4;
        }
        if (m % 2 == 0) {
            r[count++] = 2;
            m /= 2;
        }
        while (m % 3 == 0) {
            r[count++] = 3;
            m /= 3;
        }
        return java.util.Arrays.copyOf(r, count);
    }

    /**
     * Forward transform {@code X_k = Σ_t x_t e^{-2πi tk/n}}, in place, of {@code width} sequences side by side:
     * element {@code t} of sequence {@code c} is at {@code base + t * stride + c}. With {@code width = 1} and
     * {@code stride = 1} that is one contiguous sequence; with many columns of a grid the innermost loop runs over
     * contiguous memory and vectorises. {@code workRe}/{@code workIm} hold at least {@code n * width} values.
     */
    void forward(double[] re, double[] im, int base, int stride, int width, double[] workRe, double[] workIm) {
        double[] xr = re;
        double[] xi = im;
        int xb = base;
        int xs = stride;
        double[] yr = workRe;
        double[] yi = workIm;
        int yb = 0;
        int ys = width;
        int s = 1;
        for (int radix : radices) {
            switch (radix) {
                case 4 -> stage4(s, xr, xi, xb, xs, yr, yi, yb, ys, width);
                case 2 -> stage2(s, xr, xi, xb, xs, yr, yi, yb, ys, width);
                default -> stage3(s, xr, xi, xb, xs, yr, yi, yb, ys, width);
            }
            s *= radix;
            boolean inData = xr == re;
            xr = inData ? workRe : re;
            xi = inData ? workIm : im;
            xb = inData ? 0 : base;
            xs = inData ? width : stride;
            yr = inData ? re : workRe;
            yi = inData ? im : workIm;
            yb = inData ? base : 0;
            ys = inData ? stride : width;
        }
        if (xr != re) {
            for (int t = 0; t < n; t++) {
                System.arraycopy(workRe, t * width, re, base + t * stride, width);
                System.arraycopy(workIm, t * width, im, base + t * stride, width);
            }
        }
    }

    /*
     * One Stockham stage each: with m = n / (s * radix), inputs q + s(p + t m) for t < radix make outputs
     * q + s(radix p + u), each times the twiddle e^{-2πi p u s / n}.
     */

    private void stage2(int s, double[] xr, double[] xi, int xb, int xs, double[] yr, double[] yi, int yb, int ys,
            int width) {
        int m = n / s / 2;
        int inStep = s * m * xs;
        int outStep = s * ys;
        for (int p = 0; p < m; p++) {
            double c1 = cos[p * s];
            double s1 = sin[p * s];
            for (int q = 0; q < s; q++) {
                int in = xb + (q + s * p) * xs;
                int out = yb + (q + 2 * s * p) * ys;
                for (int c = 0; c < width; c++) {
                    double ar = xr[in + c];
                    double ai = xi[in + c];
                    double br = xr[in + inStep + c];
                    double bi = xi[in + inStep + c];
                    yr[out + c] = ar + br;
                    yi[out + c] = ai + bi;
                    double dr = ar - br;
                    double di = ai - bi;
                    yr[out + outStep + c] = dr * c1 + di * s1;
                    yi[out + outStep + c] = di * c1 - dr * s1;
                }
            }
        }
    }

    private void stage3(int s, double[] xr, double[] xi, int xb, int xs, double[] yr, double[] yi, int yb, int ys,
            int width) {
        int m = n / s / 3;
        int inStep = s * m * xs;
        int outStep = s * ys;
        for (int p = 0; p < m; p++) {
            double c1 = cos[p * s];
            double s1 = sin[p * s];
            double c2 = cos[2 * p * s];
            double s2 = sin[2 * p * s];
            for (int q = 0; q < s; q++) {
                int in = xb + (q + s * p) * xs;
                int out = yb + (q + 3 * s * p) * ys;
                for (int c = 0; c < width; c++) {
                    double a0r = xr[in + c];
                    double a0i = xi[in + c];
                    double a1r = xr[in + inStep + c];
                    double a1i = xi[in + inStep + c];
                    double a2r = xr[in + 2 * inStep + c];
                    double a2i = xi[in + 2 * inStep + c];
                    double sumR = a1r + a2r;
                    double sumI = a1i + a2i;
                    double midR = a0r - sumR / 2;
                    double midI = a0i - sumI / 2;
                    double dr = SIN_60 * (a1r - a2r);
                    double di = SIN_60 * (a1i - a2i);
                    yr[out + c] = a0r + sumR;
                    yi[out + c] = a0i + sumI;
                    double b1r = midR + di; // mid - i·d
                    double b1i = midI - dr;
                    double b2r = midR - di; // mid + i·d
                    double b2i = midI + dr;
                    yr[out + outStep + c] = b1r * c1 + b1i * s1;
                    yi[out + outStep + c] = b1i * c1 - b1r * s1;
                    yr[out + 2 * outStep + c] = b2r * c2 + b2i * s2;
                    yi[out + 2 * outStep + c] = b2i * c2 - b2r * s2;
                }
            }
        }
    }

    private void stage4(int s, double[] xr, double[] xi, int xb, int xs, double[] yr, double[] yi, int yb, int ys,
            int width) {
        int m = n / s / 4;
        int inStep = s * m * xs;
        int outStep = s * ys;
        for (int p = 0; p < m; p++) {
            double c1 = cos[p * s];
            double s1 = sin[p * s];
            double c2 = cos[2 * p * s];
            double s2 = sin[2 * p * s];
            double c3 = cos[3 * p * s];
            double s3 = sin[3 * p * s];
            for (int q = 0; q < s; q++) {
                int in = xb + (q + s * p) * xs;
                int out = yb + (q + 4 * s * p) * ys;
                for (int c = 0; c < width; c++) {
                    double a0r = xr[in + c];
                    double a0i = xi[in + c];
                    double a1r = xr[in + inStep + c];
                    double a1i = xi[in + inStep + c];
                    double a2r = xr[in + 2 * inStep + c];
                    double a2i = xi[in + 2 * inStep + c];
                    double a3r = xr[in + 3 * inStep + c];
                    double a3i = xi[in + 3 * inStep + c];
                    double t0r = a0r + a2r;
                    double t0i = a0i + a2i;
                    double t1r = a0r - a2r;
                    double t1i = a0i - a2i;
                    double t2r = a1r + a3r;
                    double t2i = a1i + a3i;
                    double t3r = a1r - a3r;
                    double t3i = a1i - a3i;
                    yr[out + c] = t0r + t2r;
                    yi[out + c] = t0i + t2i;
                    double b1r = t1r + t3i; // t1 - i·t3
                    double b1i = t1i - t3r;
                    double b2r = t0r - t2r;
                    double b2i = t0i - t2i;
                    double b3r = t1r - t3i; // t1 + i·t3
                    double b3i = t1i + t3r;
                    yr[out + outStep + c] = b1r * c1 + b1i * s1;
                    yi[out + outStep + c] = b1i * c1 - b1r * s1;
                    yr[out + 2 * outStep + c] = b2r * c2 + b2i * s2;
                    yi[out + 2 * outStep + c] = b2i * c2 - b2r * s2;
                    yr[out + 3 * outStep + c] = b3r * c3 + b3i * s3;
                    yi[out + 3 * outStep + c] = b3i * c3 - b3r * s3;
                }
            }
        }
    }
}
