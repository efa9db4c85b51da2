package io.mmdcstudio.engine.map;

import static org.junit.jupiter.api.Assertions.assertTrue;

import io.mmdcstudio.gmm.Pca;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Quality against yardsticks on a seeded mixture (600 points, 5 clusters, D = 20): PCA for neighbourhoods, Smile
 * 2.6's exact t-SNE (a test-scope oracle, LGPL, never shipped) for the objective. Every layout is scored by the
 * same exact KL(P || Q), so implementations with different internals are compared on equal terms.
 */
class TsneReferenceTest {

    private static final Mixture DATA = Mixture.of(600, 5, 20, 3.0, 11);
    private static final double PERPLEXITY = 30;
    private static final int ITERATIONS = 500;
    /** Ours may be at most this much worse (relative) than the reference; it is usually a little better. */
    private static final double KL_TOLERANCE = 0.10;

    private static float[][] exact;
    private static double smileKl;

    @BeforeAll
    static void layOut() {
        exact = layout(config().withGradientThresholds(Integer.MAX_VALUE, Integer.MAX_VALUE));
        smileKl = LayoutQuality.klDivergence(DATA.points(), smile(DATA.points()), PERPLEXITY);
    }

    private static TsneConfig config() {
        return TsneConfig.defaults().withIterations(ITERATIONS).withThreads(2);
    }

    private static float[][] smile(float[][] points) {
        double[][] x = new double[points.length][];
        for (int i = 0; i < points.length; i++) {
            x[i] = new double[points[i].length];
            for (int j = 0; j < x[i].length; j++) {
                x[i][j] = points[i][j];
            }
        }
        smile.math.MathEx.setSeed(1);
        double[][] y = new smile.manifold.TSNE(x, 2, PERPLEXITY, 200, ITERATIONS).coordinates;
        float[][] out = new float[y.length][];
        for (int i = 0; i < y.length; i++) {
            out[i] = new float[] {(float) y[i][0], (float) y[i][1]};
        }
        return out;
    }

    @Test
    void keepsNeighbourhoodsAtLeastAsWellAsPca() {
        float[][] pca = Pca.fit(DATA.points(), 2, 1).transform(DATA.points());
        double ours = LayoutQuality.trustworthiness(DATA.points(), exact, 10);
        double theirs = LayoutQuality.trustworthiness(DATA.points(), pca, 10);
        assertTrue(ours >= theirs, "trustworthiness " + ours + " vs PCA " + theirs);
        double kept = LayoutQuality.neighbourPreservation(DATA.points(), exact, 10);
        double pcaKept = LayoutQuality.neighbourPreservation(DATA.points(), pca, 10);
        assertTrue(kept >= pcaKept, "10-NN preservation " + kept + " vs PCA " + pcaKept);
    }

    @Test
    void exactGradientReachesTheKlDivergenceOfSmile() {
        assertWithinTolerance(exact);
    }

    @Test
    void barnesHutReachesTheKlDivergenceOfSmile() {
        assertWithinTolerance(layout(config().withGradientThresholds(0, Integer.MAX_VALUE)));
    }

    @Test
    void interpolationReachesTheKlDivergenceOfSmile() {
        assertWithinTolerance(layout(config().withGradientThresholds(0, 0)));
    }

    private static float[][] layout(TsneConfig config) {
        return Tsne.layout(DATA.points(), config, null, null, null).positions();
    }

    private static void assertWithinTolerance(float[][] layout) {
        double ours = LayoutQuality.klDivergence(DATA.points(), layout, PERPLEXITY);
        assertTrue(ours <= smileKl * (1 + KL_TOLERANCE), "KL " + ours + " vs Smile 2.6 " + smileKl);
    }
}
