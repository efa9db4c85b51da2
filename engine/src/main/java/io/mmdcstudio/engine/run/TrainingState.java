package io.mmdcstudio.engine.run;

import io.mmdcstudio.gmm.MixtureTargets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;

/**
 * The mutable state of a run that a checkpoint must carry besides the weights: the targets table (one
 * target per training image, only ever permuted or refined, never re-sampled), the history, and the best epoch.
 */
final class TrainingState {

    float[][] targets;
    int[] components;
    boolean refined;
    int epochsCompleted;
    final List<RunEvents.EpochEnded> history = new ArrayList<>();
    double bestScore = Double.POSITIVE_INFINITY;
    int bestEpoch = -1;
    byte[] bestParameters;
    int[] lastClusters;

    private TrainingState(float[][] targets, int[] components) {
        this.targets = targets;
        this.components = components;
    }

    /** Samples the N targets once from the mixture (MMDC-ALGORITHM.md, "Targets"). */
    static TrainingState fresh(MixtureTargets.MixtureSpec spec, float[][] means, int n, long seed) {
        MixtureTargets.SampledTargets sampled = MixtureTargets.sample(spec, means, n, MmdcTrainer.mix(seed, -1));
        return new TrainingState(sampled.targets(), sampled.components());
    }

    /**
     * The images trained on: all of them, or a seeded random subset of {@code subset} images kept in dataset
     * order (training on a subset and assigning the rest is a CPU-budget departure; see RunConfig).
     */
    static int[] chooseTrainingImages(int n, int subset, long seed) {
        if (subset <= 0 || subset >= n) {
            int[] all = new int[n];
            Arrays.setAll(all, i -> i);
            return all;
        }
        int[] order = MmdcTrainer.shuffled(n, new SplittableRandom(MmdcTrainer.mix(seed, -2)));
        int[] chosen = Arrays.copyOf(order, subset);
        Arrays.sort(chosen);
        return chosen;
    }
}
