package io.mmdcstudio.views.run;

import io.mmdcstudio.engine.baseline.BaselineMethod;
import io.mmdcstudio.engine.baseline.Baselines;
import io.mmdcstudio.engine.data.DataException;
import io.mmdcstudio.engine.data.DatasetLoader;
import io.mmdcstudio.engine.data.ImageDataset;
import io.mmdcstudio.engine.data.LoadOptions;
import io.mmdcstudio.engine.data.LoadProgress;
import io.mmdcstudio.engine.results.Assignment;
import io.mmdcstudio.engine.results.MmdcResults;
import io.mmdcstudio.engine.results.ResultFiles;
import io.mmdcstudio.engine.results.RunManifest;
import io.mmdcstudio.engine.run.MmdcRun;
import io.mmdcstudio.engine.run.RunConfig;
import io.mmdcstudio.engine.run.RunControl;
import io.mmdcstudio.engine.run.RunListener;
import io.mmdcstudio.engine.run.RunOptions;
import io.mmdcstudio.engine.run.RunResult;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * Everything the view models ask of the engine, behind one interface so that view-model tests can replay a run
 * without a network. All methods block; the view models call them on their worker threads, never on the FX
 * thread.
 */
public interface EngineGateway {

    /** Loads a folder, IDX file or folder of IDX files at {@code inputSize}, labels found automatically. */
    ImageDataset load(Path path, int inputSize, LoadProgress progress) throws DataException;

    /** Batch events at most every second batch (and at least every half second): several a second. */
    int BATCH_EVENT_EVERY = 2;

    /**
     * Runs MMDC; call on the one thread that owns the run's tensors. {@code options} say where the checkpoint
     * goes, whether to resume from it, and the corrections or few labels of the run, if any.
     */
    RunResult run(ImageDataset data, RunConfig config, RunListener listener, RunControl control, RunOptions options)
            throws IOException;

    /**
     * Runs MMDC with a checkpoint.
     *
     * @param checkpoint written (atomically) after every epoch, or null for none
     * @param resume     continue from {@code checkpoint} (same data and settings; more epochs are allowed)
     */
    default RunResult run(ImageDataset data, RunConfig config, RunListener listener, RunControl control,
            Path checkpoint, boolean resume) throws IOException {
        return run(data, config, listener, control, new RunOptions(checkpoint, resume, BATCH_EVENT_EVERY));
    }

    /** Runs MMDC from the start without a checkpoint. */
    default RunResult run(ImageDataset data, RunConfig config, RunListener listener, RunControl control)
            throws IOException {
        return run(data, config, listener, control, null, false);
    }

    /** The pixel k-means baseline on the same data. */
    Baselines.Result baseline(ImageDataset data, int k, long seed);

    /** The manifest of a finished run, as the command line would write it. */
    RunManifest describe(ImageDataset data, RunConfig config, RunResult result, MmdcResults.Source source);

    /** Writes a run folder: run.json, assignments.csv, embeddings.f32. */
    void save(Path dir, ImageDataset data, RunManifest manifest, RunResult result) throws IOException;

    /** Where the tensors live, in words ("CPU"). */
    String device();

    /**
     * A finished run as its folder holds it.
     *
     * @param manifest   run.json
     * @param rows       assignments.csv
     * @param embeddings embeddings.f32, or null when the folder has none
     */
    record SavedRun(RunManifest manifest, List<Assignment> rows, float[][] embeddings) {}

    /** Whether {@code dir} is a run folder (it holds run.json). */
    static boolean isRunFolder(Path dir) {
        return Files.isDirectory(dir) && Files.isRegularFile(dir.resolve(ResultFiles.MANIFEST));
    }

    /** Reads a run folder written by {@link #save} or the command line. */
    default SavedRun openRun(Path dir) throws IOException {
        RunManifest manifest = ResultFiles.readManifest(dir);
        List<Assignment> rows = ResultFiles.readAssignments(dir);
        float[][] embeddings = Files.isRegularFile(dir.resolve(ResultFiles.EMBEDDINGS))
                ? ResultFiles.readEmbeddings(dir) : null;
        return new SavedRun(manifest, rows, embeddings);
    }

    /** The real engine. */
    static EngineGateway engine() {
        return new EngineGateway() {
            @Override
            public ImageDataset load(Path path, int inputSize, LoadProgress progress) throws DataException {
                return DatasetLoader.load(path, LoadOptions.defaults(inputSize), progress);
            }

            @Override
            public RunResult run(ImageDataset data, RunConfig config, RunListener listener, RunControl control,
                    RunOptions options) throws IOException {
                return MmdcRun.run(data, config, options, listener, control);
            }

            @Override
            public Baselines.Result baseline(ImageDataset data, int k, long seed) {
                return Baselines.run(data, BaselineMethod.KMEANS_PIXELS, k, seed);
            }

            @Override
            public RunManifest describe(ImageDataset data, RunConfig config, RunResult result,
                    MmdcResults.Source source) {
                return MmdcResults.manifest(data, config, result, source);
            }

            @Override
            public void save(Path dir, ImageDataset data, RunManifest manifest, RunResult result) throws IOException {
                MmdcResults.write(dir, data, manifest, result);
            }

            @Override
            public String device() {
                // The engine trains on the CPU (MmdcTrainer uses Device.cpu()); say how many cores it shares.
                return "CPU · " + Runtime.getRuntime().availableProcessors() + " cores";
            }
        };
    }
}
