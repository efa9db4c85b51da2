package io.mmdcstudio.engine.run;

import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDArrays;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.training.GradientCollector;
import io.mmdcstudio.gmm.LinearAssignment;
import java.util.Arrays;
import java.util.SplittableRandom;
import java.util.stream.IntStream;

/**
 * The two epochs the few-labels mode adds to MMDC ({@link FewLabels}), on the run thread of {@link MmdcTrainer}
 * and inside its per-batch sub-managers:
 *
 * <ul>
 *   <li>a supervised epoch: per batch of B unlabelled images, cross-entropy of the clustering head's raw logits on
 *       a batch of labelled images (drawn with replacement, training view) plus lambda times FixMatch's
 *       consistency loss: an unlabelled image whose weak view's softmax reaches the threshold teaches its strong
 *       view that class;
 *   <li>a label-free clustering epoch: MMDC's clustering step with balanced one-hot targets built per batch.
 *       Labelled images keep their class, images within the pseudo-target radius of a one-hot keep it, and the
 *       others are matched (Hungarian) to the batch's remaining balanced targets.
 * </ul>
 */
final class FewLabelsTraining {

    private final FewLabels few;
    private final RunConfig config;
    private final int k;
    private final int[] trainIndex;
    private final int[] labelled;
    private final int[] unlabelled;
    private final RunListener listener;
    private final RunControl control;
    private final Progress progress;
    private final int batchEventEvery;

    FewLabelsTraining(FewLabels few, RunConfig config, int[] trainIndex, RunListener listener, RunControl control,
            Progress progress, int batchEventEvery) {
        this.few = few;
        this.config = config;
        this.k = config.clusters();
        this.trainIndex = trainIndex;
        this.labelled = few.labelledImages();
        this.unlabelled = Arrays.stream(trainIndex).filter(i -> few.classOf(i) == FewLabels.UNLABELLED).toArray();
        this.listener = listener;
        this.control = control;
        this.progress = progress;
        this.batchEventEvery = batchEventEvery;
    }

    /**
     * The training images plus every labelled image, in dataset order: the labelled images always train, even
     * when they lie outside the training subset.
     */
    static int[] withLabelledImages(int[] chosen, FewLabels few) {
        java.util.BitSet set = new java.util.BitSet();
        Arrays.stream(chosen).forEach(set::set);
        Arrays.stream(few.labelledImages()).forEach(set::set);
        return set.stream().toArray();
    }

    /**
     * What epoch {@code epoch} of a few-labels run does: the supervised-only baseline is supervised throughout;
     * otherwise warm-up epochs are rotation only, then each round is {@code supervisedEpochs} supervised epochs
     * and one label-free epoch.
     */
    boolean isSupervised(int epoch) {
        if (few.supervisedOnly()) {
            return true;
        }
        int sinceWarmup = epoch - config.warmupEpochs();
        return sinceWarmup >= 0 && sinceWarmup % (few.supervisedEpochs() + 1) < few.supervisedEpochs();
    }

    /** Labelled images per supervised step: the configured number, at most a quarter of B, at least two. */
    private int labelledBatch() {
        return Math.max(2, Math.min(few.labelledBatch(), config.batchSize() / 4));
    }

    /**
     * One supervised epoch; returns its mean loss (NaN when cancelled). The step count is that of one pass over
     * the unlabelled images in batches of B, the same for the supervised-only baseline, which then skips the
     * unlabelled images' term.
     */
    double supervisedEpoch(MmdcTrainer.Session s, int epoch, double lr, SplittableRandom rng) {
        int[] order = shuffledCopy(unlabelled, rng);
        int batches = Math.max(1, Math.round(order.length / (float) config.batchSize()));
        boolean consistency = !few.supervisedOnly() && few.consistencyWeight() > 0 && order.length > 0;
        listener.onPhase(new RunEvents.PhaseStarted(epoch, Phase.SUPERVISED));
        progress.phase(Phase.SUPERVISED, batches);
        double lossSum = 0;
        for (int i = 0; i < batches; i++) {
            if (control.checkpoint()) {
                return Double.NaN;
            }
            int[] u = consistency ? Arrays.copyOfRange(order, MmdcTrainer.bound(i, batches, order.length),
                    MmdcTrainer.bound(i + 1, batches, order.length)) : new int[0];
            lossSum += supervisedStep(s, u, lr, rng);
            progress.batch(listener, epoch, i, batches, lossSum / (i + 1), u.length + labelledBatch(), batchEventEvery);
        }
        return lossSum / batches;
    }

    /** One optimiser step on labelled cross-entropy plus the consistency loss over {@code u}; returns the loss. */
    private float supervisedStep(MmdcTrainer.Session s, int[] u, double lr, SplittableRandom rng) {
        int nl = labelledBatch();
        int[] lab = new int[nl];
        float[] labelledTargets = new float[nl * k];
        for (int j = 0; j < nl; j++) {
            lab[j] = labelled[rng.nextInt(labelled.length)];
            labelledTargets[j * k + few.classOf(lab[j])] = 1;
        }
        float loss;
        try (NDManager batch = s.root().newSubManager()) {
            NDArray x = s.views().train(batch, lab, 0, nl, rng);
            float[] pseudo = null;
            if (u.length > 0) {
                pseudo = confidentPseudoLabels(s, batch, u, rng);
                x = NDArrays.concat(new NDList(x, s.views().strong(batch, u, 0, u.length, rng)));
            }
            NDArray yl = batch.create(labelledTargets, new Shape(nl, k));
            try (GradientCollector gc = Engine.getInstance().newGradientCollector()) {
                NDArray logp = s.net().forward(s.store(), new NDList(x), true).get(2).logSoftmax(1);
                NDArray lossArray = logp.get("0:" + nl).mul(yl).sum().neg().div(nl);
                if (pseudo != null) {
                    NDArray yu = batch.create(pseudo, new Shape(u.length, k));
                    NDArray consistency = logp.get(nl + ":").mul(yu).sum().neg().div(u.length);
                    lossArray = lossArray.add(consistency.mul((float) few.consistencyWeight()));
                }
                gc.backward(lossArray);
                loss = lossArray.getFloat();
            }
            s.optimizer().step((float) lr);
        }
        return loss;
    }

    /**
     * FixMatch's pseudo-labels: the one-hot of each weak view's predicted class where its softmax reaches the
     * threshold, zeros elsewhere (so the image adds nothing to the loss). Predicted without a gradient (FixMatch's
     * stop-gradient) but in training mode, as FixMatch does: BatchNorm then normalises by this batch's statistics.
     * Eval mode was tried first: early on its running statistics are still the initial ones, every image came out
     * confidently in one class, and the consistency loss then pulled the whole data set into it.
     */
    private float[] confidentPseudoLabels(MmdcTrainer.Session s, NDManager batch, int[] u, SplittableRandom rng) {
        NDArray weak = s.views().train(batch, u, 0, u.length, rng);
        float[] p = s.net().forward(s.store(), new NDList(weak), true).get(2).softmax(1).toFloatArray();
        float[] targets = new float[u.length * k];
        for (int i = 0; i < u.length; i++) {
            int best = argMax(p, i * k, k);
            if (p[i * k + best] >= few.threshold()) {
                targets[i * k + best] = 1;
            }
        }
        return targets;
    }

    /**
     * The label-free epoch's MMDC clustering step over every training image, with balanced one-hot targets built
     * per batch; returns the mean MSE (NaN when cancelled).
     */
    double clusteringEpoch(MmdcTrainer.Session s, int epoch, double lr, SplittableRandom rng) {
        int[] order = shuffledCopy(trainIndex, rng);
        int batches = Math.max(1, Math.round(order.length / (float) config.batchSize()));
        listener.onPhase(new RunEvents.PhaseStarted(epoch, Phase.CLUSTERING));
        progress.phase(Phase.CLUSTERING, batches);
        double lossSum = 0;
        for (int i = 0; i < batches; i++) {
            if (control.checkpoint()) {
                return Double.NaN;
            }
            int from = MmdcTrainer.bound(i, batches, order.length);
            int to = MmdcTrainer.bound(i + 1, batches, order.length);
            int[] images = Arrays.copyOfRange(order, from, to);
            try (NDManager batch = s.root().newSubManager()) {
                float[] targets = oneHots(batchTargets(s, batch, images, rng));
                NDArray x = s.views().train(batch, images, 0, images.length, rng);
                NDArray y = batch.create(targets, new Shape(images.length, k));
                lossSum += MmdcTrainer.mseStep(s, x, y, lr) * images.length;
            }
            progress.batch(listener, epoch, i, batches, lossSum / to, images.length, batchEventEvery);
        }
        return lossSum / order.length;
    }

    /**
     * The class each image of a batch is pulled towards. The batch's targets are balanced (B/k of each class, the
     * remainder to random classes); labelled images take their class first, then pseudo-targeted images theirs
     * (the nearest first, while their class's share of the batch lasts), and the other images are matched to what
     * is left by minimum total squared distance of their eval-view embeddings. Capping the pseudo-targets at the
     * class's share keeps MMDC's balance, which is what prevents collapse: uncapped, a network that puts
     * everything near one one-hot would have that confirmed as target for every image.
     */
    private int[] batchTargets(MmdcTrainer.Session s, NDManager batch, int[] images, SplittableRandom rng) {
        int n = images.length;
        float[] emb = s.net().forward(s.store(), new NDList(s.views().eval(batch, images, 0, n)), false)
                .get(0).toFloatArray();
        int[] quota = balancedQuota(n, k, rng);
        int[] target = new int[n];
        Arrays.fill(target, FewLabels.UNLABELLED);
        // ||e - e_c||^2 = 2 - 2 e[c] for unit vectors, so "within r" is e[c] >= 1 - r^2 / 2.
        double minCoordinate = 1 - few.pseudoRadius() * few.pseudoRadius() / 2;
        for (int i = 0; i < n; i++) {
            int c = few.classOf(images[i]);
            if (c != FewLabels.UNLABELLED) {
                target[i] = c;
                quota[c]--;
            }
        }
        Integer[] byCloseness = IntStream.range(0, n).boxed()
                .sorted((a, b) -> Float.compare(emb[b * k + argMax(emb, b * k, k)], emb[a * k + argMax(emb, a * k, k)]))
                .toArray(Integer[]::new);
        for (int i : byCloseness) {
            int best = argMax(emb, i * k, k);
            if (target[i] == FewLabels.UNLABELLED && emb[i * k + best] >= minCoordinate && quota[best] > 0) {
                target[i] = best;
                quota[best]--;
            }
        }
        matchFree(emb, target, quota);
        return target;
    }

    /**
     * Matches the images still without a target to the remaining quota. The quotas sum to the number of such
     * images; a class that fixed images overfilled has a negative quota, so the columns (one per remaining
     * target) are at least as many as the rows.
     */
    private void matchFree(float[] emb, int[] target, int[] quota) {
        int[] rows = IntStream.range(0, target.length).filter(i -> target[i] == FewLabels.UNLABELLED).toArray();
        if (rows.length == 0) {
            return;
        }
        int[] columns = IntStream.range(0, k).flatMap(c -> IntStream.range(0, Math.max(0, quota[c])).map(x -> c))
                .toArray();
        float[] cost = new float[rows.length * columns.length];
        for (int r = 0; r < rows.length; r++) {
            for (int j = 0; j < columns.length; j++) {
                cost[r * columns.length + j] = 2 - 2 * emb[rows[r] * k + columns[j]];
            }
        }
        int[] assign = LinearAssignment.solve(cost, rows.length, columns.length);
        for (int r = 0; r < rows.length; r++) {
            target[rows[r]] = columns[assign[r]];
        }
    }

    /** {@code n} targets spread as evenly as possible over {@code k} classes; the remainder goes to random ones. */
    static int[] balancedQuota(int n, int k, SplittableRandom rng) {
        int[] quota = new int[k];
        Arrays.fill(quota, n / k);
        int[] order = MmdcTrainer.shuffled(k, rng);
        for (int i = 0; i < n % k; i++) {
            quota[order[i]]++;
        }
        return quota;
    }

    private float[] oneHots(int[] classes) {
        float[] y = new float[classes.length * k];
        for (int i = 0; i < classes.length; i++) {
            y[i * k + classes[i]] = 1;
        }
        return y;
    }

    private static int argMax(float[] values, int offset, int length) {
        int best = 0;
        for (int c = 1; c < length; c++) {
            if (values[offset + c] > values[offset + best]) {
                best = c;
            }
        }
        return best;
    }

    private static int[] shuffledCopy(int[] values, SplittableRandom rng) {
        int[] order = MmdcTrainer.shuffled(values.length, rng);
        int[] out = new int[values.length];
        for (int i = 0; i < out.length; i++) {
            out[i] = values[order[i]];
        }
        return out;
    }
}
