package io.mmdcstudio.engine.map;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.mmdcstudio.engine.io.BackgroundPriority;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledOnOs;
import org.junit.jupiter.api.condition.OS;

/** What callers rely on: determinism, cancelling, incremental layouts, subsampling, progress, odd inputs. */
class TsneTest {

    private static final Mixture SMALL = Mixture.of(400, 4, 10, 3.0, 5);

    private static TsneConfig quick() {
        return TsneConfig.defaults().withIterations(200).withExaggeration(12, 100).withIncrementalIterations(60)
                .withThreads(1);
    }

    @Test
    void sameSeedGivesTheSameLayoutWhateverTheNumberOfThreads() {
        Mixture data = Mixture.of(1_500, 5, 10, 3.0, 2);
        for (TsneConfig config : List.of(
                quick().withGradientThresholds(0, Integer.MAX_VALUE), // Barnes–Hut
                quick().withGradientThresholds(0, 0))) {              // interpolation
            MapLayout one = Tsne.layout(data.points(), config.withIterations(60), null, null, null);
            MapLayout three = Tsne.layout(data.points(), config.withIterations(60).withThreads(3), null, null, null);
            assertArrayEquals(one.positions(), three.positions());
            assertEquals(one.klDivergence(), three.klDivergence());
        }
        TsneConfig exact = quick().withGradientThresholds(Integer.MAX_VALUE, Integer.MAX_VALUE);
        MapLayout exactOne = Tsne.layout(SMALL.points(), exact, null, null, null);
        MapLayout exactTwo = Tsne.layout(SMALL.points(), exact.withThreads(2), null, null, null);
        assertArrayEquals(exactOne.positions(), exactTwo.positions());
    }

    @Test
    void cancellingMidwayReturnsQuicklyWithTheCurrentPositions() {
        AtomicBoolean cancel = new AtomicBoolean();
        MapProgress cancelAt50 = (iteration, total, kl) -> cancel.set(iteration >= 50);
        MapLayout l = Tsne.layout(SMALL.points(), quick(), null, cancelAt50, cancel::get);
        assertTrue(l.cancelled());
        assertEquals(50, l.iterationsRun());
        assertEquals(SMALL.points().length, l.positions().length);
        assertTrue(spread(l.positions()) > 1e-3, "the layout had started to unfold");
    }

    @Test
    void cancelledBeforeTheStartReturnsTheStartingLayout() {
        float[][] previous = Tsne.layout(SMALL.points(), quick(), null, null, null).positions();
        long t0 = System.nanoTime();
        MapLayout l = Tsne.layout(SMALL.points(), quick(), previous, null, () -> true);
        assertTrue((System.nanoTime() - t0) / 1e9 < 1, "returns at once");
        assertTrue(l.cancelled());
        assertEquals(0, l.iterationsRun());
        assertArrayEquals(previous, l.positions());
    }

    @Test
    void interruptingTheCallerCancels() {
        Thread.currentThread().interrupt();
        try {
            assertTrue(Tsne.layout(SMALL.points(), quick(), null, null, null).cancelled());
        } finally {
            Thread.interrupted();
        }
    }

    @Test
    void aThrottledLayoutUsesAboutItsShareOfOneCore() {
        ThreadMXBean clocks = ManagementFactory.getThreadMXBean();
        AtomicLong computing = new AtomicLong(-1);
        long wall0 = System.nanoTime();
        // The stop check is polled on the thread that computes (a throttled map's own background thread).
        MapLayout l = Tsne.layout(SMALL.points(), quick().withCpuShare(0.25), null, null, () -> {
            computing.compareAndSet(-1, clocks.getCurrentThreadCpuTime());
            return false;
        });
        double wall = (System.nanoTime() - wall0) / 1e9;
        assertFalse(l.cancelled());
        double cpu = cpuOfMapThread(clocks) - computing.get() / 1e9;
        assertTrue(cpu > 0.05, "the map thread computed: " + cpu + " s");
        assertTrue(wall > 0.8 * cpu / 0.25, "computed " + cpu + " s in " + wall + " s");
    }

    private static double cpuOfMapThread(ThreadMXBean clocks) {
        return Thread.getAllStackTraces().keySet().stream().filter(t -> t.getName().equals("mmdc-map-background"))
                .mapToLong(t -> clocks.getThreadCpuTime(t.getId())).sum() / 1e9;
    }

    @Test
    @EnabledOnOs(OS.LINUX)
    void aThrottledLayoutRunsAtLeastFiveNiceLevelsBelowTheThreadThatAsksForIt() throws Exception {
        AtomicInteger asking = new AtomicInteger(-1);
        AtomicInteger computing = new AtomicInteger(-1);
        Thread caller = new Thread(() -> {
            BackgroundPriority.lowerCurrentThread(3);
            asking.set(BackgroundPriority.currentNice());
            Tsne.layout(SMALL.points(), quick().withIterations(20).withCpuShare(0.5), null, null, () -> {
                computing.accumulateAndGet(BackgroundPriority.currentNice(), Math::max);
                return false;
            });
        });
        caller.start();
        caller.join();

        assertEquals(3, asking.get());
        // At least: lowering is one-way, and an earlier test's map may have left the shared map thread lower still.
        assertTrue(computing.get() >= 8, "the map computed at nice " + computing.get());
    }

    @Test
    void continuingFromThePreviousLayoutMovesPointsLessThanAColdStart() {
        Mixture epoch1 = SMALL;
        Mixture epoch2 = SMALL.jittered(0.5, 9);
        float[][] before = Tsne.layout(epoch1.points(), quick(), null, null, null).positions();
        MapLayout incremental = Tsne.layout(epoch2.points(), quick(), before, null, null);
        MapLayout cold = Tsne.layout(epoch2.points(), quick(), null, null, null);
        assertEquals(60, incremental.iterationsRun());
        double moved = meanDistance(before, incremental.positions());
        double jumped = meanDistance(before, cold.positions());
        // Measured: 1.4 against 4.8, on a map of RMS radius 12; the incremental map is as good (KL 0.70 vs 0.69).
        assertTrue(moved < 0.5 * jumped, "incremental moved " + moved + ", cold start " + jumped);
        assertTrue(moved < 0.2 * spread(before), "moved " + moved + " on a map of radius " + spread(before));
        assertTrue(incremental.klDivergence() < 1.05 * cold.klDivergence(), "as good a map");
    }

    @Test
    void aboveMaxEmbeddedEveryPointGetsAPositionAndTheNoticeSaysSo() {
        Mixture data = Mixture.of(1_200, 4, 10, 3.0, 4);
        MapLayout l = Tsne.layout(data.points(), quick().withMaxEmbedded(300), null, null, null);
        assertTrue(l.subsampled());
        assertEquals(300, l.embeddedPoints());
        assertEquals("Map shows t-SNE of 300 of 1,200 images; the others are placed next to their nearest "
                + "neighbours.", l.notice());
        assertEquals(1_200, l.positions().length);
        for (float[] p : l.positions()) {
            assertTrue(Float.isFinite(p[0]) && Float.isFinite(p[1]));
        }
        assertTrue(LayoutQuality.labelAgreement(l.positions(), data.labels(), 10) > 0.9,
                "placed points sit with their own cluster");
    }

    @Test
    void belowMaxEmbeddedEveryPointIsEmbeddedAndThereIsNoNotice() {
        MapLayout l = Tsne.layout(SMALL.points(), quick(), null, null, null);
        assertFalse(l.subsampled());
        assertEquals(SMALL.points().length, l.embeddedPoints());
        assertNull(l.notice());
        assertEquals(200, l.iterationsRun());
        assertTrue(Double.isFinite(l.klDivergence()) && l.klDivergence() > 0);
    }

    @Test
    void progressCountsUpToTheTotalWithFallingKl() {
        List<double[]> events = new ArrayList<>();
        Tsne.layout(SMALL.points(), quick(), null, (it, total, kl) -> events.add(new double[] {it, total, kl}), null);
        assertEquals(20, events.size());
        for (int e = 0; e < events.size(); e++) {
            assertEquals(10 * (e + 1), events.get(e)[0]);
            assertEquals(200, events.get(e)[1]);
        }
        assertTrue(events.get(19)[2] < events.get(4)[2], "KL falls");
    }

    @Test
    void tinyInputsStillGetAPositionEach() {
        assertEquals(0, Tsne.layout(new float[0][], quick(), null, null, null).positions().length);
        for (int n : new int[] {1, 2, 3, 7}) {
            float[][] pts = Mixture.of(n, 2, 3, 3.0, n).points();
            MapLayout l = Tsne.layout(pts, quick(), null, null, null);
            assertEquals(n, l.positions().length);
            for (float[] p : l.positions()) {
                assertTrue(Float.isFinite(p[0]) && Float.isFinite(p[1]), "n = " + n);
            }
        }
    }

    @Test
    void identicalPointsDoNotBreakTheLayout() {
        float[][] same = new float[300][];
        for (int i = 0; i < same.length; i++) {
            same[i] = new float[] {1f, 2f, i < 150 ? 3f : 30f};
        }
        for (int interpolateAbove : new int[] {Integer.MAX_VALUE, 0}) {
            TsneConfig config = quick().withGradientThresholds(0, interpolateAbove);
            for (float[] p : Tsne.layout(same, config, null, null, null).positions()) {
                assertTrue(Float.isFinite(p[0]) && Float.isFinite(p[1]));
            }
        }
    }

    @Test
    void raggedNonFiniteOrMismatchedInputIsRefused() {
        assertThrows(IllegalArgumentException.class,
                () -> Tsne.layout(new float[][] {{1, 2}, {3}}, quick(), null, null, null));
        assertThrows(IllegalArgumentException.class,
                () -> Tsne.layout(new float[][] {{1, Float.NaN}}, quick(), null, null, null));
        assertThrows(IllegalArgumentException.class,
                () -> Tsne.layout(SMALL.points(), quick(), new float[3][2], null, null));
    }

    @Test
    void configRefusesNonsense() {
        assertThrows(IllegalArgumentException.class, () -> TsneConfig.defaults().withPerplexity(0.5));
        assertThrows(IllegalArgumentException.class, () -> TsneConfig.defaults().withThreads(0));
        assertThrows(IllegalArgumentException.class, () -> TsneConfig.defaults().withCpuShare(0));
        assertThrows(IllegalArgumentException.class, () -> TsneConfig.defaults().withMaxEmbedded(1));
        assertEquals(1, TsneConfig.besideTraining().threads());
        assertEquals(200.0, TsneConfig.defaults().learningRateFor(600));
        assertEquals(5_000.0, TsneConfig.defaults().learningRateFor(60_000));
    }

    private static double meanDistance(float[][] a, float[][] b) {
        double s = 0;
        for (int i = 0; i < a.length; i++) {
            s += Math.sqrt(LayoutQuality.squaredDistance(a[i], b[i]));
        }
        return s / a.length;
    }

    private static double spread(float[][] layout) {
        double[] mean = new double[2];
        for (float[] p : layout) {
            mean[0] += p[0] / layout.length;
            mean[1] += p[1] / layout.length;
        }
        double s = 0;
        for (float[] p : layout) {
            s += (p[0] - mean[0]) * (p[0] - mean[0]) + (p[1] - mean[1]) * (p[1] - mean[1]);
        }
        return Math.sqrt(s / layout.length);
    }
}
