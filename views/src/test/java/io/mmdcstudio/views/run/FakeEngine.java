package io.mmdcstudio.views.run;

import io.mmdcstudio.engine.baseline.Baselines;
import io.mmdcstudio.engine.data.DataException;
import io.mmdcstudio.engine.data.ImageDataset;
import io.mmdcstudio.engine.data.LoadProgress;
import io.mmdcstudio.engine.results.Manifests;
import io.mmdcstudio.engine.results.MmdcResults;
import io.mmdcstudio.engine.results.ResultFiles;
import io.mmdcstudio.engine.results.RunManifest;
import io.mmdcstudio.engine.run.Corrections;
import io.mmdcstudio.engine.run.FewLabels;
import io.mmdcstudio.engine.run.Phase;
import io.mmdcstudio.engine.run.RunConfig;
import io.mmdcstudio.engine.run.RunControl;
import io.mmdcstudio.engine.run.RunEvents;
import io.mmdcstudio.engine.run.RunListener;
import io.mmdcstudio.engine.run.RunOptions;
import io.mmdcstudio.engine.run.RunResult;
import io.mmdcstudio.gmm.ClusteringMetrics;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * An engine for view-model tests: loads a synthetic labelled dataset, and "runs" by remembering the listener so
 * the test sends the events itself, one by one, exactly as the run thread would.
 */
public final class FakeEngine implements EngineGateway {

    /** Images in the fake dataset: four classes of ten. */
    public static final int IMAGES = 40;
    /** Classes in the fake dataset. */
    public static final int CLASSES = 4;

    public RunListener listener;
    public RunControl control;
    public ImageDataset data;
    public RunConfig config;
    /** The checkpoint the last run was given, and whether it was to resume from it. */
    public Path checkpoint;
    public boolean resume;
    public final List<Integer> loadedSizes = new ArrayList<>();
    public RuntimeException failRunWith;
    public int baselineRuns;
    private final List<RunEvents.EpochEnded> history = new ArrayList<>();

    @Override
    public ImageDataset load(Path path, int inputSize, LoadProgress progress) throws DataException {
        if (path.toString().contains("missing")) {
            throw new DataException("Not found: " + path);
        }
        loadedSizes.add(inputSize);
        progress.update(IMAGES, IMAGES, "decoding");
        return dataset(inputSize);
    }

    /** Forty 1-channel images of the given side, labelled 0..3 in blocks of ten. */
    public static ImageDataset dataset(int side) {
        List<String> items = new ArrayList<>();
        int[] labels = new int[IMAGES];
        for (int i = 0; i < IMAGES; i++) {
            items.add("/data/class" + i / 10 + "/img" + i + ".png");
            labels[i] = i / 10;
        }
        return new ImageDataset(items, 1, side, side, new byte[IMAGES * side * side], labels,
                List.of("bag", "coat", "dress", "shirt"), List.of(), "fingerprint");
    }

    /** The corrections of the last run, or null. */
    volatile Corrections corrections;
    /** The few labels of the last run, or null. */
    volatile FewLabels fewLabels;

    @Override
    public RunResult run(ImageDataset d, RunConfig c, RunListener l, RunControl ctl, RunOptions options) {
        Path checkpointFile = options.checkpoint();
        boolean resumed = options.resume();
        corrections = options.corrections();
        fewLabels = options.fewLabels();
        if (failRunWith != null) {
            throw failRunWith;
        }
        checkpoint = checkpointFile;
        resume = resumed;
        data = d;
        config = c;
        listener = l;
        control = ctl;
        history.clear();
        return null;
    }

    @Override
    public Baselines.Result baseline(ImageDataset d, int k, long seed) {
        baselineRuns++;
        int[] clusters = new int[d.size()];
        Arrays.setAll(clusters, i -> (i / 10 + (i % 10 == 0 ? 1 : 0)) % k);
        float[] confidence = new float[d.size()];
        Arrays.fill(confidence, 0.5f);
        return new Baselines.Result(clusters, confidence, 0.01);
    }

    @Override
    public RunManifest describe(ImageDataset d, RunConfig c, RunResult r, MmdcResults.Source s) {
        return Manifests.manifest(d, new Manifests.Outcome("mmdc", s.dataPath(), s.labelSource(), c, c.clusters(),
                r.clusters(), r.history(), r.metrics(), "fake", "cpu", c.seed(), s.startedAt(), s.loadSeconds(),
                r.trainSeconds(), r.assignSeconds(), r.cancelled(), r.epochsCompleted(), r.keptEpoch()));
    }

    @Override
    public void save(Path dir, ImageDataset d, RunManifest m, RunResult r) throws IOException {
        ResultFiles.write(dir, m, Manifests.rows(d, r.clusters(), r.confidence()), r.embeddings());
    }

    @Override
    public String device() {
        return "CPU · test";
    }

    // ------------------------------------------------------------------ the run's events, sent by the test

    public void started() {
        listener.onRunStarted(new RunEvents.Started(data.size(), data.size(), config.epochs(), 0, "cpu()", 1000,
                config));
    }

    public void batch(int epoch, Phase phase, int batch, int batches, double loss) {
        listener.onPhase(new RunEvents.PhaseStarted(epoch, phase));
        listener.onBatch(new RunEvents.BatchProgress(epoch, phase, batch, batches, loss, 500,
                (epoch + (batch + 1.0) / batches) / config.epochs(), 10));
    }

    /** An epoch whose clusters are the labels shifted by one (so ACC is 1 under the Hungarian mapping). */
    public void epoch(int epoch) {
        int n = data.size();
        int[] images = new int[n];
        Arrays.setAll(images, i -> i);
        int[] clusters = clusters();
        float[] confidence = new float[n];
        for (int i = 0; i < n; i++) {
            confidence[i] = (i % 10) / 10f;
        }
        listener.onEpochEmbeddings(new RunEvents.EpochSnapshot(epoch, images, clusters, confidence, embeddings()));
        int[] sizes = new int[config.clusters()];
        for (int c : clusters) {
            sizes[c]++;
        }
        RunEvents.EpochEnded e = new RunEvents.EpochEnded(epoch, config.epochs(), 0.5 / (epoch + 1), 1.2, 0.5,
                sizes, 0.1, ClusteringMetrics.score(data.labels(), clusters), 0.05, 1);
        history.add(e);
        listener.onEpoch(e);
    }

    public void finish(boolean cancelled) {
        int[] clusters = clusters();
        float[] confidence = new float[clusters.length];
        Arrays.fill(confidence, 0.9f);
        listener.onRunFinished(new RunResult(clusters, confidence, embeddings(), history,
                ClusteringMetrics.score(data.labels(), clusters), cancelled, history.size(), history.size() - 1,
                2.0, 0.5));
    }

    private int[] clusters() {
        int[] clusters = new int[data.size()];
        Arrays.setAll(clusters, i -> (data.labels()[i] + 1) % config.clusters());
        return clusters;
    }

    private float[][] embeddings() {
        float[][] e = new float[data.size()][config.clusters()];
        int[] clusters = clusters();
        for (int i = 0; i < e.length; i++) {
            e[i][clusters[i]] = 1;
            e[i][(clusters[i] + 1) % config.clusters()] = (i % 10) / 20f;
        }
        return e;
    }
}
