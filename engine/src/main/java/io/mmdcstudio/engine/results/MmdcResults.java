package io.mmdcstudio.engine.results;

import io.mmdcstudio.engine.data.ImageDataset;
import io.mmdcstudio.engine.run.MmdcRun;
import io.mmdcstudio.engine.run.RunConfig;
import io.mmdcstudio.engine.run.RunResult;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Instant;

/**
 * The run folder of an MMDC run, made the same way by the command line and the desktop app: {@code run.json},
 * {@code assignments.csv} and {@code embeddings.f32}.
 *
 * <p>Two steps, because the manifest's timings end when it is made: the app describes the run when it finishes
 * and writes the folder whenever the user presses Save.
 */
public final class MmdcResults {

    private MmdcResults() {}

    /**
     * Where a run's data came from and when it started.
     *
     * @param dataPath    the input as the user gave it
     * @param labelSource where labels came from ("subfolders", "idx", "csv", "none")
     * @param startedAt   when the command (or the Start button) began
     * @param loadSeconds time spent loading the data
     */
    public record Source(String dataPath, String labelSource, Instant startedAt, double loadSeconds) {}

    /** The manifest of a finished (or cancelled) run, timed up to now. Loads the engine for its description. */
    public static RunManifest manifest(ImageDataset data, RunConfig config, RunResult result, Source source) {
        return manifest(data, config, result, source, "mmdc");
    }

    /**
     * {@link #manifest(ImageDataset, RunConfig, RunResult, Source)} under another method name, e.g.
     * "mmdc-few-labels" for the semi-supervised mode or "supervised-few-labels" for its baseline.
     */
    public static RunManifest manifest(ImageDataset data, RunConfig config, RunResult result, Source source,
            String method) {
        return Manifests.manifest(data, new Manifests.Outcome(method, source.dataPath(), source.labelSource(), config,
                config.clusters(), result.clusters(), result.history(), result.metrics(),
                MmdcRun.engineDescription(), "cpu", config.seed(), source.startedAt(), source.loadSeconds(),
                result.trainSeconds(), result.assignSeconds(), result.cancelled(), result.epochsCompleted(),
                result.keptEpoch()));
    }

    /** Writes the run folder {@code dir} (created if needed): manifest, assignments and embeddings. */
    public static void write(Path dir, ImageDataset data, RunManifest manifest, RunResult result) throws IOException {
        ResultFiles.write(dir, manifest, Manifests.rows(data, result.clusters(), result.confidence()),
                result.embeddings());
    }

    /** Where labels came from when they were found automatically: "idx", "subfolders", or "none". */
    public static String autoLabelSource(ImageDataset data) {
        if (!data.hasLabels()) {
            return "none";
        }
        return !data.items().isEmpty() && data.items().get(0).contains("#") ? "idx" : "subfolders";
    }
}
