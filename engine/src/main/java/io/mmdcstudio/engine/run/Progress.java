package io.mmdcstudio.engine.run;

/**
 * Turns batch counts into a share of the whole run and an ETA. Phases are weighted by their measured relative
 * cost on CPU (a training image costs about three inference images; the rotation task trains on 4 views).
 */
final class Progress {

    private static final double TRAIN = 1.0;
    private static final double INFER = 0.35;

    private final double rotationWork;
    private final double clusteringWork;
    private final double evaluationWork;
    private final double assignmentWork;
    private final double epochWork;
    private final int epochs;
    private long startNanos;
    private int startEpoch;
    private Phase phase = Phase.PREPARING;
    private int batches = 1;
    private long phaseStartNanos;
    private long phaseImages;
    private long lastEventNanos;

    Progress(RunConfig config, int trainImages, int allImages) {
        this.rotationWork = config.rotation() ? 4 * config.rotationShare() * trainImages * TRAIN : 0;
        boolean matching = config.refineFrom() != 1;
        this.clusteringWork = trainImages * (TRAIN + (matching ? INFER : 0));
        this.evaluationWork = trainImages * INFER;
        this.assignmentWork = allImages * INFER;
        this.epochWork = rotationWork + clusteringWork + evaluationWork;
        this.epochs = config.epochs();
    }

    void start(int firstEpoch) {
        startNanos = System.nanoTime();
        startEpoch = firstEpoch;
    }

    void phase(Phase next, int batchCount) {
        this.phase = next;
        this.batches = Math.max(1, batchCount);
        this.phaseStartNanos = System.nanoTime();
        this.phaseImages = 0;
    }

    /** Records a finished batch and sends a throttled event (every {@code every} batches, and the last). */
    void batch(RunListener listener, int epoch, int batch, int batchCount, double loss, int images, int every) {
        phaseImages += images;
        boolean last = batch == batchCount - 1;
        long now = System.nanoTime();
        if (!last && batch % every != 0 && now - lastEventNanos < 500_000_000L) {
            return;
        }
        lastEventNanos = now;
        double phaseSeconds = Math.max(1e-9, (now - phaseStartNanos) / 1e9);
        double fraction = fraction(epoch, (batch + 1) / (double) batchCount);
        double elapsed = (now - startNanos) / 1e9;
        double doneSinceStart = fraction - startFraction();
        double eta = doneSinceStart > 0.002 ? elapsed / doneSinceStart * (1 - fraction) : Double.NaN;
        listener.onBatch(new RunEvents.BatchProgress(epoch, phase, batch, batchCount, loss,
                phaseImages / phaseSeconds, fraction, eta));
    }

    private double total() {
        return epochs * epochWork + assignmentWork;
    }

    private double startFraction() {
        return startEpoch * epochWork / total();
    }

    private double fraction(int epoch, double withinPhase) {
        if (epoch < 0) {
            return (epochs * epochWork + withinPhase * assignmentWork) / total();
        }
        double before = switch (phase) {
            case ROTATION, REFINEMENT, PREPARING -> 0;
            case CLUSTERING, SUPERVISED -> rotationWork;
            case EVALUATION, ASSIGNMENT -> rotationWork + clusteringWork;
        };
        double current = switch (phase) {
            case ROTATION -> rotationWork;
            case CLUSTERING, SUPERVISED -> clusteringWork;
            case EVALUATION, ASSIGNMENT -> evaluationWork;
            case REFINEMENT, PREPARING -> 0;
        };
        double done = epoch * epochWork + before + withinPhase * current;
        return Math.min(1, done / total());
    }
}
