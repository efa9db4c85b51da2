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
     * Gives every fixed slot a target of its cluster, taken from the table by swapping with a free slot that holds
     * one: the free images are then matched among what is left, so the mixture's balance still holds for them
     * (sampled afresh, a corrected cluster's share would be counted twice and the free images pushed into it).
     * When the table has no target of that cluster left, the slot gets the cluster's mean.
     */
    void fixTargets(int[] fixedSlot, float[][] means) {
        java.util.Map<Integer, java.util.ArrayDeque<Integer>> spare = new java.util.HashMap<>();
        for (int i = 0; i < fixedSlot.length; i++) {
            if (fixedSlot[i] == Corrections.FREE) {
                spare.computeIfAbsent(components[i], c -> new java.util.ArrayDeque<>()).add(i);
            }
        }
        for (int i = 0; i < fixedSlot.length; i++) {
            int c = fixedSlot[i];
            if (c == Corrections.FREE || components[i] == c) {
                continue;
            }
            java.util.ArrayDeque<Integer> pool = spare.get(c);
            Integer j = pool == null ? null : pool.poll();
            if (j == null) {
                targets[i] = means[c];
                components[i] = c;
                continue;
            }
            float[] t = targets[i];
            int comp = components[i];
            targets[i] = targets[j];
            components[i] = c;
            targets[j] = t;
            components[j] = comp;
            spare.computeIfAbsent(comp, x -> new java.util.ArrayDeque<>()).add(j);
        }
    }

    /** {@code chosen} plus every image with a fixed cluster, in dataset order: corrections always train. */
    static int[] withFixedImages(int[] chosen, Corrections corrections) {
        if (corrections == null) {
            return chosen;
        }
        java.util.BitSet set = new java.util.BitSet();
        Arrays.stream(chosen).forEach(set::set);
        for (int i = 0; i < corrections.fixedClusters().length; i++) {
            if (corrections.fixedCluster(i) != Corrections.FREE) {
                set.set(i);
            }
        }
        return set.stream().toArray();
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
