package io.mmdcstudio.engine.results;

import io.mmdcstudio.engine.data.ImageDataset;
import io.mmdcstudio.engine.run.RunConfig;
import io.mmdcstudio.engine.run.RunEvents;
import io.mmdcstudio.gmm.ClusteringMetrics.Scores;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Builds the manifest and the assignment rows of a run folder from a finished run or baseline. */
public final class Manifests {

    /** The application's name and version as written into provenance. */
    public static final String APP = "MMDC Studio 0.1.0";

    private Manifests() {}

    /**
     * Everything a manifest needs besides the data.
     *
     * @param method          "mmdc", "mmdc-few-labels" (semi-supervised, {@code --few-labels}), "supervised-few-labels" (its baseline), "kmeans-pixels" or "pca-kmeans"
     * @param dataPath        the input as the user gave it
     * @param labelSource     where labels came from ("subfolders", "idx", "csv", "none")
     * @param config          the run config, or null for a baseline
     * @param clusters        per image
     * @param history         per-epoch records (empty for a baseline)
     * @param scores          metrics over labelled images, or null
     * @param engine          engine description, e.g. "DJL 0.36.0 / PyTorch 2.7.1"
     * @param device          where the work ran
     * @param seed            seed
     * @param startedAt       start of the command
     * @param loadSeconds     data loading time
     * @param trainSeconds    training time
     * @param assignSeconds   final assignment time
     * @param cancelled       whether the run stopped early
     * @param epochsCompleted epochs completed
     * @param keptEpoch       epoch whose weights gave the result
     */
    public record Outcome(String method, String dataPath, String labelSource, RunConfig config, int k, int[] clusters,
            List<RunEvents.EpochEnded> history, Scores scores, String engine, String device, long seed,
            Instant startedAt, double loadSeconds, double trainSeconds, double assignSeconds, boolean cancelled,
            int epochsCompleted, int keptEpoch) {}

    /** The manifest for a finished outcome on {@code data}. */
    public static RunManifest manifest(ImageDataset data, Outcome o) {
        Instant finished = Instant.now();
        RunManifest.DataInfo info = new RunManifest.DataInfo(o.dataPath(), data.size(), data.channels(), data.height(),
                data.width(), data.fingerprint(), data.hasLabels() ? o.labelSource() : "none", data.classNames());
        RunManifest.Provenance provenance = new RunManifest.Provenance(APP, o.engine(),
                System.getProperty("java.version"),
                System.getProperty("os.name") + " " + System.getProperty("os.arch"),
                Runtime.getRuntime().availableProcessors(), o.device(), o.seed(), o.startedAt().toString(),
                finished.toString());
        Map<String, Double> timings = new LinkedHashMap<>();
        timings.put("load", round(o.loadSeconds()));
        timings.put("train", round(o.trainSeconds()));
        timings.put("assign", round(o.assignSeconds()));
        timings.put("total", round((finished.toEpochMilli() - o.startedAt().toEpochMilli()) / 1000.0));
        return new RunManifest(RunManifest.FORMAT, RunManifest.FORMAT_VERSION, o.method(), info, o.config(), o.k(),
                provenance, epochs(o.history()), metrics(o.scores()), sizes(o.clusters(), o.k()), timings,
                o.cancelled(), o.epochsCompleted(), o.keptEpoch(), data.skipped());
    }

    /** One row per image: item, cluster, confidence, and the label name where one is known. */
    public static List<Assignment> rows(ImageDataset data, int[] clusters, float[] confidence) {
        List<Assignment> rows = new ArrayList<>(clusters.length);
        for (int i = 0; i < clusters.length; i++) {
            String label = null;
            if (data.hasLabels() && data.labels()[i] >= 0) {
                label = data.classNames().get(data.labels()[i]);
            }
            rows.add(new Assignment(data.items().get(i), clusters[i], confidence[i], label));
        }
        return rows;
    }

    private static List<RunManifest.EpochRecord> epochs(List<RunEvents.EpochEnded> history) {
        List<RunManifest.EpochRecord> out = new ArrayList<>();
        for (RunEvents.EpochEnded e : history) {
            out.add(new RunManifest.EpochRecord(e.epoch(), orNull(e.clusterLoss()), orNull(e.rotationLoss()),
                    orNull(e.rotationAccuracy()), e.clusterSizes(), e.changedShare(), metrics(e.metrics()),
                    e.learningRate(), round(e.seconds())));
        }
        return out;
    }

    static RunManifest.Metrics metrics(Scores s) {
        return s == null ? null : new RunManifest.Metrics(s.acc(), s.nmi(), s.ari());
    }

    private static int[] sizes(int[] clusters, int k) {
        int[] sizes = new int[k];
        for (int c : clusters) {
            if (c >= 0 && c < k) {
                sizes[c]++;
            }
        }
        return sizes;
    }

    private static Double orNull(double v) {
        return Double.isFinite(v) ? v : null;
    }

    private static double round(double seconds) {
        return Math.round(seconds * 1000) / 1000.0;
    }
}
