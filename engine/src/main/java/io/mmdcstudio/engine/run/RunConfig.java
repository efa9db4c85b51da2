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
     *   <li>{@code quick}: minutes on 2 cores. Compact network, 20k-image training subset, rotation on a quarter
     *       of the images per epoch, cosine schedule, no refinement (it lowered accuracy on Fashion-MNIST).
     *   <li>{@code balanced}: a wider network, more images and epochs; still CPU-sized.
     *   <li>{@code paper}: the reference code's settings (VGG for grayscale / ResNet-18 for colour, batch 128,
     *       SGD 0.05 with step decay, refinement, all images, full rotation epochs). Hours to days on a CPU.
     * </ul>
     *
     * @param grayscale whether the data has one channel; the reference's recipe differs for MNIST-like data
     */
    public static RunConfig preset(String name, int clusters, boolean grayscale) {
        List<Double> crops = List.of(0.75, 0.625, 0.5);
        double rot = grayscale ? 20 : 0;
        return switch (name.toLowerCase(Locale.ROOT)) {
            case "quick" -> new RunConfig("quick", clusters, 6, 32, NetworkKind.COMPACT, 16, 0, MeanType.ONE_HOT, 0,
                    true, 0.25, 0, 5, 256, 0.05, 0.9, 5e-4, Schedule.COSINE, 0, 0.1, 20_000,
                    List.of(0.875, 0.75, 0.625), true, rot, !grayscale, true, 1);
            case "balanced" -> new RunConfig("balanced", clusters, 12, 32, NetworkKind.COMPACT, 24, 0, MeanType.ONE_HOT, 0,
                    true, 0.5, 0, 5, 256, 0.05, 0.9, 5e-4, Schedule.COSINE, 0, 0.1, 40_000,
                    List.of(0.875, 0.75, 0.625), true, rot, !grayscale, true, 1);
            case "paper" -> grayscale
                    ? new RunConfig("paper", clusters, 50, 32, NetworkKind.REFERENCE, 0, 0, MeanType.ONE_HOT, 0,
                            false, 1.0, 20, 10, 128, 0.05, 0.9, weightDecayFor(clusters), Schedule.STEP, 40, 0.1, 0,
                            crops, false, 25, false, false, 1)
                    : new RunConfig("paper", clusters, 400, 32, NetworkKind.REFERENCE, 0, 0, MeanType.ONE_HOT, 0,
                            true, 1.0, 350, 10, 128, 0.05, 0.9, weightDecayFor(clusters), Schedule.STEP, 300, 0.2, 0,
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
        return new RunConfig(preset, k, epochs, inputSize, network, width, embeddingDim, means, sigma, rotation,
                rotationShare, refineFrom, kmeansRestarts, batchSize, learningRate, momentum, weightDecay, schedule,
                decayEpoch, decayFactor, trainSubset, cropFractions, flip, rotationDegrees, colorJitter, keepBest, seed);
    }

    /** A copy with another number of epochs. */
    public RunConfig withEpochs(int n) {
        return new RunConfig(preset, clusters, n, inputSize, network, width, embeddingDim, means, sigma, rotation,
                rotationShare, refineFrom, kmeansRestarts, batchSize, learningRate, momentum, weightDecay, schedule,
                decayEpoch, decayFactor, trainSubset, cropFractions, flip, rotationDegrees, colorJitter, keepBest, seed);
    }

    /** A copy with another seed. */
    public RunConfig withSeed(long s) {
        return new RunConfig(preset, clusters, epochs, inputSize, network, width, embeddingDim, means, sigma, rotation,
                rotationShare, refineFrom, kmeansRestarts, batchSize, learningRate, momentum, weightDecay, schedule,
                decayEpoch, decayFactor, trainSubset, cropFractions, flip, rotationDegrees, colorJitter, keepBest, s);
    }

    /** A copy training on at most {@code n} images (0 = all). */
    public RunConfig withTrainSubset(int n) {
        return new RunConfig(preset, clusters, epochs, inputSize, network, width, embeddingDim, means, sigma, rotation,
                rotationShare, refineFrom, kmeansRestarts, batchSize, learningRate, momentum, weightDecay, schedule,
                decayEpoch, decayFactor, n, cropFractions, flip, rotationDegrees, colorJitter, keepBest, seed);
    }
}
