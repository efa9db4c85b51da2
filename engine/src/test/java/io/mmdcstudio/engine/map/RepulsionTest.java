package io.mmdcstudio.engine.map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/** The approximate repulsions against the exact one, and the FFT against the DFT it replaces. */
class RepulsionTest {

    /** A clustered 2-D layout of the size and spread of a real map late in its optimisation. */
    private static double[] layout(int n, double radius, long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        double[] y = new double[2 * n];
        for (int i = 0; i < n; i++) {
            int c = random.nextInt(10);
            y[2 * i] = radius * Math.cos(c) + Mixture.gaussian(random) * 3;
            y[2 * i + 1] = radius * Math.sin(c) + Mixture.gaussian(random) * 3;
        }
        return y;
    }

    @Test
    void barnesHutAndInterpolationAgreeWithTheExactForces() {
        for (double radius : new double[] {2, 30, 120}) {
            double[] y = layout(2_000, radius, 3);
            double[] exact = new double[y.length];
            double[] approx = new double[y.length];
            try (Workers workers = new Workers(2)) {
                double z = new ExactRepulsion().compute(y, exact, workers);
                for (Repulsion r : new Repulsion[] {new BarnesHutRepulsion(0.5), new InterpolatedRepulsion()}) {
                    double za = r.compute(y, approx, workers);
                    String what = r.getClass().getSimpleName() + " at radius " + radius;
                    assertEquals(z, za, 0.01 * z, what + ": Z");
                    assertTrue(relativeError(exact, z, approx, za) < 0.03, what + ": forces");
                }
            }
        }
    }

    /** RMS error of the normalised forces F/Z relative to their RMS size. */
    private static double relativeError(double[] exact, double z, double[] approx, double za) {
        double num = 0;
        double den = 0;
        for (int i = 0; i < exact.length; i++) {
            num += Math.pow(exact[i] / z - approx[i] / za, 2);
            den += Math.pow(exact[i] / z, 2);
        }
        return Math.sqrt(num / den);
    }

    @Test
    void fftMatchesTheDiscreteFourierTransformForEverySupportedLength() {
        for (int n : new int[] {1, 2, 3, 4, 6, 8, 9, 12, 16, 18, 27, 32, 36, 48, 64, 96, 108}) {
            SplittableRandom random = new SplittableRandom(n);
            double[] re = new double[2 * n];
            double[] im = new double[2 * n];
            for (int t = 0; t < 2 * n; t++) {
                re[t] = random.nextDouble() - 0.5;
                im[t] = random.nextDouble() - 0.5;
            }
            double[] dftRe = new double[2 * n];
            double[] dftIm = new double[2 * n];
            for (int col = 0; col < 2; col++) { // two sequences side by side, as in a grid
                for (int k = 0; k < n; k++) {
                    for (int t = 0; t < n; t++) {
                        double a = -2 * Math.PI * t * k / n;
                        dftRe[2 * k + col] += re[2 * t + col] * Math.cos(a) - im[2 * t + col] * Math.sin(a);
                        dftIm[2 * k + col] += re[2 * t + col] * Math.sin(a) + im[2 * t + col] * Math.cos(a);
                    }
                }
            }
            new Fft(n).forward(re, im, 0, 2, 2, new double[2 * n], new double[2 * n]);
            for (int e = 0; e < 2 * n; e++) {
                assertEquals(dftRe[e], re[e], 1e-9, "n = " + n);
                assertEquals(dftIm[e], im[e], 1e-9, "n = " + n);
            }
        }
    }
}
