package io.mmdcstudio.engine.map;

/**
 * Settings of a t-SNE layout. Immutable and validated; start from {@link #defaults()} or
 * {@link #besideTraining()} and change what you need with the {@code with...} methods.
 *
 * @param perplexity             effective number of neighbours each point cares about (5 to 50 is usual);
 *                               lowered automatically for tiny inputs
 * @param iterations             gradient-descent iterations of a cold start (no {@code initial} layout)
 * @param earlyExaggeration      factor on the attractive forces during the first iterations of a cold start
 * @param exaggerationIterations how many iterations the exaggeration lasts (momentum is 0.5 during them, 0.8 after)
 * @param learningRate           step size; 0 means automatic: {@code max(N / 12, 200)} as in openTSNE
 * @param theta                  Barnes–Hut accuracy (0.5 is standard; smaller is slower and more exact)
 * @param exactBelow             below this many embedded points the exact O(N²) affinities and gradient are used
 * @param interpolateAbove       from this many embedded points on, the repulsive forces come from FFT-accelerated
 *                               interpolation on a grid (FIt-SNE) instead of Barnes–Hut
 * @param maxEmbedded            above this many points, t-SNE lays out a seeded random subsample of this size and
 *                               places every other point beside its nearest embedded neighbours
 * @param threads                worker threads (the calling thread counts as one)
 * @param seed                   seed of the subsample and of the random start when PCA can't give one
 * @param incrementalIterations  iterations when continuing from a previous layout (no exaggeration)
 * @param cpuShare               in (0, 1]: below 1 the layout pauses between iterations so that on average it
 *                               uses at most this share of one core (all its threads together), and training
 *                               beside it keeps its speed; 1 means no limit
 */
public record TsneConfig(double perplexity, int iterations, double earlyExaggeration, int exaggerationIterations,
        double learningRate, double theta, int exactBelow, int interpolateAbove, int maxEmbedded, int threads,
        long seed, int incrementalIterations, double cpuShare) {

    /** Default subsample size above which points are placed rather than embedded. */
    public static final int DEFAULT_MAX_EMBEDDED = 10_000;

    /** Validates every setting. */
    public TsneConfig {
        require(perplexity >= 1 && perplexity <= 1000, "perplexity must be in [1, 1000]");
        require(iterations >= 0, "iterations must be >= 0");
        require(earlyExaggeration >= 1, "earlyExaggeration must be >= 1");
        require(exaggerationIterations >= 0, "exaggerationIterations must be >= 0");
        require(learningRate >= 0 && Double.isFinite(learningRate), "learningRate must be >= 0 (0 = automatic)");
        require(theta > 0 && theta <= 2, "theta must be in (0, 2]");
        require(exactBelow >= 0, "exactBelow must be >= 0");
        require(interpolateAbove >= 0, "interpolateAbove must be >= 0");
        require(maxEmbedded >= 2, "maxEmbedded must be >= 2");
        require(threads >= 1 && threads <= 256, "threads must be in [1, 256]");
        require(incrementalIterations >= 0, "incrementalIterations must be >= 0");
        require(cpuShare > 0 && cpuShare <= 1, "cpuShare must be in (0, 1]");
    }

    private static void require(boolean ok, String message) {
        if (!ok) {
            throw new IllegalArgumentException(message);
        }
    }

    /** Standard t-SNE settings on every core, as fast as the machine allows (e.g. the {@code mmdc map} command). */
    public static TsneConfig defaults() {
        // Thresholds measured on Fashion-MNIST embeddings (one thread, 500 iterations): exact beats Barnes–Hut in
        // quality for a cost under a second below 500 points; interpolation overtakes Barnes–Hut at about 4,000.
        return new TsneConfig(30, 500, 12, 250, 0, 0.5, 500, 4_000, DEFAULT_MAX_EMBEDDED,
                Runtime.getRuntime().availableProcessors(), 1, 200, 1.0);
    }

    /**
     * Settings for a map redrawn while training runs: one thread that uses a twentieth of one core on average.
     * Measured on two cores (bench/map/run.sh): a map thread costs training about twice its share of the CPU,
     * because PyTorch's threads wait for each other when one of them is preempted (flat out, the map got 0.34
     * cores and cost about 40%; at a tenth of a core, about 10%). A 10,000-point map then takes about a minute
     * (incremental) to two (cold start); smaller maps are quicker in proportion.
     */
    public static TsneConfig besideTraining() {
        return defaults().withThreads(1).withCpuShare(0.05);
    }

    /** Learning rate for {@code n} embedded points: the configured one, or {@code max(n / 12, 200)}. */
    public double learningRateFor(int n) {
        return learningRate > 0 ? learningRate : Math.max(n / 12.0, 200.0);
    }

    /** A copy with another perplexity. */
    public TsneConfig withPerplexity(double value) {
        return new TsneConfig(value, iterations, earlyExaggeration, exaggerationIterations, learningRate, theta,
                exactBelow, interpolateAbove, maxEmbedded, threads, seed, incrementalIterations, cpuShare);
    }

    /** A copy with another number of cold-start iterations. */
    public TsneConfig withIterations(int value) {
        return new TsneConfig(perplexity, value, earlyExaggeration, exaggerationIterations, learningRate, theta,
                exactBelow, interpolateAbove, maxEmbedded, threads, seed, incrementalIterations, cpuShare);
    }

    /** A copy with another early exaggeration: its factor and how many iterations it lasts. */
    public TsneConfig withExaggeration(double factor, int forIterations) {
        return new TsneConfig(perplexity, iterations, factor, forIterations, learningRate, theta,
                exactBelow, interpolateAbove, maxEmbedded, threads, seed, incrementalIterations, cpuShare);
    }

    /** A copy with another number of iterations for incremental layouts. */
    public TsneConfig withIncrementalIterations(int value) {
        return new TsneConfig(perplexity, iterations, earlyExaggeration, exaggerationIterations, learningRate, theta,
                exactBelow, interpolateAbove, maxEmbedded, threads, seed, value, cpuShare);
    }

    /** A copy with other thresholds for the exact and the interpolated gradient. */
    public TsneConfig withGradientThresholds(int newExactBelow, int newInterpolateAbove) {
        return new TsneConfig(perplexity, iterations, earlyExaggeration, exaggerationIterations, learningRate, theta,
                newExactBelow, newInterpolateAbove, maxEmbedded, threads, seed, incrementalIterations, cpuShare);
    }

    /** A copy with another subsample size. */
    public TsneConfig withMaxEmbedded(int value) {
        return new TsneConfig(perplexity, iterations, earlyExaggeration, exaggerationIterations, learningRate, theta,
                exactBelow, interpolateAbove, value, threads, seed, incrementalIterations, cpuShare);
    }

    /** A copy with another number of threads. */
    public TsneConfig withThreads(int value) {
        return new TsneConfig(perplexity, iterations, earlyExaggeration, exaggerationIterations, learningRate, theta,
                exactBelow, interpolateAbove, maxEmbedded, value, seed, incrementalIterations, cpuShare);
    }

    /** A copy with another seed. */
    public TsneConfig withSeed(long value) {
        return new TsneConfig(perplexity, iterations, earlyExaggeration, exaggerationIterations, learningRate, theta,
                exactBelow, interpolateAbove, maxEmbedded, threads, value, incrementalIterations, cpuShare);
    }

    /** A copy with another CPU share. */
    public TsneConfig withCpuShare(double value) {
        return new TsneConfig(perplexity, iterations, earlyExaggeration, exaggerationIterations, learningRate, theta,
                exactBelow, interpolateAbove, maxEmbedded, threads, seed, incrementalIterations, value);
    }
}
