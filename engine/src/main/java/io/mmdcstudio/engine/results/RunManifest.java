package io.mmdcstudio.engine.results;

import io.mmdcstudio.engine.data.SkippedFile;
import io.mmdcstudio.engine.run.RunConfig;
import java.util.List;
import java.util.Map;

/**
 * The content of {@code run.json}: what was run on which data, how it went epoch by epoch, and how well it did.
 * Field names are part of the command-line contract; add fields, never rename them.
 *
 * @param format        always "mmdc-studio-run"
 * @param formatVersion version of this layout (readers refuse newer ones with a clear message)
 * @param method        "mmdc", "mmdc-few-labels" (semi-supervised, {@code --few-labels}), "supervised-few-labels" (its baseline), "kmeans-pixels" or "pca-kmeans"
 * @param data          what was clustered
 * @param config        the run config (null for baselines)
 * @param clusters      k
 * @param provenance    versions, seed, machine, times
 * @param history       per-epoch records (empty for baselines)
 * @param metrics       {@code acc}, {@code nmi}, {@code ari} over all labelled images, or null without labels
 * @param clusterSizes  images per cluster
 * @param timings       seconds spent: {@code load}, {@code train}, {@code assign}, {@code total}
 * @param cancelled     whether the run was stopped before its last epoch
 * @param epochsCompleted epochs completed
 * @param keptEpoch     zero-based epoch whose weights gave the result (-1 for baselines)
 * @param skipped       every input left out, with its reason
 */
public record RunManifest(
        String format,
        int formatVersion,
        String method,
        DataInfo data,
        RunConfig config,
        int clusters,
        Provenance provenance,
        List<EpochRecord> history,
        Metrics metrics,
        int[] clusterSizes,
        Map<String, Double> timings,
        boolean cancelled,
        int epochsCompleted,
        int keptEpoch,
        List<SkippedFile> skipped) {

    /** The value of {@link #format}. */
    public static final String FORMAT = "mmdc-studio-run";
    /** The layout version this code writes and reads. */
    public static final int FORMAT_VERSION = 1;

    /** Clustering quality against ground-truth labels. */
    public record Metrics(double acc, double nmi, double ari) {}

    /**
     * What was clustered.
     *
     * @param path        the folder or file as given
     * @param images      images clustered
     * @param channels    1 or 3
     * @param height      stored image height
     * @param width       stored image width
     * @param fingerprint digest of the input (paths, sizes, modification times)
     * @param labels      where ground-truth labels came from ("subfolders", "idx", "csv", "none")
     * @param classNames  label names, in label-index order
     */
    public record DataInfo(String path, int images, int channels, int height, int width, String fingerprint,
            String labels, List<String> classNames) {}

    /**
     * Where and how the result was made.
     *
     * @param app       application name and version
     * @param engine    deep-learning engine and version ("DJL 0.36.0 / PyTorch 2.7.1"), or "none"
     * @param java      Java runtime version
     * @param os        operating system and architecture
     * @param cpus      available processors
     * @param device    where training ran
     * @param seed      the run's seed
     * @param startedAt ISO-8601 start time
     * @param finishedAt ISO-8601 end time
     */
    public record Provenance(String app, String engine, String java, String os, int cpus, String device, long seed,
            String startedAt, String finishedAt) {}

    /** One epoch, as written to run.json (NaN values become null). */
    public record EpochRecord(int epoch, Double clusterLoss, Double rotationLoss, Double rotationAccuracy,
            int[] clusterSizes, double changedShare, Metrics metrics, double learningRate, double seconds) {}
}
