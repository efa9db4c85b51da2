package io.mmdcstudio.gmm;

import java.util.SplittableRandom;

/**
 * The MMDC Gaussian-mixture targets: {@code k} equally weighted components with unit-length means in
 * {@code R^D}, isotropic spread {@code sigma}, and samples projected back onto the unit sphere.
 *
 * <p>Every method is deterministic for a given seed.
 */
public final class MixtureTargets {

    /** Half-width of the uniform box the random means are drawn from, as in the reference code. */
    static final double RANDOM_MEAN_HALF_WIDTH = 0.1;

    private MixtureTargets() {
    }

    /** How the component means are chosen. */
    public enum MeanType {
        /** Mean {@code c} is the basis vector {@code e_c}; needs {@code dimension >= components}. */
        ONE_HOT,
        /** Each mean is drawn from {@code U(-0.1, 0.1)^D} and normalised to unit length. */
        RANDOM
    }

    /**
     * Shape of a mixture.
     *
     * @param components number of components {@code k} (≥ 1)
     * @param dimension embedding dimension {@code D} (≥ 1; ≥ {@code k} for one-hot means)
     * @param meanType how means are chosen
     * @param sigma standard deviation of the isotropic spread around each mean (≥ 0; 0 = the means)
     */
    public record MixtureSpec(int components, int dimension, MeanType meanType, double sigma) {

        /** Validates the shape; see the component descriptions for the rules. */
        public MixtureSpec {
            if (components < 1) {
                throw new IllegalArgumentException("components must be at least 1, got " + components);
            }
            if (dimension < 1) {
                throw new IllegalArgumentException("dimension must be at least 1, got " + dimension);
            }
            if (meanType == null) {
                throw new IllegalArgumentException("meanType must not be null");
            }
            if (meanType == MeanType.ONE_HOT && dimension < components) {
                throw new IllegalArgumentException("one-hot means need dimension >= components, got dimension "
                        + dimension + " for " + components + " components");
            }
            if (!(sigma >= 0) || Double.isInfinite(sigma)) {
                throw new IllegalArgumentException("sigma must be a finite value >= 0, got " + sigma);
            }
        }
    }

    /**
     * Targets drawn from a mixture, one per image.
     *
     * @param targets unit-length target vectors, {@code targets[i]} for image {@code i}
     * @param components the component each target was drawn from (same order as {@code targets})
     */
    public record SampledTargets(float[][] targets, int[] components) {

        /** Checks that both arrays describe the same targets. */
        public SampledTargets {
            if (targets == null || components == null || targets.length != components.length) {
                throw new IllegalArgumentException("targets and components must be non-null and of equal length");
            }
        }
    }

    /**
     * The component means, each of unit length.
     *
     * @param spec the mixture shape
     * @param seed seed for {@link MeanType#RANDOM} means; one-hot means ignore it
     * @return {@code k} rows of length {@code D}
     */
    public static float[][] means(MixtureSpec spec, long seed) {
        int k = spec.components();
        int dim = spec.dimension();
        float[][] means = new float[k][dim];
        if (spec.meanType() == MeanType.ONE_HOT) {
            for (int c = 0; c < k; c++) {
                means[c][c] = 1f;
            }
            return means;
        }
        SplittableRandom random = new SplittableRandom(seed);
        for (float[] mean : means) {
            drawRandomMean(random, mean);
        }
        return means;
    }

    /** Fills {@code mean} with a uniform draw projected onto the unit sphere, redrawing a zero vector. */
    private static void drawRandomMean(SplittableRandom random, float[] mean) {
        do {
            for (int d = 0; d < mean.length; d++) {
                mean[d] = (float) random.nextDouble(-RANDOM_MEAN_HALF_WIDTH, RANDOM_MEAN_HALF_WIDTH);
            }
        } while (!normalise(mean));
    }

    /**
     * Samples {@code n} targets, shuffled, with the components balanced.
     *
     * <p>The reference code draws each target's component independently and uniformly. Here the counts
     * are balanced on purpose: every component gets {@code floor(n/k)} or {@code ceil(n/k)} targets (the
     * components that get one extra are chosen at random), then the order is shuffled. Each target's
     * component is still uniform marginally, but the random cluster-size imbalance of independent draws
     * (about {@code sqrt(n/k)} per component) is removed, and balance is what MMDC relies on.
     *
     * @param spec the mixture shape
     * @param means the component means, as from {@link #means}
     * @param n number of targets (≥ 0)
     * @param seed seed of the draw
     * @return targets on the unit sphere with their components, in shuffled order
     */
    public static SampledTargets sample(MixtureSpec spec, float[][] means, int n, long seed) {
        requireMeans(spec, means);
        if (n < 0) {
            throw new IllegalArgumentException("n must be >= 0, got " + n);
        }
        SplittableRandom random = new SplittableRandom(seed);
        int[] components = balancedComponents(spec.components(), n, random);
        float[][] targets = new float[n][];
        for (int i = 0; i < n; i++) {
            targets[i] = drawAround(means[components[i]], spec.sigma(), random);
        }
        return new SampledTargets(targets, components);
    }

    /** Component labels with counts {@code floor(n/k)} or {@code ceil(n/k)}, in random order. */
    static int[] balancedComponents(int k, int n, SplittableRandom random) {
        int[] extraOrder = identity(k);
        shuffle(extraOrder, random);
        int[] components = new int[n];
        int base = n / k;
        int position = 0;
        for (int c = 0; c < k; c++) {
            for (int r = 0; r < base; r++) {
                components[position++] = c;
            }
        }
        for (int r = 0; position < n; r++) {
            components[position++] = extraOrder[r];
        }
        shuffle(components, random);
        return components;
    }

    /** {@code mean + sigma * N(0, I)}, renormalised to unit length; a zero draw is redrawn. */
    private static float[] drawAround(float[] mean, double sigma, SplittableRandom random) {
        float[] target = mean.clone();
        if (sigma == 0) {
            return target;
        }
        do {
            for (int d = 0; d < target.length; d++) {
                target[d] = (float) (mean[d] + sigma * random.nextGaussian());
            }
        } while (!normalise(target));
        return target;
    }

    /**
     * Read-out: the index of the nearest mean. Because every mean has unit length,
     * {@code |x - m|^2 = |x|^2 - 2 x·m + 1}, so the nearest mean is the one with the largest dot product
     * whatever the length of {@code x} (with one-hot means: the arg-max coordinate). Ties go to the lower
     * index.
     *
     * @param x an embedding of length {@code D}
     * @param means unit-length means
     * @return the index of the nearest mean
     */
    public static int nearestMean(float[] x, float[][] means) {
        requireComparable(x, means);
        int best = 0;
        double bestDot = Double.NEGATIVE_INFINITY;
        for (int c = 0; c < means.length; c++) {
            double dot = dot(x, means[c]);
            if (dot > bestDot) {
                bestDot = dot;
                best = c;
            }
        }
        return best;
    }

    /**
     * {@link #nearestMean} for each row.
     *
     * @param xs embeddings, one per row
     * @param means unit-length means
     * @return nearest-mean index per row
     */
    public static int[] nearestMeans(float[][] xs, float[][] means) {
        int[] out = new int[xs.length];
        for (int i = 0; i < xs.length; i++) {
            out[i] = nearestMean(xs[i], means);
        }
        return out;
    }

    /**
     * How clearly {@code x} belongs to its nearest mean, in [0, 1], without a softmax temperature:
     * {@code (d2 - d1) / (d2 + d1)} where {@code d1 <= d2} are the squared distances to the nearest and
     * second-nearest means. 1 means {@code x} sits exactly on a mean; 0 means it is equally far from the
     * two nearest means (a coin flip). With a single component the answer is 1.
     *
     * @param x an embedding of length {@code D}
     * @param means unit-length means
     * @return the relative distance margin, in [0, 1]
     */
    public static double confidence(float[] x, float[][] means) {
        requireComparable(x, means);
        if (means.length == 1) {
            return 1.0;
        }
        double d1 = Double.POSITIVE_INFINITY;
        double d2 = Double.POSITIVE_INFINITY;
        for (float[] mean : means) {
            double d = squaredDistance(x, mean);
            if (d < d1) {
                d2 = d1;
                d1 = d;
            } else if (d < d2) {
                d2 = d;
            }
        }
        double sum = d1 + d2;
        // Both zero only when two means coincide with x: as ambiguous as it gets.
        return sum == 0 ? 0.0 : (d2 - d1) / sum;
    }

    private static void requireComparable(float[] x, float[][] means) {
        if (means.length == 0) {
            throw new IllegalArgumentException("at least one mean is needed");
        }
        for (float[] mean : means) {
            if (mean.length != x.length) {
                throw new IllegalArgumentException("embedding length " + x.length
                        + " differs from mean length " + mean.length);
            }
        }
    }

    private static void requireMeans(MixtureSpec spec, float[][] means) {
        if (means == null || means.length != spec.components()) {
            throw new IllegalArgumentException("expected " + spec.components() + " means, got "
                    + (means == null ? "null" : means.length));
        }
        for (int c = 0; c < means.length; c++) {
            if (means[c] == null || means[c].length != spec.dimension()) {
                throw new IllegalArgumentException("mean " + c + " must have length " + spec.dimension());
            }
        }
    }

    /** Scales {@code v} to unit length in place; returns false (leaving it unchanged) for a zero vector. */
    private static boolean normalise(float[] v) {
        double norm = Math.sqrt(dot(v, v));
        if (norm == 0 || !Double.isFinite(norm)) {
            return false;
        }
        for (int d = 0; d < v.length; d++) {
            v[d] = (float) (v[d] / norm);
        }
        return true;
    }

    private static double dot(float[] a, float[] b) {
        double sum = 0;
        for (int i = 0; i < a.length; i++) {
            sum += (double) a[i] * b[i];
        }
        return sum;
    }

    private static double squaredDistance(float[] a, float[] b) {
        double sum = 0;
        for (int i = 0; i < a.length; i++) {
            double diff = (double) a[i] - b[i];
            sum += diff * diff;
        }
        return sum;
    }

    private static int[] identity(int n) {
        int[] out = new int[n];
        for (int i = 0; i < n; i++) {
            out[i] = i;
        }
        return out;
    }

    /** Fisher–Yates shuffle. */
    private static void shuffle(int[] values, SplittableRandom random) {
        for (int i = values.length - 1; i > 0; i--) {
            int j = random.nextInt(i + 1);
            int tmp = values[i];
            values[i] = values[j];
            values[j] = tmp;
        }
    }
}
