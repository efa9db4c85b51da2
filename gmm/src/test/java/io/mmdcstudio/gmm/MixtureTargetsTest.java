package io.mmdcstudio.gmm;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.mmdcstudio.gmm.MixtureTargets.MeanType;
import io.mmdcstudio.gmm.MixtureTargets.MixtureSpec;
import io.mmdcstudio.gmm.MixtureTargets.SampledTargets;
import java.util.Arrays;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class MixtureTargetsTest {

    @Test
    void specRejectsImpossibleShapesWithMessagesNamingTheProblem() {
        assertMessageContains("components", () -> new MixtureSpec(0, 4, MeanType.RANDOM, 0));
        assertMessageContains("dimension >= components", () -> new MixtureSpec(5, 4, MeanType.ONE_HOT, 0));
        assertMessageContains("sigma", () -> new MixtureSpec(2, 4, MeanType.RANDOM, -0.1));
        assertMessageContains("sigma", () -> new MixtureSpec(2, 4, MeanType.RANDOM, Double.NaN));
        assertMessageContains("meanType", () -> new MixtureSpec(2, 4, null, 0));
        // Random means have no dimension constraint beyond D >= 1.
        assertEquals(3, new MixtureSpec(5, 3, MeanType.RANDOM, 0).dimension());
    }

    @Test
    void oneHotMeansAreTheFirstBasisVectors() {
        float[][] means = MixtureTargets.means(new MixtureSpec(3, 4, MeanType.ONE_HOT, 0), 1L);
        assertArrayEquals(new float[] {1, 0, 0, 0}, means[0]);
        assertArrayEquals(new float[] {0, 1, 0, 0}, means[1]);
        assertArrayEquals(new float[] {0, 0, 1, 0}, means[2]);
    }

    @Test
    void randomMeansHaveUnitLengthAndDependOnlyOnTheSeed() {
        MixtureSpec spec = new MixtureSpec(10, 16, MeanType.RANDOM, 0);
        float[][] a = MixtureTargets.means(spec, 7L);
        float[][] b = MixtureTargets.means(spec, 7L);
        float[][] c = MixtureTargets.means(spec, 8L);
        assertTrue(Arrays.deepEquals(a, b));
        assertFalse(Arrays.deepEquals(a, c));
        for (float[] mean : a) {
            assertEquals(1.0, norm(mean), 1e-6);
        }
    }

    @Test
    void randomMeansPointInTheDirectionOfACenteredUniformDraw() {
        // Drawn from a symmetric box, the coordinates of many means average near zero and take both signs.
        float[][] means = MixtureTargets.means(new MixtureSpec(200, 8, MeanType.RANDOM, 0), 3L);
        double sum = 0;
        int negatives = 0;
        for (float[] mean : means) {
            for (float value : mean) {
                sum += value;
                negatives += value < 0 ? 1 : 0;
            }
        }
        assertEquals(0.0, sum / (200 * 8), 0.03);
        assertEquals(800, negatives, 80);
    }

    @Test
    void zeroSpreadTargetsAreExactlyTheMeans() {
        MixtureSpec spec = new MixtureSpec(4, 4, MeanType.ONE_HOT, 0);
        float[][] means = MixtureTargets.means(spec, 0L);
        SampledTargets sampled = MixtureTargets.sample(spec, means, 50, 9L);
        for (int i = 0; i < 50; i++) {
            assertArrayEquals(means[sampled.components()[i]], sampled.targets()[i]);
        }
    }

    @Test
    void sampledComponentCountsDifferByAtMostOne() {
        MixtureSpec spec = new MixtureSpec(7, 7, MeanType.ONE_HOT, 0.2);
        float[][] means = MixtureTargets.means(spec, 0L);
        for (int n : new int[] {0, 3, 7, 100, 1001}) {
            int[] counts = new int[7];
            for (int c : MixtureTargets.sample(spec, means, n, n).components()) {
                counts[c]++;
            }
            int min = Arrays.stream(counts).min().orElseThrow();
            int max = Arrays.stream(counts).max().orElseThrow();
            assertTrue(max - min <= 1, "counts " + Arrays.toString(counts) + " for n=" + n);
            assertEquals(n, Arrays.stream(counts).sum());
        }
    }

    @Test
    void sampledComponentsAreShuffledNotBlocked() {
        MixtureSpec spec = new MixtureSpec(2, 2, MeanType.ONE_HOT, 0);
        int[] components = MixtureTargets.sample(spec, MixtureTargets.means(spec, 0L), 1000, 4L).components();
        int changes = 0;
        for (int i = 1; i < components.length; i++) {
            changes += components[i] != components[i - 1] ? 1 : 0;
        }
        // A random order of 500 zeros and 500 ones changes value about 500 times; blocks would change once.
        assertEquals(500, changes, 60);
    }

    @Test
    void spreadTargetsLieOnTheUnitSphereNearTheirMean() {
        MixtureSpec spec = new MixtureSpec(5, 32, MeanType.RANDOM, 0.05);
        float[][] means = MixtureTargets.means(spec, 1L);
        SampledTargets sampled = MixtureTargets.sample(spec, means, 400, 2L);
        double meanCosine = 0;
        for (int i = 0; i < 400; i++) {
            float[] target = sampled.targets()[i];
            assertEquals(1.0, norm(target), 1e-5);
            assertEquals(sampled.components()[i], MixtureTargets.nearestMean(target, means));
            meanCosine += dot(target, means[sampled.components()[i]]) / 400;
        }
        // E|sigma·z|^2 = 32·0.0025 = 0.08, so the expected cosine is about 1/sqrt(1.08) ≈ 0.962.
        assertEquals(0.962, meanCosine, 0.01);
        assertNotEquals(means[sampled.components()[0]][0], sampled.targets()[0][0]);
    }

    @Test
    void sampleIsReproducibleForASeed() {
        MixtureSpec spec = new MixtureSpec(3, 5, MeanType.RANDOM, 0.3);
        float[][] means = MixtureTargets.means(spec, 1L);
        SampledTargets a = MixtureTargets.sample(spec, means, 100, 42L);
        SampledTargets b = MixtureTargets.sample(spec, means, 100, 42L);
        SampledTargets c = MixtureTargets.sample(spec, means, 100, 43L);
        assertTrue(Arrays.deepEquals(a.targets(), b.targets()));
        assertArrayEquals(a.components(), b.components());
        assertFalse(Arrays.equals(a.components(), c.components()));
    }

    @Test
    void sampleRejectsMeansThatDoNotMatchTheSpec() {
        MixtureSpec spec = new MixtureSpec(3, 5, MeanType.RANDOM, 0);
        assertThrows(IllegalArgumentException.class, () -> MixtureTargets.sample(spec, new float[2][5], 10, 0L));
        assertThrows(IllegalArgumentException.class, () -> MixtureTargets.sample(spec, new float[3][4], 10, 0L));
        assertThrows(IllegalArgumentException.class,
                () -> MixtureTargets.sample(spec, MixtureTargets.means(spec, 0L), -1, 0L));
    }

    @Test
    void nearestMeanIsTheArgMaxCoordinateForOneHotMeans() {
        float[][] means = MixtureTargets.means(new MixtureSpec(4, 6, MeanType.ONE_HOT, 0), 0L);
        assertEquals(2, MixtureTargets.nearestMean(new float[] {0.1f, -0.3f, 0.5f, 0.2f, 0.9f, 0}, means));
        // Length does not matter: scaling x keeps the nearest unit-length mean.
        assertEquals(2, MixtureTargets.nearestMean(new float[] {1, -3, 5, 2, 9, 0}, means));
        assertArrayEquals(new int[] {0, 3},
                MixtureTargets.nearestMeans(new float[][] {{1, 0, 0, 0, 0, 0}, {0, 0, 0, 1, 0, 0}}, means));
    }

    @Test
    void nearestMeanBreaksTiesTowardTheLowerIndex() {
        float[][] means = {{1, 0}, {0, 1}};
        assertEquals(0, MixtureTargets.nearestMean(new float[] {0.5f, 0.5f}, means));
    }

    @Test
    void confidenceIsOneOnAMeanAndZeroHalfwayBetweenTwo() {
        float[][] means = {{1, 0, 0}, {0, 1, 0}, {0, 0, 1}};
        assertEquals(1.0, MixtureTargets.confidence(new float[] {1, 0, 0}, means), 1e-12);
        float h = (float) Math.sqrt(0.5);
        assertEquals(0.0, MixtureTargets.confidence(new float[] {h, h, 0}, means), 1e-7);
        // x = (0.8, 0.6, 0): d1 = 0.04 + 0.36 = 0.4, d2 = 0.64 + 0.16 = 0.8, so (0.8 - 0.4) / 1.2 = 1/3.
        assertEquals(1.0 / 3, MixtureTargets.confidence(new float[] {0.8f, 0.6f, 0}, means), 1e-6);
        assertEquals(1.0, MixtureTargets.confidence(new float[] {0.2f, 0.4f, 0}, new float[][] {{1, 0, 0}}));
    }

    @Test
    void confidenceStaysWithinTheUnitInterval() {
        SplittableRandom random = new SplittableRandom(5L);
        float[][] means = MixtureTargets.means(new MixtureSpec(6, 6, MeanType.RANDOM, 0), 5L);
        for (int i = 0; i < 1000; i++) {
            float[] x = new float[6];
            for (int d = 0; d < 6; d++) {
                x[d] = (float) random.nextGaussian();
            }
            double confidence = MixtureTargets.confidence(x, means);
            assertTrue(confidence >= 0 && confidence <= 1, "confidence " + confidence);
        }
    }

    @Test
    void readOutRejectsEmbeddingsOfTheWrongLength() {
        float[][] means = {{1, 0}, {0, 1}};
        assertThrows(IllegalArgumentException.class, () -> MixtureTargets.nearestMean(new float[3], means));
        assertThrows(IllegalArgumentException.class, () -> MixtureTargets.confidence(new float[1], means));
    }

    private static void assertMessageContains(String fragment, Runnable action) {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, action::run);
        assertTrue(e.getMessage().contains(fragment), "message '" + e.getMessage() + "' lacks '" + fragment + "'");
    }

    private static double norm(float[] v) {
        return Math.sqrt(dot(v, v));
    }

    private static double dot(float[] a, float[] b) {
        double sum = 0;
        for (int i = 0; i < a.length; i++) {
            sum += (double) a[i] * b[i];
        }
        return sum;
    }
}
