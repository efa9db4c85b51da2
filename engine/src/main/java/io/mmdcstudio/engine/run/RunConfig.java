package io.mmdcstudio.engine.run;

import io.mmdcstudio.gmm.MixtureTargets.MeanType;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Everything that defines an MMDC run. Immutable; the GUI edits one through {@link #with}-style copies and the
 * command line reads the same JSON ({@code RunConfigJson}). Start from a preset ({@link #preset}).
 *
 * <p>Where a CPU budget forces a departure from the reference (MMDC-ALGORITHM.md) it is a named field here,
 * and the {@code paper} preset sets the reference value.
 *
 * @param preset          the preset this config started from (informational)
 * @param clusters        k, the number of clusters
 * @param epochs          training epochs
 * @param inputSize       side in pixels of the square network input (images are resized to it)
 * @param network         backbone ({@link NetworkKind#REFERENCE} picks what the reference used for the data)
 * @param width           base channel width of the backbone (0 = the network's default)
 * @param embeddingDim    D, the embedding dimension (0 = k, as in the reference)
 * @param means           mixture means: one-hot (reference) or random
 * @param sigma           spread of the mixture targets (reference 0: the targets are the means)
 * @param rotation        whether rotation epochs run (the rotation head)
 * @param rotationShare   share of the training images a rotation epoch uses (1 = reference; CPU presets use less)
 * @param warmupEpochs    first epochs that train the rotation task alone, on every training image, before any
 *                        matching (0 = none, as in the reference); counted in {@code epochs}
 * @param refineFrom      one-based epoch from which k-means refinement replaces per-batch matching (0 = never)
 * @param kmeansRestarts  restarts of the refinement's k-means
 * @param batchSize       images per batch (B)
 * @param learningRate    SGD learning rate
 * @param momentum        SGD momentum
 * @param weightDecay     weight decay on convolution and linear weights (never on BatchNorm or biases)
 * @param schedule        learning-rate schedule
 * @param decayEpoch      one-based epoch of the STEP decay (0 = none)
 * @param decayFactor     STEP multiplier
 * @param trainSubset     train on this many images, then assign every image (0 = train on all; reference)
 * @param cropFractions   random-crop sides as shares of the image side
 * @param flip            random horizontal flip
 * @param rotationDegrees small random rotation of the training view, in degrees
 * @param colorJitter     colour jitter and random grayscale for colour images
 * @param keepBest        keep the epoch with the lowest label-free clustering loss instead of the last
 * @param seed            seed of every random choice of the run
 */
public record RunConfig(
        String preset,
        int clusters,
        int epochs,
        int inputSize,
        NetworkKind network,
        int width,
        int embeddingDim,
        MeanType means,
        double sigma,
        boolean rotation,
        double rotationShare,
        int warmupEpochs,
        int refineFrom,
        int kmeansRestarts,
        int batchSize,
        double learningRate,
        double momentum,
        double weightDecay,
        Schedule schedule,
        int decayEpoch,
        double decayFactor,
        int trainSubset,
        List<Double> cropFractions,
        boolean flip,
        double rotationDegrees,
        boolean colorJitter,
        boolean keepBest,
        long seed) {

    /** Names of the presets, in order of effort. */
    public static final List<String> PRESETS = List.of("quick", "balanced", "paper");

    public RunConfig {
        cropFractions = cropFractions == null ? List.of(1.0) : List.copyOf(cropFractions);
        preset = preset == null ? "custom" : preset;
        network = network == null ? NetworkKind.COMPACT : network;
        means = means == null ? MeanType.ONE_HOT : means;
        schedule = schedule == null ? Schedule.COSINE : schedule;
    }

    /**
     * A named preset for {@code clusters} clusters.
     *
     * <ul>
     *   <li>{@code quick}: minutes on 2 cores. Compact network (base width 16), a 20k-image training subset with
     *       every image assigned at the end, one warm-up epoch of the rotation task alone, then rotation on a
     *       quarter of the images per epoch, milder crops (100, 87.5
     *       or 75% of the side) and a ±10° rotation for grayscale, cosine schedule, no refinement (it lowered
     *       accuracy on Fashion-MNIST), and the epoch with the tightest clusters kept. Measured choices: see
     *       docs/BENCHMARKS.md.
     *   <li>{@code balanced}: the same recipe with a wider network (base width 24), a 40k-image subset and 11
     *       epochs (one of them warm-up): several times the work of quick, for a few points of accuracy.
     *   <li>{@code paper}: the reference code's settings (VGG for grayscale / ResNet-18 for colour, batch 128,
     *       SGD 0.05 with step decay, refinement, all images, full rotation epochs). Hours to days on a CPU.
     * </ul>
     *
     * @param grayscale whether the data has one channel; the reference's recipe differs for MNIST-like data
     */
    public static RunConfig preset(String name, int clusters, boolean grayscale) {
        List<Double> crops = List.of(0.75, 0.625, 0.5);
        return switch (name.toLowerCase(Locale.ROOT)) {
            case "quick" -> new RunConfig("quick", clusters, 12, 32, NetworkKind.COMPACT, 16, 0, MeanType.ONE_HOT, 0,
                    true, 0.25, 1, 0, 5, 256, 0.05, 0.9, 5e-4, Schedule.COSINE, 0, 0.1, 20_000,
                    List.of(1.0, 0.875, 0.75), true, grayscale ? 10 : 0, !grayscale, true, 1);
            case "balanced" -> new RunConfig("balanced", clusters, 11, 32, NetworkKind.COMPACT, 24, 0, MeanType.ONE_HOT, 0,
                    true, 0.25, 1, 0, 5, 256, 0.05, 0.9, 5e-4, Schedule.COSINE, 0, 0.1, 40_000,
                    List.of(1.0, 0.875, 0.75), true, grayscale ? 10 : 0, !grayscale, true, 1);
            case "paper" -> grayscale
                    ? new RunConfig("paper", clusters, 50, 32, NetworkKind.REFERENCE, 0, 0, MeanType.ONE_HOT, 0,
                            false, 1.0, 0, 20, 10, 128, 0.05, 0.9, weightDecayFor(clusters), Schedule.STEP, 40, 0.1, 0,
                            crops, true, 25, false, false, 1)
                    : new RunConfig("paper", clusters, 400, 32, NetworkKind.REFERENCE, 0, 0, MeanType.ONE_HOT, 0,
                            true, 1.0, 0, 350, 10, 128, 0.05, 0.9, weightDecayFor(clusters), Schedule.STEP, 300, 0.2, 0,
                            crops, true, 0, true, false, 1);
            default -> throw new IllegalArgumentException(
                    "Unknown preset '" + name + "'; choose one of " + String.join(", ", PRESETS));
        };
    }

    private static double weightDecayFor(int clusters) {
        return clusters >= 20 ? 1e-4 : 5e-4;
    }

    /** The embedding dimension actually used (D = k unless set). */
    public int effectiveEmbeddingDim() {
        return embeddingDim > 0 ? embeddingDim : clusters;
    }

    /** The base width actually used for the resolved network. */
    public int effectiveWidth(int channels) {
        return width > 0 ? width : network.resolve(channels).defaultWidth();
    }

    /** Every problem with this config, in words; empty when it is valid. */
    public List<String> problems() {
        List<String> p = new ArrayList<>();
        check(p, clusters >= 2, "clusters must be at least 2");
        check(p, epochs >= 1, "epochs must be at least 1");
        check(p, inputSize >= 16 && inputSize <= 512, "input size must lie between 16 and 512 pixels");
        check(p, width >= 0 && width <= 512, "width must lie between 0 (default) and 512");
        check(p, embeddingDim == 0 || embeddingDim >= (means == MeanType.ONE_HOT ? clusters : 2),
                "embedding dimension must be at least the number of clusters for one-hot means");
        check(p, sigma >= 0 && sigma <= 10, "sigma must lie between 0 and 10");
        check(p, rotationShare > 0 && rotationShare <= 1, "rotation share must lie in (0, 1]");
        check(p, refineFrom >= 0, "refinement epoch must be 0 (never) or positive");
        check(p, warmupEpochs >= 0 && warmupEpochs < epochs, "warm-up epochs must be fewer than the epochs");
        check(p, warmupEpochs == 0 || rotation, "warm-up epochs need the rotation task");
        check(p, kmeansRestarts >= 1, "k-means restarts must be at least 1");
        check(p, batchSize >= 2 && batchSize <= 4096, "batch size must lie between 2 and 4096");
        check(p, batchSize >= clusters, "batch size must be at least the number of clusters");
        check(p, learningRate > 0 && learningRate <= 10, "learning rate must lie in (0, 10]");
        check(p, momentum >= 0 && momentum < 1, "momentum must lie in [0, 1)");
        check(p, weightDecay >= 0 && weightDecay < 1, "weight decay must lie in [0, 1)");
        check(p, decayEpoch >= 0, "decay epoch must be 0 (never) or positive");
        check(p, decayFactor > 0 && decayFactor <= 1, "decay factor must lie in (0, 1]");
        check(p, trainSubset == 0 || trainSubset >= clusters, "training subset must be 0 (all) or at least k images");
        check(p, cropFractions.stream().allMatch(f -> f > 0 && f <= 1), "crop fractions must lie in (0, 1]");
        check(p, rotationDegrees >= 0 && rotationDegrees <= 180, "rotation degrees must lie in [0, 180]");
        return p;
    }

    /** Throws {@link IllegalArgumentException} listing every problem, if there is one. */
    public RunConfig validated() {
        List<String> p = problems();
        if (!p.isEmpty()) {
            throw new IllegalArgumentException("Invalid run configuration: " + String.join("; ", p));
        }
        return this;
    }

    private static void check(List<String> problems, boolean ok, String message) {
        if (!ok) {
            problems.add(message);
        }
    }

    /** A copy with another number of clusters. */
    public RunConfig withClusters(int k) {
        return toBuilder().clusters(k).build();
    }

    /** A copy with another number of epochs. */
    public RunConfig withEpochs(int n) {
        // A run shorter than its warm-up still trains the clusters: the warm-up gives way first.
        return toBuilder().epochs(n).warmupEpochs(Math.max(0, Math.min(warmupEpochs, n - 1))).build();
    }

    /** A copy with another seed. */
    public RunConfig withSeed(long s) {
        return toBuilder().seed(s).build();
    }

    /** A copy training on at most {@code n} images (0 = all). */
    public RunConfig withTrainSubset(int n) {
        return toBuilder().trainSubset(n).build();
    }

    /**
     * The CPU presets sized for a dataset of {@code images} images. A small folder gets a smaller batch and
     * proportionally more epochs, so that it receives about as many optimisation steps as the preset gives a
     * large one (a 1,000-image folder would otherwise see a few dozen steps), and its rotation epochs use as many
     * images as a large folder's. Other configs are returned as
     * they are: {@code paper} keeps the reference recipe, and a custom config is the user's choice.
     */
    public RunConfig scaledTo(int images) {
        if (!preset.equals("quick") && !preset.equals("balanced")) {
            return this;
        }
        int trained = trainSubset > 0 ? Math.min(images, trainSubset) : images;
        int batch = Math.max(32, Math.min(batchSize, trained / 16 / 8 * 8));
        if (batch >= batchSize) {
            return this;
        }
        double stepsWanted = epochs * (double) (trainSubset > 0 ? trainSubset : trained) / batchSize;
        int scaledEpochs = (int) Math.min(MAX_SCALED_EPOCHS, Math.max(epochs, Math.round(stepsWanted * batch / trained)));
        // Keep the rotation task's images per epoch: on a small folder that is every image, which is cheap there
        // and which the features need (on 1,000 Fashion-MNIST images a quarter per epoch gave ACC 0.35, all 0.51).
        double reference = trainSubset > 0 ? trainSubset : trained;
        double share = Math.min(1.0, rotationShare * reference / trained);
        return toBuilder().batchSize(batch).epochs(scaledEpochs).rotationShare(share).build();
    }

    /** Upper bound on the epochs {@link #scaledTo} gives a small folder. */
    public static final int MAX_SCALED_EPOCHS = 60;

    /** A builder holding this config's values, for edits of several fields. */
    public Builder toBuilder() {
        return new Builder(this);
    }

    /** Mutable copy of a {@link RunConfig}, one setter per field; {@link #build()} makes the record. */
    public static final class Builder {
        private String preset;
        private int clusters;
        private int epochs;
        private int inputSize;
        private NetworkKind network;
        private int width;
        private int embeddingDim;
        private MeanType means;
        private double sigma;
        private boolean rotation;
        private double rotationShare;
        private int warmupEpochs;
        private int refineFrom;
        private int kmeansRestarts;
        private int batchSize;
        private double learningRate;
        private double momentum;
        private double weightDecay;
        private Schedule schedule;
        private int decayEpoch;
        private double decayFactor;
        private int trainSubset;
        private List<Double> cropFractions;
        private boolean flip;
        private double rotationDegrees;
        private boolean colorJitter;
        private boolean keepBest;
        private long seed;

        private Builder(RunConfig c) {
            preset = c.preset();
            clusters = c.clusters();
            epochs = c.epochs();
            inputSize = c.inputSize();
            network = c.network();
            width = c.width();
            embeddingDim = c.embeddingDim();
            means = c.means();
            sigma = c.sigma();
            rotation = c.rotation();
            rotationShare = c.rotationShare();
            warmupEpochs = c.warmupEpochs();
            refineFrom = c.refineFrom();
            kmeansRestarts = c.kmeansRestarts();
            batchSize = c.batchSize();
            learningRate = c.learningRate();
            momentum = c.momentum();
            weightDecay = c.weightDecay();
            schedule = c.schedule();
            decayEpoch = c.decayEpoch();
            decayFactor = c.decayFactor();
            trainSubset = c.trainSubset();
            cropFractions = c.cropFractions();
            flip = c.flip();
            rotationDegrees = c.rotationDegrees();
            colorJitter = c.colorJitter();
            keepBest = c.keepBest();
            seed = c.seed();
        }

        /** Sets {@link RunConfig#preset()}. */
        public Builder preset(String value) {
            preset = value;
            return this;
        }

        /** Sets {@link RunConfig#clusters()}. */
        public Builder clusters(int value) {
            clusters = value;
            return this;
        }

        /** Sets {@link RunConfig#epochs()}. */
        public Builder epochs(int value) {
            epochs = value;
            return this;
        }

        /** Sets {@link RunConfig#inputSize()}. */
        public Builder inputSize(int value) {
            inputSize = value;
            return this;
        }

        /** Sets {@link RunConfig#network()}. */
        public Builder network(NetworkKind value) {
            network = value;
            return this;
        }

        /** Sets {@link RunConfig#width()}. */
        public Builder width(int value) {
            width = value;
            return this;
        }

        /** Sets {@link RunConfig#embeddingDim()}. */
        public Builder embeddingDim(int value) {
            embeddingDim = value;
            return this;
        }

        /** Sets {@link RunConfig#means()}. */
        public Builder means(MeanType value) {
            means = value;
            return this;
        }

        /** Sets {@link RunConfig#sigma()}. */
        public Builder sigma(double value) {
            sigma = value;
            return this;
        }

        /** Sets {@link RunConfig#rotation()}. */
        public Builder rotation(boolean value) {
            rotation = value;
            return this;
        }

        /** Sets {@link RunConfig#rotationShare()}. */
        public Builder rotationShare(double value) {
            rotationShare = value;
            return this;
        }

        /** Sets {@link RunConfig#warmupEpochs()}. */
        public Builder warmupEpochs(int value) {
            warmupEpochs = value;
            return this;
        }

        /** Sets {@link RunConfig#refineFrom()}. */
        public Builder refineFrom(int value) {
            refineFrom = value;
            return this;
        }

        /** Sets {@link RunConfig#kmeansRestarts()}. */
        public Builder kmeansRestarts(int value) {
            kmeansRestarts = value;
            return this;
        }

        /** Sets {@link RunConfig#batchSize()}. */
        public Builder batchSize(int value) {
            batchSize = value;
            return this;
        }

        /** Sets {@link RunConfig#learningRate()}. */
        public Builder learningRate(double value) {
            learningRate = value;
            return this;
        }

        /** Sets {@link RunConfig#momentum()}. */
        public Builder momentum(double value) {
            momentum = value;
            return this;
        }

        /** Sets {@link RunConfig#weightDecay()}. */
        public Builder weightDecay(double value) {
            weightDecay = value;
            return this;
        }

        /** Sets {@link RunConfig#schedule()}. */
        public Builder schedule(Schedule value) {
            schedule = value;
            return this;
        }

        /** Sets {@link RunConfig#decayEpoch()}. */
        public Builder decayEpoch(int value) {
            decayEpoch = value;
            return this;
        }

        /** Sets {@link RunConfig#decayFactor()}. */
        public Builder decayFactor(double value) {
            decayFactor = value;
            return this;
        }

        /** Sets {@link RunConfig#trainSubset()}. */
        public Builder trainSubset(int value) {
            trainSubset = value;
            return this;
        }

        /** Sets {@link RunConfig#cropFractions()}. */
        public Builder cropFractions(List<Double> value) {
            cropFractions = value;
            return this;
        }

        /** Sets {@link RunConfig#flip()}. */
        public Builder flip(boolean value) {
            flip = value;
            return this;
        }

        /** Sets {@link RunConfig#rotationDegrees()}. */
        public Builder rotationDegrees(double value) {
            rotationDegrees = value;
            return this;
        }

        /** Sets {@link RunConfig#colorJitter()}. */
        public Builder colorJitter(boolean value) {
            colorJitter = value;
            return this;
        }

        /** Sets {@link RunConfig#keepBest()}. */
        public Builder keepBest(boolean value) {
            keepBest = value;
            return this;
        }

        /** Sets {@link RunConfig#seed()}. */
        public Builder seed(long value) {
            seed = value;
            return this;
        }

        /** The config with the values set so far (not validated: see {@link RunConfig#problems()}). */
        public RunConfig build() {
            return new RunConfig(preset, clusters, epochs, inputSize, network, width, embeddingDim, means, sigma, rotation, rotationShare, warmupEpochs, refineFrom, kmeansRestarts, batchSize, learningRate, momentum, weightDecay, schedule, decayEpoch, decayFactor, trainSubset, cropFractions, flip, rotationDegrees, colorJitter, keepBest, seed);
        }
    }
}
