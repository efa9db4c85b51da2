package io.mmdcstudio.engine.run;

import ai.djl.Device;
import ai.djl.Model;
import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.pytorch.jni.JniUtils;
import ai.djl.training.GradientCollector;
import ai.djl.training.ParameterStore;
import io.mmdcstudio.engine.augment.AugmentSpec;
import io.mmdcstudio.engine.augment.Augmenter;
import io.mmdcstudio.engine.data.ImageDataset;
import io.mmdcstudio.engine.results.Scoring;
import io.mmdcstudio.gmm.ClusteringMetrics;
import io.mmdcstudio.gmm.ClusteringMetrics.Scores;
import io.mmdcstudio.gmm.KMeans;
import io.mmdcstudio.gmm.LinearAssignment;
import io.mmdcstudio.gmm.MixtureTargets;
import io.mmdcstudio.gmm.Vectors;
import java.io.IOException;
import java.util.Arrays;
import java.util.SplittableRandom;
import java.util.function.IntConsumer;
import java.util.stream.IntStream;

/**
 * One MMDC run on the calling thread, which owns every DJL object it creates (MMDC-ALGORITHM.md, "One
 * epoch"). Only plain arrays and records leave it. Each batch works in its own sub-manager so activations and
 * autograd graphs are freed batch by batch and memory stays flat.
 */
final class MmdcTrainer {

    private static final int EVAL_BATCH = 512;
    private static final int KMEANS_ITERATIONS = 100;

    private final ImageDataset data;
    private final RunConfig config;
    private final RunOptions options;
    private final RunListener listener;
    private final RunControl control;
    private final Progress progress;
    private final int k;
    private final int dim;
    private final int[] trainIndex;
    /** Per training slot, the cluster a person fixed, or {@link Corrections#FREE}. */
    private final int[] fixedSlot;
    private final float[][] means;
    private final TrainingState state;
    private final IntConsumer liveArrayProbe;
    /** The few-labels mode's epochs, or null for an ordinary MMDC run. */
    private final FewLabelsTraining fewLabels;

    /**
     * @param liveArrayProbe receives, after every epoch, how many tensors the run's managers hold (for the
     *                       flat-memory test); may be null
     */
    MmdcTrainer(ImageDataset data, RunConfig config, RunOptions options, RunListener listener, RunControl control,
            IntConsumer liveArrayProbe) {
        this.liveArrayProbe = liveArrayProbe;
        this.data = data;
        this.config = config;
        this.options = options;
        this.listener = listener;
        this.control = control;
        this.k = config.clusters();
        this.dim = config.effectiveEmbeddingDim();
        Corrections corrections = options.corrections();
        if (corrections != null) {
            corrections.check(data.size(), k);
        }
        FewLabels few = options.fewLabels();
        if (few != null) {
            checkFewLabels(few, corrections);
        }
        int[] chosen = TrainingState.withFixedImages(
                TrainingState.chooseTrainingImages(data.size(), config.trainSubset(), config.seed()), corrections);
        this.trainIndex = few == null ? chosen : FewLabelsTraining.withLabelledImages(chosen, few);
        this.fixedSlot = new int[trainIndex.length];
        for (int i = 0; i < trainIndex.length; i++) {
            fixedSlot[i] = corrections == null ? Corrections.FREE : corrections.fixedCluster(trainIndex[i]);
        }
        MixtureTargets.MixtureSpec spec = new MixtureTargets.MixtureSpec(k, dim, config.means(), config.sigma());
        this.means = MixtureTargets.means(spec, config.seed());
        this.state = TrainingState.fresh(spec, means, trainIndex.length, config.seed());
        state.fixTargets(fixedSlot, means);
        this.progress = new Progress(config, trainIndex.length, data.size());
        this.fewLabels = few == null ? null : new FewLabelsTraining(few, config, trainIndex, listener, control, progress,
                options.batchEventEvery());
    }

    /** Cluster j is class j only when the clusters' means are the one-hot vectors of the head's k outputs. */
    private void checkFewLabels(FewLabels few, Corrections corrections) {
        few.check(data.size(), k);
        if (corrections != null) {
            throw new IllegalArgumentException("few labels and corrections cannot be combined in one run");
        }
        if (config.means() != MixtureTargets.MeanType.ONE_HOT || dim != k) {
            throw new IllegalArgumentException("few labels need one-hot means and an embedding dimension of k "
                    + "(cluster j is class j)");
        }
    }

    RunResult run() throws IOException {
        NetworkKind kind = config.network().resolve(data.channels());
        int width = config.effectiveWidth(data.channels());
        Engine engine = Engine.getEngine("PyTorch");
        engine.setRandomSeed((int) config.seed());
        // PyTorch's grad mode is per thread and starts on; forward passes outside a collector must not record.
        JniUtils.setGradMode(false);
        try (Model model = Model.newInstance("mmdc", Device.cpu(), "PyTorch")) {
            MmdcNet net = new MmdcNet(kind, width, dim);
            model.setBlock(net);
            NDManager root = model.getNDManager();
            net.initialize(root, DataType.FLOAT32, new Shape(1, data.channels(), config.inputSize(), config.inputSize()));
            SgdMomentum optimizer = new SgdMomentum(net.getParameters(), root, (float) config.momentum(),
                    (float) config.weightDecay());
            startFromEarlierWeights(net, root);
            Checkpoints checkpoints = new Checkpoints(options.checkpoint(), data, config);
            int startEpoch = options.resume() ? checkpoints.restore(net, optimizer, root, state) : 0;
            Augmenter augmenter = new Augmenter(data.channels(), data.height(), data.width(), config.inputSize(),
                    new AugmentSpec(config.cropFractions(), config.flip(), config.rotationDegrees(), config.colorJitter()));
            Session session = new Session(net, new ParameterStore(root, false), optimizer, root,
                    new Views(data, augmenter, config.inputSize()));
            long params = net.getParameters().stream().mapToLong(p -> p.getValue().getArray().size()).sum();
            listener.onRunStarted(new RunEvents.Started(data.size(), trainIndex.length, config.epochs(), startEpoch,
                    engine.defaultDevice().toString(), params, config));
            return train(session, checkpoints, startEpoch);
        }
    }

    /** Continuing with corrections: the earlier run's kept weights replace the fresh initialisation. */
    private void startFromEarlierWeights(MmdcNet net, NDManager root) throws IOException {
        Corrections c = options.corrections();
        if (c == null || c.startFrom() == null) {
            return;
        }
        try {
            Checkpoints.loadParameterBytes(net, root, Checkpoints.keptWeights(c.startFrom()));
        } catch (IllegalStateException e) {
            throw new IllegalArgumentException("The network in " + c.startFrom() + " does not fit these settings "
                    + "(network, width, clusters, channels and input size must stay the same)", e);
        }
    }

    /** The DJL objects of one run, owned by the run's thread. */
    record Session(MmdcNet net, ParameterStore store, SgdMomentum optimizer, NDManager root, Views views) {}

    private RunResult train(Session s, Checkpoints checkpoints, int startEpoch) throws IOException {
        long started = System.nanoTime();
        progress.start(startEpoch);
        boolean cancelled = false;
        for (int epoch = startEpoch; epoch < config.epochs() && !cancelled; epoch++) {
            EpochOutcome outcome = runEpoch(s, epoch);
            if (outcome == null) {
                cancelled = true;
                break;
            }
            state.history.add(outcome.event());
            listener.onEpoch(outcome.event());
            boolean matched = epoch >= config.warmupEpochs(); // a warm-up epoch's clusters are a random head's
            // With few labels the last epoch is kept: the label-free tightness score would favour a label-free
            // epoch's clusters over the classes, and selecting by the few labels would overfit them.
            if (config.keepBest() && matched && fewLabels == null && outcome.selectionScore() < state.bestScore) {
                state.bestScore = outcome.selectionScore();
                state.bestEpoch = epoch;
                state.bestParameters = Checkpoints.parameterBytes(s.net());
            }
            state.epochsCompleted = epoch + 1;
            if (liveArrayProbe != null) {
                liveArrayProbe.accept(s.root().getManagedArrays().size());
            }
            checkpoints.save(s.net(), s.optimizer(), state);
            if (epoch + 1 < config.epochs()) {
                control.epochBoundary(); // step mode pauses between epochs, not after the last one
            }
            cancelled = control.isCancelled();
        }
        double trainSeconds = (System.nanoTime() - started) / 1e9;
        return finish(s, cancelled, trainSeconds);
    }

    private record EpochOutcome(RunEvents.EpochEnded event, double selectionScore) {}

    /** One epoch; null when cancelled part-way. */
    private EpochOutcome runEpoch(Session s, int epoch) {
        long t0 = System.nanoTime();
        double lr = config.schedule().rate(config.learningRate(), epoch, config.epochs(), config.decayEpoch(),
                config.decayFactor());
        SplittableRandom rng = new SplittableRandom(mix(config.seed(), epoch));
        if (fewLabels != null) {
            return fewLabelsEpoch(s, epoch, lr, rng, t0);
        }
        if (config.refineFrom() > 0 && epoch + 1 >= config.refineFrom() && !refine(s, epoch)) {
            return null;
        }
        boolean warmup = epoch < config.warmupEpochs();
        double[] rotation = {Double.NaN, Double.NaN};
        if (config.rotation()) {
            rotation = rotationEpoch(s, epoch, lr, warmup ? 1.0 : config.rotationShare(), rng.split());
            if (rotation == null) {
                return null;
            }
        }
        // Warm-up epochs train features on the rotation task alone, so that the first matchings of images to
        // targets are made on meaningful embeddings rather than on a random network's.
        double clusterLoss = warmup ? Double.NaN : clusteringEpoch(s, epoch, lr, rng.split());
        if (control.isCancelled()) {
            return null;
        }
        return endEpoch(s, epoch, lr, clusterLoss, rotation, t0);
    }

    /**
     * An epoch of the few-labels mode ({@link FewLabels}): rotation alone while warming up, then rounds of
     * supervised epochs and one label-free epoch (rotation, then clustering with balanced one-hot targets).
     * No k-means refinement: the targets are the classes. Null when cancelled part-way.
     */
    private EpochOutcome fewLabelsEpoch(Session s, int epoch, double lr, SplittableRandom rng, long t0) {
        double[] rotation = {Double.NaN, Double.NaN};
        double clusterLoss = Double.NaN;
        if (fewLabels.isSupervised(epoch)) {
            fewLabels.supervisedEpoch(s, epoch, lr, rng.split());
        } else {
            boolean warmup = epoch < config.warmupEpochs();
            if (config.rotation()) {
                rotation = rotationEpoch(s, epoch, lr, warmup ? 1.0 : config.rotationShare(), rng.split());
                if (rotation == null) {
                    return null;
                }
            }
            if (!warmup) {
                clusterLoss = fewLabels.clusteringEpoch(s, epoch, lr, rng.split());
            }
        }
        if (control.isCancelled()) {
            return null;
        }
        return endEpoch(s, epoch, lr, clusterLoss, rotation, t0);
    }

    /** Evaluates the training images after an epoch and sends its events; null when cancelled. */
    private EpochOutcome endEpoch(Session s, int epoch, double lr, double clusterLoss, double[] rotation, long t0) {
        Evaluation eval = evaluate(s, epoch, trainIndex, true);
        if (eval == null) {
            return null;
        }
        listener.onEpochEmbeddings(new RunEvents.EpochSnapshot(epoch, trainIndex, eval.clusters(), eval.confidence(),
                eval.embeddings()));
        int[] previous = state.lastClusters;
        double changed = previous == null ? 1.0 : changedShare(previous, eval.clusters());
        state.lastClusters = eval.clusters();
        Scores scores = metrics(trainIndex, eval.clusters());
        double seconds = (System.nanoTime() - t0) / 1e9;
        RunEvents.EpochEnded event = new RunEvents.EpochEnded(epoch, config.epochs(), clusterLoss, rotation[0],
                rotation[1], sizes(eval.clusters()), changed, scores, lr, seconds);
        return new EpochOutcome(event, eval.spread());
    }

    /** Rotation task over a share of the training images; returns {loss, accuracy}, or null when cancelled. */
    private double[] rotationEpoch(Session s, int epoch, double lr, double share, SplittableRandom rng) {
        int[] order = shuffled(trainIndex, rng);
        int n = Math.max(1, (int) Math.ceil(order.length * share));
        // As in the reference: B source images per step, each in its four rotations (4B views).
        int batches = Math.max(1, Math.round(n / (float) config.batchSize()));
        listener.onPhase(new RunEvents.PhaseStarted(epoch, Phase.ROTATION));
        progress.phase(Phase.ROTATION, batches);
        double lossSum = 0;
        long correct = 0;
        for (int i = 0; i < batches; i++) {
            if (control.checkpoint()) {
                return null;
            }
            int from = bound(i, batches, n);
            int to = bound(i + 1, batches, n);
            try (NDManager batch = s.root().newSubManager()) {
                NDArray x = s.views().rotations(batch, order, from, to, rng);
                NDArray labels = batch.create(rotationLabels(to - from));
                float loss;
                try (GradientCollector gc = Engine.getInstance().newGradientCollector()) {
                    NDArray logits = s.net().forward(s.store(), new NDList(x), true).get(1);
                    NDArray lossArray = logits.logSoftmax(1).mul(labels.oneHot(4)).sum().neg().div(logits.getShape().get(0));
                    gc.backward(lossArray);
                    loss = lossArray.getFloat();
                    correct += logits.argMax(1).toType(DataType.INT32, false).eq(labels).sum().getLong();
                }
                s.optimizer().step((float) lr);
                lossSum += loss * (to - from);
            }
            progress.batch(listener, epoch, i, batches, lossSum / Math.max(1, to), to - from, options.batchEventEvery());
        }
        return new double[] {lossSum / n, correct / (4.0 * n)};
    }

    private static int[] rotationLabels(int sources) {
        int[] labels = new int[sources * 4];
        for (int i = 0; i < labels.length; i++) {
            labels[i] = i % 4;
        }
        return labels;
    }

    /** MMDC clustering epoch: per-batch Hungarian matching of targets (unless refined), then MSE steps. */
    private double clusteringEpoch(Session s, int epoch, double lr, SplittableRandom rng) {
        int[] order = shuffled(trainIndex.length, rng);
        int batches = Math.max(1, Math.round(order.length / (float) config.batchSize()));
        listener.onPhase(new RunEvents.PhaseStarted(epoch, Phase.CLUSTERING));
        progress.phase(Phase.CLUSTERING, batches);
        double lossSum = 0;
        for (int i = 0; i < batches; i++) {
            if (control.checkpoint()) {
                return Double.NaN;
            }
            int from = bound(i, batches, order.length);
            int to = bound(i + 1, batches, order.length);
            int[] slots = Arrays.copyOfRange(order, from, to);
            int[] images = new int[slots.length];
            for (int j = 0; j < slots.length; j++) {
                images[j] = trainIndex[slots[j]];
            }
            try (NDManager batch = s.root().newSubManager()) {
                if (!state.refined) {
                    matchTargets(s, batch, images, slots);
                }
                NDArray x = s.views().train(batch, images, 0, images.length, rng);
                NDArray y = batch.create(gatherTargets(slots), new Shape(slots.length, dim));
                lossSum += mseStep(s, x, y, lr) * slots.length;
            }
            progress.batch(listener, epoch, i, batches, lossSum / to, slots.length, options.batchEventEvery());
        }
        return lossSum / order.length;
    }

    /** One clustering step: the augmented views' embeddings pulled towards their targets (MSE), then SGD. */
    static float mseStep(Session s, NDArray x, NDArray y, double lr) {
        float loss;
        try (GradientCollector gc = Engine.getInstance().newGradientCollector()) {
            NDArray emb = s.net().forward(s.store(), new NDList(x), true).get(0);
            NDArray lossArray = emb.sub(y).square().mean();
            gc.backward(lossArray);
            loss = lossArray.getFloat();
        }
        s.optimizer().step((float) lr);
        return loss;
    }

    /**
     * Step 3a: re-assigns this batch's targets among its images by minimum total squared distance. Images a person
     * fixed keep their target and take no part.
     */
    private void matchTargets(Session s, NDManager batch, int[] images, int[] slots) {
        int[] free = IntStream.range(0, slots.length).filter(i -> fixedSlot[slots[i]] == Corrections.FREE).toArray();
        int n = free.length;
        if (n == 0) {
            return;
        }
        int[] freeImages = new int[n];
        for (int i = 0; i < n; i++) {
            freeImages[i] = images[free[i]];
        }
        float[] emb = s.net().forward(s.store(), new NDList(s.views().eval(batch, freeImages, 0, n)), false)
                .get(0).toFloatArray();
        float[] cost = new float[n * n];
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < n; j++) {
                float[] t = state.targets[slots[free[j]]];
                float d = 0;
                for (int c = 0; c < dim; c++) {
                    float diff = emb[i * dim + c] - t[c];
                    d += diff * diff;
                }
                cost[i * n + j] = d;
            }
        }
        int[] assign = LinearAssignment.solve(cost, n, n);
        float[][] newTargets = new float[n][];
        int[] newComponents = new int[n];
        for (int i = 0; i < n; i++) {
            newTargets[i] = state.targets[slots[free[assign[i]]]];
            newComponents[i] = state.components[slots[free[assign[i]]]];
        }
        for (int i = 0; i < n; i++) {
            state.targets[slots[free[i]]] = newTargets[i];
            state.components[slots[free[i]]] = newComponents[i];
        }
    }

    private float[] gatherTargets(int[] slots) {
        float[] y = new float[slots.length * dim];
        for (int i = 0; i < slots.length; i++) {
            System.arraycopy(state.targets[slots[i]], 0, y, i * dim, dim);
        }
        return y;
    }

    /**
     * Step 1: k-means on the embeddings, labels matched to the previous target components (k x k Hungarian on
     * the overlap) so ids stay stable; each image's target becomes its matched mean. Returns false if cancelled.
     */
    private boolean refine(Session s, int epoch) {
        listener.onPhase(new RunEvents.PhaseStarted(epoch, Phase.REFINEMENT));
        float[][] emb = embed(s, epoch, trainIndex, Phase.REFINEMENT, true);
        if (emb == null) {
            return false;
        }
        KMeans.KMeansResult km = KMeans.fit(emb, k, config.kmeansRestarts(), KMEANS_ITERATIONS, mix(config.seed(), epoch + 7919));
        int[] mapping = ClusteringMetrics.bestMapping(state.components, km.labels(), k, k);
        for (int i = 0; i < trainIndex.length; i++) {
            int label = mapping[km.labels()[i]];
            state.components[i] = label;
            state.targets[i] = means[label];
        }
        state.fixTargets(fixedSlot, means); // a person's corrections outrank k-means
        state.refined = true;
        return true;
    }

    private record Evaluation(int[] clusters, float[] confidence, float[][] embeddings, double spread) {}

    /** Embeds {@code images} in eval mode and reads out clusters; null when cancelled. */
    private Evaluation evaluate(Session s, int epoch, int[] images, boolean cancellable) {
        Phase phase = epoch < 0 ? Phase.ASSIGNMENT : Phase.EVALUATION;
        listener.onPhase(new RunEvents.PhaseStarted(epoch, phase));
        float[][] emb = embed(s, epoch, images, phase, cancellable);
        if (emb == null) {
            return null;
        }
        int[] clusters = new int[emb.length];
        float[] confidence = new float[emb.length];
        double spread = 0;
        for (int i = 0; i < emb.length; i++) {
            clusters[i] = MixtureTargets.nearestMean(emb[i], means);
            confidence[i] = (float) MixtureTargets.confidence(emb[i], means);
            spread += Vectors.squaredDistance(emb[i], means[clusters[i]]);
        }
        return new Evaluation(clusters, confidence, emb, spread / Math.max(1, emb.length));
    }

    private float[][] embed(Session s, int epoch, int[] images, Phase phase, boolean cancellable) {
        int batches = (images.length + EVAL_BATCH - 1) / EVAL_BATCH;
        progress.phase(phase, batches);
        float[][] out = new float[images.length][];
        for (int i = 0; i < batches; i++) {
            if (cancellable && control.checkpoint()) {
                return null;
            }
            int from = i * EVAL_BATCH;
            int to = Math.min(images.length, from + EVAL_BATCH);
            try (NDManager batch = s.root().newSubManager()) {
                NDArray x = s.views().eval(batch, images, from, to);
                float[] flat = s.net().forward(s.store(), new NDList(x), false).get(0).toFloatArray();
                for (int j = from; j < to; j++) {
                    out[j] = Arrays.copyOfRange(flat, (j - from) * dim, (j - from + 1) * dim);
                }
            }
            progress.batch(listener, epoch, i, batches, Double.NaN, to - from, options.batchEventEvery());
        }
        return out;
    }

    /** Restores the kept weights, assigns every image and computes the final metrics. */
    private RunResult finish(Session s, boolean cancelled, double trainSeconds) {
        int kept = state.epochsCompleted - 1;
        if (config.keepBest() && state.bestParameters != null && state.bestEpoch != kept) {
            Checkpoints.loadParameterBytes(s.net(), s.root(), state.bestParameters);
            kept = state.bestEpoch;
        }
        long t0 = System.nanoTime();
        int[] all = new int[data.size()];
        Arrays.setAll(all, i -> i);
        // The final assignment runs even after a cancel, so a cancelled run still leaves a usable result
        // from its completed epochs.
        Evaluation eval = state.epochsCompleted == 0 ? null : evaluate(s, -1, all, false);
        if (eval != null) {
            keepFixedClusters(eval);
        }
        double assignSeconds = (System.nanoTime() - t0) / 1e9;
        RunResult result = eval == null
                ? new RunResult(new int[0], new float[0], new float[0][], state.history, null, true,
                        state.epochsCompleted, -1, trainSeconds, assignSeconds)
                : new RunResult(eval.clusters(), eval.confidence(), eval.embeddings(), state.history,
                        metrics(all, eval.clusters()), cancelled, state.epochsCompleted, kept, trainSeconds, assignSeconds);
        listener.onRunFinished(result);
        return result;
    }

    /**
     * Images a person moved or pinned stay where the person put them, with full confidence; so do the images of
     * the few labels, in their class's cluster.
     */
    private void keepFixedClusters(Evaluation eval) {
        FewLabels few = options.fewLabels();
        if (few != null) {
            for (int i = 0; i < eval.clusters().length; i++) {
                if (few.classOf(i) != FewLabels.UNLABELLED) {
                    eval.clusters()[i] = few.classOf(i);
                    eval.confidence()[i] = 1f;
                }
            }
        }
        Corrections c = options.corrections();
        if (c == null) {
            return;
        }
        for (int i = 0; i < eval.clusters().length; i++) {
            if (c.fixedCluster(i) != Corrections.FREE) {
                eval.clusters()[i] = c.fixedCluster(i);
                eval.confidence()[i] = 1f;
            }
        }
    }

    /** ACC/NMI/ARI over the labelled images among {@code images}; null without labels. */
    private Scores metrics(int[] images, int[] clusters) {
        return Scoring.score(data, images, clusters);
    }

    private int[] sizes(int[] clusters) {
        int[] sizes = new int[k];
        for (int c : clusters) {
            sizes[c]++;
        }
        return sizes;
    }

    private static double changedShare(int[] before, int[] after) {
        int changed = 0;
        for (int i = 0; i < before.length; i++) {
            if (before[i] != after[i]) {
                changed++;
            }
        }
        return changed / (double) before.length;
    }

    /**
     * Start of batch {@code i} of {@code batches} over {@code n} items. Batches are as even as possible, so no
     * batch is left with a single image (BatchNorm cannot train on one) while all stay close to B.
     */
    static int bound(int i, int batches, int n) {
        return (int) ((long) i * n / batches);
    }

    static int[] shuffled(int n, SplittableRandom rng) {
        int[] order = new int[n];
        Arrays.setAll(order, i -> i);
        for (int i = n - 1; i > 0; i--) {
            int j = rng.nextInt(i + 1);
            int t = order[i];
            order[i] = order[j];
            order[j] = t;
        }
        return order;
    }

    private static int[] shuffled(int[] values, SplittableRandom rng) {
        int[] order = shuffled(values.length, rng);
        int[] out = new int[values.length];
        for (int i = 0; i < out.length; i++) {
            out[i] = values[order[i]];
        }
        return out;
    }

    /** A per-epoch seed derived from the run's seed, so a resumed run draws what an unbroken one would. */
    static long mix(long seed, long salt) {
        long z = seed * 0x9E3779B97F4A7C15L + salt * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        return z ^ (z >>> 31);
    }
}
