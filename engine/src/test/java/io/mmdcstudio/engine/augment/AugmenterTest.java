package io.mmdcstudio.engine.augment;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class AugmenterTest {

    private static final int N = 8;

    /** Two grayscale 8x8 images: image 1 has value 10*y + x (0..77), image 0 is black. */
    private static byte[] ramp() {
        byte[] p = new byte[2 * N * N];
        for (int y = 0; y < N; y++) {
            for (int x = 0; x < N; x++) {
                p[N * N + y * N + x] = (byte) (10 * y + x);
            }
        }
        return p;
    }

    private static final AugmentSpec NO_CROP = new AugmentSpec(List.of(1.0), false, 0, false);

    @Test
    void evalViewAtTheSameSizeReproducesTheImage() {
        Augmenter a = new Augmenter(1, N, N, N, NO_CROP);
        float[] out = new float[N * N];
        a.evalView(ramp(), 1, out, 0);
        for (int y = 0; y < N; y++) {
            for (int x = 0; x < N; x++) {
                assertEquals((10 * y + x) / 255f, out[y * N + x], 1e-6f, "pixel " + x + "," + y);
            }
        }
    }

    @Test
    void quarterTurnsRotateTheImageExactly() {
        Augmenter a = new Augmenter(1, N, N, N, NO_CROP);
        SplittableRandom rng = new SplittableRandom(1);
        float[] r0 = new float[N * N];
        float[] r1 = new float[N * N];
        float[] r2 = new float[N * N];
        a.rotationView(ramp(), 1, 0, rng, r0, 0);
        a.rotationView(ramp(), 1, 1, rng, r1, 0);
        a.rotationView(ramp(), 1, 2, rng, r2, 0);
        float[] expected180 = new float[N * N];
        for (int i = 0; i < N * N; i++) {
            expected180[i] = r0[N * N - 1 - i];
        }
        assertArrayEquals(expected180, r2, 1e-5f, "two quarter turns = point reflection");
        assertNotEquals(r0[1], r1[1], "a quarter turn changes the image");
        // A quarter turn maps rows to columns: the first row of r1 is a column of r0.
        float[] firstRow = java.util.Arrays.copyOfRange(r1, 0, N);
        boolean matchesAColumn = false;
        for (int col : new int[] {0, N - 1}) {
            float[] column = new float[N];
            float[] reversed = new float[N];
            for (int y = 0; y < N; y++) {
                column[y] = r0[y * N + col];
                reversed[N - 1 - y] = r0[y * N + col];
            }
            matchesAColumn |= java.util.Arrays.equals(round(firstRow), round(column))
                    || java.util.Arrays.equals(round(firstRow), round(reversed));
        }
        assertTrue(matchesAColumn, "rotation by 90 degrees turns rows into columns");
    }

    @Test
    void trainViewsDifferBetweenDrawsButStayInRange() {
        Augmenter a = new Augmenter(1, N, N, 12, new AugmentSpec(List.of(0.75, 0.5), true, 20, false));
        SplittableRandom rng = new SplittableRandom(5);
        float[] v1 = new float[144];
        float[] v2 = new float[144];
        a.trainView(ramp(), 1, rng, v1, 0);
        a.trainView(ramp(), 1, rng, v2, 0);
        assertNotEquals(java.util.Arrays.toString(v1), java.util.Arrays.toString(v2));
        for (float v : v1) {
            assertTrue(v >= 0 && v <= 77 / 255f + 1e-6f);
        }
    }

    @Test
    void colourJitterKeepsValuesInTheUnitRange() {
        byte[] rgb = new byte[3 * N * N];
        new SplittableRandom(2).nextBytes(rgb);
        Augmenter a = new Augmenter(3, N, N, N, new AugmentSpec(List.of(1.0), false, 0, true));
        float[] out = new float[3 * N * N];
        SplittableRandom rng = new SplittableRandom(9);
        for (int i = 0; i < 20; i++) {
            a.trainView(rgb, 0, rng, out, 0);
            for (float v : out) {
                assertTrue(v >= 0 && v <= 1);
            }
        }
    }

    private static int[] round(float[] v) {
        int[] r = new int[v.length];
        for (int i = 0; i < v.length; i++) {
            r[i] = Math.round(v[i] * 255);
        }
        return r;
    }

    @Test
    void strongViewIsSeededAndCutsOutAGreySquare() {
        Augmenter a = new Augmenter(1, N, N, N, NO_CROP);
        float[] first = new float[N * N];
        float[] again = new float[N * N];
        a.strongView(ramp(), 0, new SplittableRandom(5), first, 0);
        a.strongView(ramp(), 0, new SplittableRandom(5), again, 0);
        assertArrayEquals(first, again, "the same seed gives the same view");
        // Image 0 is black, and brightness or contrast keep it black: only the cutout is grey.
        long grey = 0;
        for (float v : first) {
            grey += v == 0.5f ? 1 : 0;
        }
        assertTrue(grey >= 4 && grey <= 16, grey + " grey pixels: a cutout of a quarter to half the side (2 to 4 px)");
    }
}
