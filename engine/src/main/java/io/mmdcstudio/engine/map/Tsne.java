package io.mmdcstudio.engine.map;

import io.mmdcstudio.engine.io.BackgroundPriority;
import io.mmdcstudio.gmm.Pca;
import java.util.Arrays;
import java.util.Locale;
import java.util.Objects;
import java.util.SplittableRandom;
import java.util.function.BooleanSupplier;

/**
 * t-SNE (van der Maaten and Hinton 2008) for the map: plain Java, multi-threaded, deterministic for a seed whatever
 * the number of threads.
 *
 * <ul>
 *   <li>Input affinities: exact k nearest neighbours ({@code k = 3 · perplexity}, every other point for small
 *       inputs), a Gaussian per point calibrated by binary search to the perplexity, symmetrised.</li>
 *   <li>Repulsion: exact below {@link TsneConfig#exactBelow()} points, Barnes–Hut (quadtree) up to
 *       {@link TsneConfig#interpolateAbove()}, FFT-accelerated interpolation (FIt-SNE) from there on.</li>
 *   <li>Optimisation: early exaggeration with momentum 0.5, then momentum 0.8; per-coordinate gains.</li>
 *   <li>Incremental: given the previous layout, it starts there, without exaggeration and with fewer iterations,
 *       so that successive maps (one per epoch) move smoothly instead of jumping.</li>
 *   <li>Large inputs: above {@link TsneConfig#maxEmbedded()} points a seeded random subsample is embedded and every
 *       other point placed at the inverse-distance-weighted mean of its 5 nearest embedded neighbours (in the
 *       input space), so every point still gets a position.</li>
 * </ul>
 */
public final class Tsne {

    private static final int PROGRESS_EVERY = 10;
    private static final int PLACEMENT_NEIGHBOURS = 5;
    /** Spread of the starting layout: tiny, so that the first iterations are driven by P alone (openTSNE). */
    private static final double INITIAL_STD = 1e-4;

    private final TsneConfig config;
    /**
     * How far below the thread that asks for it a map beside training runs: five nice levels. The window asks from a
     * thread at training's priority, so the map runs five below training. Not the lowest (19): a Java thread far
     * below the others, runnable but waiting for a core, held up every stop-the-world safepoint, and with it the FX
     * thread, for up to 24 ms (-XX:+SafepointTimeout named it); five below, the wait was at most 4-10 ms. The
     * throttle keeps its share of a core small either way (docs/BENCHMARKS.md, sections 5 and 6).
     */
    static final int BACKGROUND_STEPS = 5;
    /** The one background thread of maps beside training; daemon. Each map lowers it as far as it needs. */
    private static final java.util.concurrent.ExecutorService BACKGROUND =
            java.util.concurrent.Executors.newSingleThreadExecutor(r -> {
                Thread t = new Thread(r, "mmdc-map-background");
                t.setDaemon(true);
                return t;
            });

    private final Workers workers;
    private final MapProgress progress;
    private final BooleanSupplier stop;

    private Tsne(TsneConfig config, Workers workers, MapProgress progress, BooleanSupplier stop) {
        this.config = config;
        this.workers = workers;
        this.progress = progress;
        this.stop = stop;
    }

    /**
     * Lays out {@code points} in 2-D.
     *
     * @param points    one row per point, all of the same dimension (not modified)
     * @param config    settings
     * @param initial   null for a cold start (from PCA); else the previous layout of the same points, one
     *                  {@code (x, y)} row per point, to continue from (incremental mode; a layout with every
     *                  point in one place counts as none)
     * @param progress  progress events, on the calling thread; may be null
     * @param cancelled polled between iterations and between chunks of preparatory work, also from the map's
     *                  worker threads (so it must be thread-safe); may be null. Interrupting the calling thread
     *                  cancels too.
     * @return the layout of every point; marked cancelled (holding the positions reached) when stopped early
     * @throws IllegalArgumentException when the rows are ragged, hold non-finite values, or {@code initial} doesn't
     *                                  match
     */
    public static MapLayout layout(float[][] points, TsneConfig config, float[][] initial, MapProgress progress,
            BooleanSupplier cancelled) {
        Objects.requireNonNull(points, "points");
        Objects.requireNonNull(config, "config");
        checkInput(points, initial);
        Thread caller = Thread.currentThread();
        BooleanSupplier userStop = cancelled == null ? () -> false : cancelled;
        java.util.concurrent.atomic.AtomicBoolean callerGaveUp = new java.util.concurrent.atomic.AtomicBoolean();
        BooleanSupplier stop = () -> callerGaveUp.get() || caller.isInterrupted() || userStop.getAsBoolean();
        if (points.length == 0) {
            return new MapLayout(new float[0][], false, 0, null, Double.NaN, 0, false);
        }
        MapProgress reporter = progress == null ? MapProgress.NONE : progress;
        if (config.cpuShare() < 1) {
            int nice = Math.min(19, BackgroundPriority.currentNice() + BACKGROUND_STEPS);
            return inBackground(() -> {
                if (BackgroundPriority.currentNice() < nice) {
                    BackgroundPriority.lowerCurrentThread(nice); // one-way: a later map from a higher thread keeps it
                }
                return compute(points, config, initial, reporter, stop);
            }, callerGaveUp);
        }
        return compute(points, config, initial, reporter, stop);
    }

    private static MapLayout compute(float[][] points, TsneConfig config, float[][] initial, MapProgress progress,
            BooleanSupplier stop) {
        try (Workers workers = new Workers(config.threads())) {
            return new Tsne(config, workers, progress, stop).run(points, initial);
        }
    }

    /**
     * A map beside training runs on a thread below the caller's priority ({@link #BACKGROUND_STEPS},
     * {@link BackgroundPriority}): the throttle bounds its share of a core, the priority keeps it from preempting
     * training's threads (measured: 14% of training throughput with the throttle alone, 2-7% with both;
     * docs/BENCHMARKS.md). The caller waits; its interrupt still cancels.
     */
    private static MapLayout inBackground(java.util.concurrent.Callable<MapLayout> work,
            java.util.concurrent.atomic.AtomicBoolean callerGaveUp) {
        java.util.concurrent.Future<MapLayout> future = BACKGROUND.submit(work);
        boolean interrupted = false;
        try {
            while (true) {
                try {
                    return future.get();
                } catch (InterruptedException e) {
                    interrupted = true; // get() cleared the flag the stop check reads: cancel explicitly, then wait
                    callerGaveUp.set(true);
                }
            }
        } catch (java.util.concurrent.ExecutionException e) {
            if (e.getCause() instanceof RuntimeException r) {
                throw r;
            }
            if (e.getCause() instanceof Error err) {
                throw err;
            }
            throw new IllegalStateException(e.getCause());
        } finally {
            if (interrupted) {
                Thread.currentThread().interrupt();
            }
        }
    }

    private static void checkInput(float[][] points, float[][] initial) {
        int dim = points.length == 0 ? 0 : points[0].length;
        for (float[] row : points) {
            if (row == null || row.length != dim || dim == 0) {
                throw new IllegalArgumentException("points must be rows of one positive dimension");
            }
            for (float v : row) {
                if (!Float.isFinite(v)) {
                    throw new IllegalArgumentException("points hold a NaN or infinite value");
                }
            }
        }
        if (initial != null) {
            if (initial.length != points.length) {
                throw new IllegalArgumentException("initial layout has " + initial.length + " rows for "
                        + points.length + " points");
            }
            for (float[] row : initial) {
                if (row == null || row.length != 2 || !Float.isFinite(row[0]) || !Float.isFinite(row[1])) {
                    throw new IllegalArgumentException("initial layout rows must be finite (x, y) pairs");
                }
            }
        }
    }

    private MapLayout run(float[][] points, float[][] initial) {
        int n = points.length;
        int[] sample = n > config.maxEmbedded() ? Sampling.subsample(n, config.maxEmbedded(), config.seed()) : null;
        float[][] embedded = sample == null ? points : Sampling.rows(points, sample);
        boolean incremental = initial != null && spread(initial) > 0;
        float[][] start = incremental ? initial : coldStart(points);
        double[] y = flatten(start, sample);
        Throttle throttle = new Throttle(config.cpuShare(), workers, stop);
        Descent outcome;
        try {
            outcome = optimise(embedded, y, incremental, throttle);
        } catch (Cancelled c) {
            return finish(start, sample, y, null, new Descent(Double.NaN, 0, true));
        }
        if (sample == null || outcome.cancelled()) {
            return finish(start, sample, y, null, outcome);
        }
        try {
            throttle.begin();
            float[][] placed = place(points, sample, embedded, y);
            throttle.end();
            return finish(start, sample, y, placed, outcome);
        } catch (Cancelled c) {
            return finish(start, sample, y, null, new Descent(outcome.kl(), outcome.iterations(), true));
        }
    }

    /** What the gradient descent did. */
    private record Descent(double kl, int iterations, boolean cancelled) {}

    private Descent optimise(float[][] embedded, double[] y, boolean incremental, Throttle throttle) {
        int m = embedded.length;
        if (m < 2) {
            Arrays.fill(y, 0);
            return new Descent(Double.NaN, 0, false);
        }
        boolean exact = m < config.exactBelow();
        // Perplexity can't exceed the number of neighbours (openTSNE lowers it the same way for tiny inputs).
        double perplexity = Math.max(1, Math.min(config.perplexity(), (m - 1) / 3.0));
        int k = exact ? m - 1 : Math.min(m - 1, (int) Math.ceil(3 * perplexity));
        throttle.begin();
        NearestNeighbours.Result knn = NearestNeighbours.ofEach(embedded, k, workers, stop);
        Affinities p = Affinities.of(knn, m, perplexity, workers);
        throttle.end();
        Repulsion repulsion = exact ? new ExactRepulsion()
                : m >= config.interpolateAbove() ? new InterpolatedRepulsion()
                : new BarnesHutRepulsion(config.theta());
        return descend(new GradientDescent(p, y, repulsion, workers), m, incremental, throttle);
    }

    private Descent descend(GradientDescent descent, int m, boolean incremental, Throttle throttle) {
        int total = incremental ? config.incrementalIterations() : config.iterations();
        int exaggerated = incremental ? 0 : Math.min(config.exaggerationIterations(), total);
        double rate = config.learningRateFor(m);
        double kl = Double.NaN;
        for (int it = 0; it < total; it++) {
            if (stop.getAsBoolean()) {
                return new Descent(kl, it, true);
            }
            throttle.begin();
            boolean report = (it + 1) % PROGRESS_EVERY == 0 || it + 1 == total;
            boolean early = it < exaggerated;
            double value = descent.step(early ? config.earlyExaggeration() : 1, early ? 0.5 : 0.8, rate, report);
            if (report) {
                kl = value;
                progress.update(it + 1, total, kl);
            }
            throttle.end();
        }
        return new Descent(descent.klDivergence(), total, false);
    }

    /** Every point not embedded, at the inverse-distance-weighted mean of its nearest embedded neighbours. */
    private float[][] place(float[][] points, int[] sample, float[][] embedded, double[] y) {
        int[] others = Sampling.complement(points.length, sample);
        float[][] queries = Sampling.rows(points, others);
        int k = Math.min(PLACEMENT_NEIGHBOURS, embedded.length);
        NearestNeighbours.Result knn = NearestNeighbours.among(queries, embedded, k, workers, stop);
        float[][] positions = new float[points.length][];
        for (int s = 0; s < sample.length; s++) {
            positions[sample[s]] = new float[] {(float) y[2 * s], (float) y[2 * s + 1]};
        }
        for (int o = 0; o < others.length; o++) {
            positions[others[o]] = weightedMean(knn, o, y);
        }
        return positions;
    }

    private static float[] weightedMean(NearestNeighbours.Result knn, int query, double[] y) {
        int k = knn.k();
        double sx = 0;
        double sy = 0;
        double sw = 0;
        for (int j = 0; j < k; j++) {
            int s = knn.indices()[query * k + j];
            double d2 = knn.squaredDistances()[query * k + j];
            if (d2 == 0) { // a duplicate of an embedded point goes exactly where it is
                return new float[] {(float) y[2 * s], (float) y[2 * s + 1]};
            }
            double w = 1 / Math.sqrt(d2);
            sx += w * y[2 * s];
            sy += w * y[2 * s + 1];
            sw += w;
        }
        return new float[] {(float) (sx / sw), (float) (sy / sw)};
    }

    private MapLayout finish(float[][] start, int[] sample, double[] y, float[][] placed, Descent d) {
        int n = start.length;
        float[][] positions = placed;
        if (positions == null) {
            // All embedded, or stopped before the others could be placed: they keep their starting positions.
            positions = new float[n][];
            for (int i = 0; i < n; i++) {
                positions[i] = start[i].clone();
            }
            int m = sample == null ? n : sample.length;
            for (int s = 0; s < m; s++) {
                int i = sample == null ? s : sample[s];
                positions[i] = new float[] {(float) y[2 * s], (float) y[2 * s + 1]};
            }
        }
        int embedded = sample == null ? n : sample.length;
        String notice = sample == null ? null : String.format(Locale.ROOT,
                "Map shows t-SNE of %,d of %,d images; the others are placed next to their nearest neighbours.",
                embedded, n);
        return new MapLayout(positions, sample != null, embedded, notice, d.kl(), d.iterations(), d.cancelled());
    }

    /** The embedded points' starting coordinates, interleaved (x of point s at 2s). */
    private static double[] flatten(float[][] start, int[] sample) {
        int m = sample == null ? start.length : sample.length;
        double[] y = new double[2 * m];
        for (int s = 0; s < m; s++) {
            float[] row = start[sample == null ? s : sample[s]];
            y[2 * s] = row[0];
            y[2 * s + 1] = row[1];
        }
        return y;
    }

    /**
     * The first two principal components, scaled so that the first has standard deviation 1e-4: a start that
     * already shows the coarse structure and makes runs reproducible (Kobak and Linderman 2021). Degenerate data
     * (constant, or one-dimensional) gets seeded Gaussian noise where PCA has nothing to say.
     */
    private float[][] coldStart(float[][] points) {
        int n = points.length;
        int dim = points[0].length;
        float[][] pcs = n >= 2 ? Pca.fit(points, Math.min(2, dim), config.seed()).transform(points) : new float[n][0];
        double std = n >= 2 ? columnStd(pcs, 0) : 0;
        SplittableRandom random = new SplittableRandom(config.seed());
        float[][] start = new float[n][2];
        for (int i = 0; i < n; i++) {
            for (int c = 0; c < 2; c++) {
                boolean fromPca = std > 0 && c < pcs[i].length;
                start[i][c] = (float) (fromPca ? pcs[i][c] * INITIAL_STD / std : gaussian(random) * INITIAL_STD);
            }
        }
        return start;
    }

    private static double columnStd(float[][] rows, int c) {
        double mean = 0;
        for (float[] r : rows) {
            mean += r[c];
        }
        mean /= rows.length;
        double var = 0;
        for (float[] r : rows) {
            var += (r[c] - mean) * (r[c] - mean);
        }
        return Math.sqrt(var / rows.length);
    }

    private static double gaussian(SplittableRandom random) {
        double u = 1 - random.nextDouble();
        return Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * random.nextDouble());
    }

    /** Root-mean-square distance from the centroid; 0 for a layout with all points in one place. */
    private static double spread(float[][] layout) {
        double mx = 0;
        double my = 0;
        for (float[] r : layout) {
            mx += r[0];
            my += r[1];
        }
        mx /= layout.length;
        my /= layout.length;
        double s = 0;
        for (float[] r : layout) {
            s += (r[0] - mx) * (r[0] - mx) + (r[1] - my) * (r[1] - my);
        }
        return Math.sqrt(s / layout.length);
    }
}
