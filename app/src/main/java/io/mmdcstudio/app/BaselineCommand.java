package io.mmdcstudio.app;

import io.mmdcstudio.engine.baseline.BaselineMethod;
import io.mmdcstudio.engine.baseline.Baselines;
import io.mmdcstudio.engine.data.ImageDataset;
import io.mmdcstudio.engine.results.Manifests;
import io.mmdcstudio.engine.results.ResultFiles;
import io.mmdcstudio.engine.results.RunManifest;
import io.mmdcstudio.engine.results.Scoring;
import io.mmdcstudio.gmm.ClusteringMetrics;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code mmdc baseline}: a classical clustering of the same data, written in the same files as a run. */
@Command(name = "baseline", mixinStandardHelpOptions = true,
        description = "Cluster with a classical baseline (k-means on pixels, or PCA then k-means); same output files.")
final class BaselineCommand implements Callable<Integer> {

    /** Input side for folders of images (IDX keeps its native size). */
    static final int FOLDER_SIZE = 32;

    @Spec
    CommandSpec spec;

    @Mixin
    DataOptions dataOptions = new DataOptions();

    @Mixin
    OutputOptions output = new OutputOptions();

    @Option(names = "--clusters", required = true, paramLabel = "K", description = "Number of clusters.")
    int clusters;

    @Option(names = "--method", required = true, paramLabel = "kmeans-pixels|pca-kmeans",
            description = "kmeans-pixels: k-means++ on raw pixels; pca-kmeans: PCA to 50 components, then k-means++.")
    String method;

    @Option(names = "--seed", defaultValue = "1", paramLabel = "S", description = "Seed (default ${DEFAULT-VALUE}).")
    long seed;

    @Override
    public Integer call() throws Exception {
        Instant started = Instant.now();
        BaselineMethod m = BaselineMethod.parse(method);
        if (clusters < 2) {
            throw new IllegalArgumentException("--clusters must be at least 2");
        }
        ConsoleProgress console = ConsoleProgress.to(spec.commandLine().getErr());
        long t0 = System.nanoTime();
        ImageDataset data = dataOptions.load(FOLDER_SIZE, console);
        double loadSeconds = (System.nanoTime() - t0) / 1e9;
        Reports.skipped(console, data);
        console.line("clustering " + data.size() + " images with " + m.id() + " ...");
        Baselines.Result r = Baselines.run(data, m, clusters, seed);
        ClusteringMetrics.Scores scores = Scoring.score(data, r.clusters());
        RunManifest manifest = Manifests.manifest(data, new Manifests.Outcome(m.id(), dataOptions.data.toString(),
                dataOptions.labelSource(data), null, clusters, r.clusters(), List.of(), scores, "none", "cpu", seed,
                started, loadSeconds, r.seconds(), 0, false, 0, -1));
        Path dir = output.directory();
        ResultFiles.write(dir, manifest, Manifests.rows(data, r.clusters(), r.confidence()), null);
        Reports.summary(spec.commandLine().getOut(), manifest, dir);
        return 0;
    }
}
