package io.mmdcstudio.views.map;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.SplittableRandom;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.Test;

class MapProjectorTest {

    /** A projection that returns the first two coordinates, optionally mirrored: a stand-in for PCA's sign. */
    private static MapProjection firstTwo(boolean mirror) {
        return new MapProjection() {
            @Override
            public String name() {
                return "test";
            }

            @Override
            public float[][] project(float[][] e, float[][] previous, long seed, boolean besideTraining,
                    BooleanSupplier stop) {
                float[][] out = new float[e.length][];
                for (int i = 0; i < e.length; i++) {
                    out[i] = new float[] {e[i][0], mirror ? -e[i][1] : e[i][1]};
                }
                return out;
            }
        };
    }

    private static float[][] cloud(int n) {
        SplittableRandom rng = new SplittableRandom(7);
        float[][] e = new float[n][2];
        for (float[] row : e) {
            row[0] = (float) rng.nextGaussian() * 3;
            row[1] = (float) rng.nextGaussian();
        }
        return e;
    }

    @Test
    void aMirroredSecondFrameIsTurnedBackOntoTheFirst() {
        int n = 300;
        int[] images = new int[n];
        Arrays.setAll(images, i -> i);
        int[] clusters = new int[n];
        float[][] e = cloud(n);
        MapFrame first = new MapProjector(firstTwo(false)).project(0, images, clusters, e, 1);
        // The same embeddings seen through a projection with the other sign, as two epochs' PCA may be.
        MapFrame mirrored = new MapProjector(firstTwo(true)).project(1, images, clusters, e, 1);
        assertTrue(Math.abs(mirrored.y()[0] + first.y()[0]) < 1e-3, "the raw frames are mirror images");
        float[] x = mirrored.x().clone();
        float[] y = mirrored.y().clone();
        MapProjector.alignTo(first, images, x, y);
        for (int i = 0; i < n; i++) {
            assertEquals(first.x()[i], x[i], 1e-3);
            assertEquals(first.y()[i], y[i], 1e-3);
        }
    }

    @Test
    void aRotatedSecondFrameIsTurnedBack() {
        int n = 200;
        int[] images = new int[n];
        Arrays.setAll(images, i -> i);
        MapFrame first = new MapProjector(firstTwo(false)).project(0, images, new int[n], cloud(n), 1);
        double a = 1.1;
        float[] x = new float[n];
        float[] y = new float[n];
        for (int i = 0; i < n; i++) {
            x[i] = (float) (first.x()[i] * Math.cos(a) - first.y()[i] * Math.sin(a));
            y[i] = (float) (first.x()[i] * Math.sin(a) + first.y()[i] * Math.cos(a));
        }
        MapProjector.alignTo(first, images, x, y);
        for (int i = 0; i < n; i++) {
            assertEquals(first.x()[i], x[i], 1e-3);
            assertEquals(first.y()[i], y[i], 1e-3);
        }
    }

    @Test
    void framesFitTheMapBox() {
        int n = 500;
        int[] images = new int[n];
        Arrays.setAll(images, i -> i);
        MapFrame f = new MapProjector(new PcaProjection()).project(0, images, new int[n], cloud(n), 1);
        long inside = 0;
        for (int i = 0; i < n; i++) {
            if (Math.abs(f.x()[i]) <= 1.0001 && Math.abs(f.y()[i]) <= 1.0001) {
                inside++;
            }
        }
        assertTrue(inside >= 0.97 * n, inside + " of " + n);
    }

    @Test
    void largeRunsAreSampledToTheSameImagesEveryTime() {
        int n = MapProjector.MAX_POINTS * 3;
        int[] images = new int[n];
        Arrays.setAll(images, i -> i * 2);
        int[] a = MapProjector.sample(images);
        int[] b = MapProjector.sample(images);
        assertArrayEquals(a, b);
        assertTrue(Math.abs(a.length - MapProjector.MAX_POINTS) < MapProjector.MAX_POINTS / 20, "" + a.length);
    }

    @Test
    void theNextFrameOfTheSameImagesStartsFromThePreviousLayout() {
        int n = 50;
        int[] images = new int[n];
        Arrays.setAll(images, i -> i);
        float[][][] seen = new float[2][][];
        MapProjection recording = new MapProjection() {
            int calls;

            @Override
            public String name() {
                return "recording";
            }

            @Override
            public float[][] project(float[][] e, float[][] previous, long seed, boolean besideTraining,
                    BooleanSupplier stop) {
                seen[calls++] = previous;
                return firstTwo(false).project(e, previous, seed, besideTraining, stop);
            }
        };
        MapProjector projector = new MapProjector(recording);
        float[][] e = cloud(n);
        projector.project(0, images, new int[n], e, 1);
        projector.project(1, images, new int[n], e, 1);
        assertEquals(null, seen[0]);
        assertEquals(e[7][0], seen[1][7][0], 1e-6, "the raw previous positions, row for row");
    }

    @Test
    void aStoppedProjectionGivesNoFrame() {
        MapProjection stopping = new MapProjection() {
            @Override
            public String name() {
                return "stopping";
            }

            @Override
            public float[][] project(float[][] e, float[][] previous, long seed, boolean besideTraining,
                    BooleanSupplier stop) {
                return stop.getAsBoolean() ? null : new float[e.length][2];
            }
        };
        assertEquals(null, new MapProjector(stopping).project(0, new int[] {0, 1}, new int[2], cloud(2), 1, true,
                () -> true));
    }

    @Test
    void tsneSeparatesTwoGroupsAndFallsBackToPcaForTinyInputs() {
        int n = 60;
        float[][] e = new float[n][4];
        SplittableRandom rng = new SplittableRandom(3);
        for (int i = 0; i < n; i++) {
            e[i][i < n / 2 ? 0 : 1] = 1;
            for (int d = 0; d < 4; d++) {
                e[i][d] += (float) rng.nextGaussian() * 0.05f;
            }
        }
        TsneProjection tsne = new TsneProjection();
        float[][] xy = tsne.project(e, null, 1, false, () -> false);
        assertEquals("t-SNE", tsne.name());
        double within = Math.hypot(xy[0][0] - xy[1][0], xy[0][1] - xy[1][1]);
        double across = Math.hypot(xy[0][0] - xy[n - 1][0], xy[0][1] - xy[n - 1][1]);
        assertTrue(across > 3 * within, "across " + across + ", within " + within);
        tsne.project(new float[][] {{1, 0}, {0, 1}}, null, 1, false, () -> false);
        assertEquals("PCA", tsne.name());
    }
}
