package io.mmdcstudio.app;

import io.mmdcstudio.engine.export.ExportProgress;
import io.mmdcstudio.engine.run.Phase;
import io.mmdcstudio.engine.run.RunEvents;
import io.mmdcstudio.engine.run.RunListener;
import io.mmdcstudio.engine.run.RunResult;
import io.mmdcstudio.gmm.ClusteringMetrics.Scores;
import java.io.PrintWriter;
import java.util.Locale;

/**
 * Progress of a command on stderr: a bar with an ETA redrawn in place on a terminal, plain lines (at most one
 * every few seconds, plus one per epoch) when the output goes to a file or a pipe.
 */
final class ConsoleProgress implements RunListener {

    private static final int BAR = 24;
    private static final long PLAIN_INTERVAL_NANOS = 5_000_000_000L;

    private final PrintWriter err;
    private final boolean terminal;
    private long lastPlain;
    private int lastWidth;

    ConsoleProgress(PrintWriter err, boolean terminal) {
        this.err = err;
        this.terminal = terminal;
    }

    /** Progress to {@code err}, drawn as a bar when the JVM has a console (a terminal), else as lines. */
    static ConsoleProgress to(PrintWriter err) {
        return new ConsoleProgress(err, System.console() != null);
    }

    void loading(int done, int total, String message) {
        double fraction = total > 0 ? done / (double) total : 0;
        show(String.format(Locale.ROOT, "loading  %s %d/%d %s", bar(fraction), done, total, message),
                done == total);
    }

    void mapping(int iteration, int total, double kl) {
        double fraction = total > 0 ? iteration / (double) total : 1;
        show(String.format(Locale.ROOT, "t-SNE    %s %d/%d KL %.4f", bar(fraction), iteration, total, kl),
                iteration == total);
    }

    void files(String verb, ExportProgress p) {
        double fraction = p.total() > 0 ? p.done() / (double) p.total() : 1;
        show(String.format(Locale.ROOT, "%-8s %s %d/%d ETA %s", verb, bar(fraction), p.done(), p.total(),
                duration(p.etaSeconds())), p.done() == p.total());
    }

    void line(String text) {
        clear();
        err.println(text);
        err.flush();
    }

    @Override
    public void onRunStarted(RunEvents.Started e) {
        line(String.format(Locale.ROOT, "training on %d of %d images, %d epochs, %s, %,d parameters, %s",
                e.trainImages(), e.images(), e.epochs(), e.config().network(), e.parameters(), e.device()));
    }

    /** The running mean loss of the current epoch's supervised phase (few-labels mode), NaN when it had none. */
    private double supervisedLoss = Double.NaN;

    @Override
    public void onBatch(RunEvents.BatchProgress e) {
        if (e.phase() == Phase.SUPERVISED) {
            supervisedLoss = e.loss();
        }
        String epoch = e.epoch() < 0 ? "final" : (e.epoch() + 1) + "";
        String loss = Double.isNaN(e.loss()) ? "" : String.format(Locale.ROOT, " loss %.4f", e.loss());
        show(String.format(Locale.ROOT, "epoch %s %-10s %s %3.0f%%%s %5.0f img/s ETA %s", epoch,
                e.phase().name().toLowerCase(Locale.ROOT), bar(e.fractionOfRun()), e.fractionOfRun() * 100, loss,
                e.imagesPerSecond(), duration(e.etaSeconds())), false);
    }

    @Override
    public void onEpoch(RunEvents.EpochEnded e) {
        StringBuilder s = new StringBuilder(String.format(Locale.ROOT, "epoch %d/%d: ", e.epoch() + 1, e.epochs()));
        if (!Double.isNaN(supervisedLoss)) {
            s.append(String.format(Locale.ROOT, "supervised loss %.4f", supervisedLoss));
        } else {
            s.append(Double.isNaN(e.clusterLoss()) ? "warm-up (rotation task only)"
                    : String.format(Locale.ROOT, "cluster loss %.4f", e.clusterLoss()));
        }
        supervisedLoss = Double.NaN;
        if (!Double.isNaN(e.rotationLoss())) {
            s.append(String.format(Locale.ROOT, ", rotation loss %.3f (acc %.2f)", e.rotationLoss(), e.rotationAccuracy()));
        }
        s.append(String.format(Locale.ROOT, ", changed %.1f%%", e.changedShare() * 100));
        if (e.metrics() != null) {
            s.append(", ").append(scores(e.metrics()));
        }
        s.append(String.format(Locale.ROOT, ", %.1f s", e.seconds()));
        line(s.toString());
    }

    @Override
    public void onRunFinished(RunResult result) {
        clear();
    }

    static String scores(Scores s) {
        return String.format(Locale.ROOT, "ACC %.4f NMI %.4f ARI %.4f", s.acc(), s.nmi(), s.ari());
    }

    private void show(String text, boolean force) {
        if (terminal) {
            String padded = text.length() < lastWidth ? text + " ".repeat(lastWidth - text.length()) : text;
            err.print("\r" + padded);
            err.flush();
            lastWidth = text.length();
            return;
        }
        long now = System.nanoTime();
        if (force || now - lastPlain >= PLAIN_INTERVAL_NANOS) {
            lastPlain = now;
            err.println(text);
            err.flush();
        }
    }

    private void clear() {
        if (terminal && lastWidth > 0) {
            err.print("\r" + " ".repeat(lastWidth) + "\r");
            lastWidth = 0;
        }
    }

    private static String bar(double fraction) {
        int filled = (int) Math.round(Math.max(0, Math.min(1, fraction)) * BAR);
        return "[" + "#".repeat(filled) + "-".repeat(BAR - filled) + "]";
    }

    static String duration(double seconds) {
        if (!Double.isFinite(seconds)) {
            return "--:--";
        }
        long s = Math.round(seconds);
        return s >= 3600 ? String.format(Locale.ROOT, "%d:%02d:%02d", s / 3600, s / 60 % 60, s % 60)
                : String.format(Locale.ROOT, "%d:%02d", s / 60, s % 60);
    }
}
