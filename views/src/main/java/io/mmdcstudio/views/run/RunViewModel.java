package io.mmdcstudio.views.run;

import io.mmdcstudio.engine.data.ImageDataset;
import io.mmdcstudio.engine.io.AtomicFiles;
import io.mmdcstudio.engine.results.Manifests;
import io.mmdcstudio.engine.results.MmdcResults;
import io.mmdcstudio.engine.results.ResultFiles;
import io.mmdcstudio.engine.results.RunManifest;
import io.mmdcstudio.engine.results.Scoring;
import io.mmdcstudio.engine.run.Phase;
import io.mmdcstudio.engine.results.RunEdits;
import io.mmdcstudio.engine.run.Corrections;
import io.mmdcstudio.engine.run.FewLabels;
import io.mmdcstudio.engine.run.RunConfig;
import io.mmdcstudio.engine.run.RunControl;
import io.mmdcstudio.engine.run.RunEvents;
import io.mmdcstudio.engine.run.RunListener;
import io.mmdcstudio.engine.run.RunOptions;
import io.mmdcstudio.engine.run.RunResult;
import io.mmdcstudio.engine.session.PendingRun;
import io.mmdcstudio.gmm.ClusteringMetrics.Scores;
import io.mmdcstudio.views.charts.ChartsViewModel;
import io.mmdcstudio.views.confusion.ConfusionViewModel;
import io.mmdcstudio.views.data.DataViewModel;
import io.mmdcstudio.views.fx.Formats;
import io.mmdcstudio.views.fx.LatestOnly;
import io.mmdcstudio.views.fx.UiQueue;
import io.mmdcstudio.views.gallery.GalleryViewModel;
import io.mmdcstudio.views.map.MapProjection;
import io.mmdcstudio.views.map.MapViewModel;
import io.mmdcstudio.views.settings.SettingsViewModel;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.BooleanSupplier;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyDoubleProperty;
import javafx.beans.property.ReadOnlyDoubleWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleBooleanProperty;

/**
 * A run as the window shows it: Start, Pause, Resume, Cancel and Save, the progress line, the teaching
 * sentence, step mode, the baseline and the summary; it feeds the charts, gallery, map and confusion matrix.
 *
 * <p>Threads: the run executes on {@link StudioExecutors#run()}; its events pass through a {@link UiQueue}
 * (progress replaces progress, chart points are appended), and per-epoch snapshots are analysed on
 * {@link StudioExecutors#analysis()} with only the newest one kept when the analysis falls behind. Every
 * property changes on the UI thread only.
 */
public final class RunViewModel {

    /** What the views a run feeds. */
    public record Outputs(ChartsViewModel charts, GalleryViewModel gallery, MapViewModel map,
            ConfusionViewModel confusion) {}

    /** How long a map waits for the window to draw its moment's gallery (see {@link #analyse}). */
    private static final long MAP_WAIT_MS = 1000;

    private final EngineGateway engine;
    private final StudioExecutors ex;
    private final UiQueue ui;
    private final DataViewModel data;
    private final SettingsViewModel settings;
    private final Outputs out;
    private final RunAnalysis analysis;
    private final LatestOnly<RunAnalysis.Moment> analyser;
    /** Moments to map, each with the latch its gallery's frame counts down (see {@link #analyse}). */
    private final LatestOnly<ToMap> mapper;

    private final ReadOnlyObjectWrapper<RunState> state = new ReadOnlyObjectWrapper<>(this, "state", RunState.IDLE);
    private final ReadOnlyDoubleWrapper fraction = new ReadOnlyDoubleWrapper(this, "fraction", 0);
    private final ReadOnlyStringWrapper epochText = new ReadOnlyStringWrapper(this, "epochText", "");
    private final ReadOnlyObjectWrapper<Phase> phase = new ReadOnlyObjectWrapper<>(this, "phase");
    private final ReadOnlyStringWrapper explanation = new ReadOnlyStringWrapper(this, "explanation",
            "Press Start: a network learns to group these images without ever seeing their labels.");
    private final ReadOnlyStringWrapper etaText = new ReadOnlyStringWrapper(this, "etaText", "");
    private final ReadOnlyStringWrapper speedText = new ReadOnlyStringWrapper(this, "speedText", "");
    private final ReadOnlyStringWrapper device = new ReadOnlyStringWrapper(this, "device");
    private final ReadOnlyStringWrapper message = new ReadOnlyStringWrapper(this, "message", "");
    private final ReadOnlyStringWrapper startBlockedReason = new ReadOnlyStringWrapper(this, "startBlockedReason", "");
    private final ReadOnlyBooleanWrapper canStart = new ReadOnlyBooleanWrapper(this, "canStart");
    private final ReadOnlyBooleanWrapper canPause = new ReadOnlyBooleanWrapper(this, "canPause");
    private final ReadOnlyBooleanWrapper canResume = new ReadOnlyBooleanWrapper(this, "canResume");
    private final ReadOnlyBooleanWrapper canCancel = new ReadOnlyBooleanWrapper(this, "canCancel");
    private final ReadOnlyBooleanWrapper canSave = new ReadOnlyBooleanWrapper(this, "canSave");
    private final ReadOnlyObjectWrapper<RunResult> result = new ReadOnlyObjectWrapper<>(this, "result");
    private final ReadOnlyObjectWrapper<RunSummary> summary = new ReadOnlyObjectWrapper<>(this, "summary");
    private final ReadOnlyObjectWrapper<RunOutput> output = new ReadOnlyObjectWrapper<>(this, "output");
    private final ReadOnlyObjectWrapper<BaselineScore> baseline = new ReadOnlyObjectWrapper<>(this, "baseline");
    private final BooleanProperty stepMode = new SimpleBooleanProperty(this, "stepMode");
    private final BooleanProperty teaching = new SimpleBooleanProperty(this, "teaching", true);

    /** Read by the run thread in {@link Pump#onEpoch}; mirrors {@link #stepMode}. */
    private volatile boolean stepping;
    /** Keys in the UI queue of updates where only the latest matters. */
    private final Object progressKey = new Object();
    private final Object phaseKey = new Object();
    private final Object analysisKey = new Object();
    private final Object mapKey = new Object();

    private final ReadOnlyBooleanWrapper canResumeTraining = new ReadOnlyBooleanWrapper(this, "canResumeTraining");
    /** The opened run folder's checkpoint, when it has one to continue from; else null. */
    private Path resumeFrom;
    /** The checkpoint of the result on show, whose weights "continue with corrections" starts from; or null. */
    private Path continueFrom;
    /** Set by {@link #continueWithCorrections} for the launch it starts: the fixed clusters per image. */
    private int[] fixedForNextRun;
    /** Set by {@link #refineWithLabels} for the launch it starts: the class (cluster) per labelled image. */
    private int[] labelledForNextRun;
    private final ReadOnlyBooleanWrapper canContinue = new ReadOnlyBooleanWrapper(this, "canContinue");
    private final ReadOnlyBooleanWrapper canRefine = new ReadOnlyBooleanWrapper(this, "canRefine");
    /** Epochs the opened run completed. */
    private int openedEpochs;
    /** The checkpoint the current (or last) run of the window writes after every epoch. */
    private Path checkpoint;
    /** Where runs of the window keep their checkpoint and the record of a run in progress; null: a temp file. */
    private Path workFolder;
    /** What the progress line says when a resumed run starts. */
    private String resumeNote = "";

    private RunControl control;
    private ImageDataset runData;
    /** Starts so far: a map still being computed for an earlier run is abandoned (see {@link #analyse}). */
    private final AtomicLong starts = new AtomicLong();
    private RunConfig runConfig;
    private RunManifest manifest;
    private Instant startedAt;
    /** The latest baseline asked for; read by the baseline thread to skip requests overtaken meanwhile. */
    private volatile long baselineTicket;
    private ImageDataset baselineData;

    /**
     * @param projection how the map projects embeddings (PCA, or t-SNE when the engine has it)
     */
    public RunViewModel(EngineGateway engine, StudioExecutors executors, UiQueue ui, DataViewModel data,
            SettingsViewModel settings, Outputs outputs, MapProjection projection) {
        this.engine = Objects.requireNonNull(engine, "engine");
        this.ex = Objects.requireNonNull(executors, "executors");
        this.ui = Objects.requireNonNull(ui, "ui");
        this.data = Objects.requireNonNull(data, "data");
        this.settings = Objects.requireNonNull(settings, "settings");
        this.out = Objects.requireNonNull(outputs, "outputs");
        this.analysis = new RunAnalysis(projection);
        this.analyser = new LatestOnly<>(ex.analysis(), this::analyse);
        this.mapper = new LatestOnly<>(ex.map(), this::map);
        device.set(engine.device());
        stepMode.addListener((obs, was, now) -> stepping = now);
        state.addListener((obs, was, now) -> refresh());
        data.datasetProperty().addListener((obs, was, now) -> refresh());
        data.loadingProperty().addListener((obs, was, now) -> refresh());
        settings.configProperty().addListener((obs, was, now) -> refresh());
        settings.problemProperty().addListener((obs, was, now) -> refresh());
        result.addListener((obs, was, now) -> refresh());
        refresh();
    }

    // ------------------------------------------------------------------ commands

    /** Starts a run with the current settings on the open data (reloading it first at another input size). */
    public void start() {
        if (canStart.get()) {
            begin(null);
        }
    }

    /**
     * Continues the opened run from its folder's checkpoint.bin (a run cancelled before its last epoch, or a
     * finished one given more epochs in the settings), or a run of the window cut short by a crash or a kill (see
     * {@link #recoverInterrupted}). The folder's own files stay as they are: training goes on from a
     * copy of the checkpoint, and the new result is saved like any other.
     */
    public void resumeTraining() {
        if (canResumeTraining.get()) {
            begin(resumeFrom);
        }
    }

    /**
     * Trains the result on show further with a person's corrections: images moved or pinned in {@code edits}
     * keep their cluster as fixed targets, and training starts from the weights of that result (its checkpoint),
     * so cluster numbers and names stay. Settings as in the sheet, without a warm-up epoch.
     */
    public void continueWithCorrections(RunEdits edits) {
        if (!canContinue.get()) {
            return;
        }
        fixedForNextRun = fixedOrSay(edits, "Move or pin some images first: they are what the network trains towards.");
        if (fixedForNextRun != null) {
            begin(null);
        }
    }

    /**
     * Trains anew in the semi-supervised mode (few labels): the images a person moved or pinned in {@code edits}
     * are labelled examples of their clusters, cluster j stays cluster j, and every other image is learned from
     * them and from the label-free MMDC epochs in between. Settings as in the sheet.
     */
    public void refineWithLabels(RunEdits edits) {
        if (!canRefine.get()) {
            return;
        }
        labelledForNextRun = fixedOrSay(edits, "Label a few images first: move or pin them into the cluster they "
                + "belong to.");
        if (labelledForNextRun != null) {
            begin(null);
        }
    }

    /**
     * Per image of the open data, the cluster {@code edits} fix it in (moved or pinned), or -1; null, with
     * {@code unlessNone} as the message, when they fix none.
     */
    private int[] fixedOrSay(RunEdits edits, String unlessNone) {
        int[] fixed = edits.fixedClusters(data.dataset().items(), output.get().rows());
        if (java.util.Arrays.stream(fixed).allMatch(c -> c < 0)) {
            message.set(unlessNone);
            return null;
        }
        return fixed;
    }

    private void begin(Path from) {
        RunConfig config = settings.configProperty().get();
        int[] fixed = fixedForNextRun;
        fixedForNextRun = null;
        int[] labelled = labelledForNextRun;
        labelledForNextRun = null;
        Path startWeights = fixed == null ? null : continueFrom;
        if (fixed != null) {
            config = config.toBuilder().warmupEpochs(0).build(); // the features are trained already
        }
        continueFrom = null;
        ImageDataset current = data.dataset();
        control = new RunControl();
        runConfig = config;
        manifest = null;
        startedAt = Instant.now();
        result.set(null);
        summary.set(null);
        output.set(null);
        resumeFrom = null;
        checkpoint = workFolder != null ? workFolder.resolve(CHECKPOINT) : workingCheckpoint();
        message.set(from == null ? "" : resumeNote);
        fraction.set(-1);
        epochText.set("Epoch 1 of " + config.epochs());
        etaText.set("");
        speedText.set("");
        phase.set(Phase.PREPARING);
        explanation.set(Phase.PREPARING.explanation());
        state.set(RunState.STARTING);
        RunConfig chosen = config;
        Corrections corrections = fixed == null ? null : new Corrections(fixed, startWeights);
        FewLabels fewLabels = labelled == null ? null : FewLabels.semiSupervised(labelled);
        // The buttons and the progress strip answer the click in this frame. The rest of what Start changes on
        // screen comes in later frames, a part each: the loss lines, then the other charts and the tabs. The run
        // starts last, after the settings are greyed too (StudioView), because PyTorch starting takes the CPU
        // that the window's frames need on a small machine. So no frame is long (docs/BENCHMARKS.md, section 6).
        inLaterFrames(List.of(
                () -> out.charts().clearLosses(),
                () -> {
                    out.charts().reset(chosen.epochs(), chosen.clusters(), current.hasLabels(), chosen.rotation());
                    out.gallery().clear();
                    out.map().clear();
                    out.confusion().clear();
                    starts.incrementAndGet();
                    ex.map().execute(analysis::reset);
                },
                () -> {
                    if (current.height() != chosen.inputSize()) {
                        message.set("Loading the images at " + chosen.inputSize() + " px…");
                        data.open(data.pathProperty().get(), chosen.inputSize(), loaded -> launch(loaded, chosen,
                                from, corrections, fewLabels));
                    } else {
                        launch(current, chosen, from, corrections, fewLabels);
                    }
                }));
    }

    /** Runs each step in a frame of its own, each later than the one before (StudioExecutors.nextFrame). */
    private void inLaterFrames(List<Runnable> steps) {
        if (!steps.isEmpty()) {
            ex.nextFrame().execute(() -> {
                steps.get(0).run();
                inLaterFrames(steps.subList(1, steps.size()));
            });
        }
    }

    /** The run ended (finished, cancelled or failed): it is no longer one to recover at the next start. */
    private static void clearPending(Path work) {
        if (work == null) {
            return;
        }
        try {
            PendingRun.clear(work);
        } catch (java.io.IOException e) {
            // Harmless: the next start would offer to resume a run that ended; its checkpoint is still valid.
        }
    }

    /**
     * Keeps the checkpoint of the window's runs in {@code dir} (the app's own folder), with a record of the run in
     * progress, so that a run cut short by a crash or a kill can be resumed at the next start.
     */
    public void useWorkFolder(Path dir) {
        workFolder = dir;
    }

    /**
     * Looks for a run of the window that never ended (the app crashed or was killed): when there is one, opens its
     * images with its settings and offers Resume training from its last checkpoint; otherwise runs {@code orElse}.
     */
    public void recoverInterrupted(Runnable orElse) {
        Path work = workFolder;
        if (work == null || !PendingRun.exists(work)) {
            orElse.run();
            return;
        }
        ex.worker().execute(() -> {
            try {
                PendingRun pending = PendingRun.read(work);
                boolean hasCheckpoint = java.nio.file.Files.isRegularFile(work.resolve(CHECKPOINT));
                ui.append(() -> offer(pending, hasCheckpoint, work, orElse));
            } catch (java.io.IOException | RuntimeException e) {
                clearPending(work);
                ui.append(() -> {
                    orElse.run();
                    message.set("An interrupted run could not be recovered: " + why(e));
                });
            }
        });
    }

    private void offer(PendingRun pending, boolean hasCheckpoint, Path work, Runnable orElse) {
        if (!hasCheckpoint) {
            clearPending(work);
            orElse.run();
            message.set("The last run was interrupted before its first epoch ended; start it again when you like.");
            return;
        }
        data.open(Path.of(pending.dataPath()), pending.config().inputSize(), d -> {
            settings.use(pending.config());
            resumeFrom = work.resolve(CHECKPOINT);
            openedEpochs = 0;
            resumeNote = "Resuming the interrupted run from its last checkpoint…";
            refresh();
            message.set("The run started " + pending.startedAt() + " was interrupted (the app was closed by a crash or "
                    + "a kill). Resume training continues it from its last checkpoint.");
        });
    }

    /** Where this run's checkpoint goes: a file of the app's own in the temporary folder, copied by Save. */
    private static Path workingCheckpoint() {
        Path file = Path.of(System.getProperty("java.io.tmpdir"), "mmdc-run-" + java.util.UUID.randomUUID() + "-"
                + CHECKPOINT);
        file.toFile().deleteOnExit();
        return file;
    }

    private void launch(ImageDataset d, RunConfig config, Path from, Corrections given, FewLabels labels) {
        if (control.isCancelled()) {
            state.set(RunState.CANCELLED);
            return;
        }
        runData = d;
        out.gallery().setDataset(d);
        computeBaseline(d, config.clusters(), config.seed());
        RunControl c = control;
        Path work = workFolder;
        Pump pump = new Pump(d, config, c, work);
        Path ckpt = checkpoint;
        String images = String.valueOf(data.pathProperty().get().toAbsolutePath());
        ex.run().execute(() -> {
            try {
                if (from != null && !from.equals(ckpt)) {
                    // Never write into the opened folder: its checkpoint belongs to the run.json beside it.
                    java.nio.file.Files.createDirectories(ckpt.getParent());
                    java.nio.file.Files.copy(from, ckpt, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
                }
                if (work != null) {
                    // Found at the next start only if this run never ends: a crash or a kill.
                    PendingRun.of(images, config, Instant.now().toString()).write(work);
                }
                engine.run(d, config, pump, c, new RunOptions(ckpt, from != null, EngineGateway.BATCH_EVENT_EVERY,
                        startFromCopy(given, ckpt), labels));
                // the pump clears the pending-run record at the end
            } catch (Exception | LinkageError e) {
                // LinkageError: the native PyTorch library failed to load; say so instead of hanging in STARTING.
                clearPending(work);
                String why = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
                ui.append(() -> fail(why));
            }
        });
    }

    /**
     * The corrections with their start weights copied beside the new checkpoint first: the new run writes its
     * checkpoint over the old one after its first epoch, and an opened folder's checkpoint is never written to.
     */
    private static Corrections startFromCopy(Corrections given, Path ckpt) throws java.io.IOException {
        if (given == null || given.startFrom() == null) {
            return given;
        }
        Path copy = ckpt.resolveSibling("start-" + ckpt.getFileName());
        java.nio.file.Files.createDirectories(copy.getParent());
        java.nio.file.Files.copy(given.startFrom(), copy, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
        return new Corrections(given.fixedClusters(), copy);
    }

    /** Holds the run at the next batch boundary. */
    public void pause() {
        if (canPause.get()) {
            control.pause();
            state.set(RunState.PAUSED);
            message.set("Paused. Resume when you are ready; nothing is lost.");
        }
    }

    /** Lets a paused run go on. */
    public void resume() {
        if (canResume.get()) {
            control.resume();
            state.set(RunState.RUNNING);
            message.set("");
        }
    }

    /** Pause when running, resume when paused (one shortcut for both). */
    public void togglePause() {
        if (canResume.get()) {
            resume();
        } else {
            pause();
        }
    }

    /** Stops the run; the images are then assigned with the weights of the epochs completed. */
    public void cancel() {
        if (canCancel.get()) {
            control.cancel();
            state.set(RunState.CANCELLING);
            message.set("Cancelling: assigning every image with what was learnt so far…");
        }
    }

    /** Writes run.json, assignments.csv and embeddings.f32 into {@code dir}, on the worker. */
    public void save(Path dir) {
        if (!canSave.get()) {
            return;
        }
        RunManifest m = manifest;
        RunResult r = result.get();
        ImageDataset d = runData;
        Path ckpt = checkpoint;
        message.set("Saving to " + dir + "…");
        ex.worker().execute(() -> {
            try {
                engine.save(dir, d, m, r);
                copyCheckpoint(ckpt, dir);
                ui.append(() -> {
                    message.set("Saved run.json and assignments.csv to " + dir);
                    RunOutput o = output.get();
                    if (o != null && o.runDir() == null) {
                        output.set(o.savedIn(dir)); // the corrections follow it into the folder
                    }
                });
            } catch (java.io.IOException | RuntimeException e) {
                String why = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
                ui.append(() -> message.set("Could not save to " + dir + ": " + why));
            }
        });
    }

    /** Writes the result on screen as a run folder; made on the UI thread, run on a worker. */
    @FunctionalInterface
    public interface ResultWriter {
        /** Writes run.json, assignments.csv, embeddings.f32 (and checkpoint.bin when the run has one) into dir. */
        void writeTo(Path dir) throws java.io.IOException;
    }

    /**
     * A writer of the result on screen, or null without one: a run trained in the window is written as Save
     * results writes it; an opened run's files are copied from its folder (each file atomically).
     */
    public ResultWriter resultWriter() {
        RunResult r = result.get();
        RunManifest m = manifest;
        ImageDataset d = runData;
        Path ckpt = checkpoint;
        if (r != null && m != null && r.clusters().length > 0) {
            return dir -> {
                engine.save(dir, d, m, r);
                copyCheckpoint(ckpt, dir);
            };
        }
        RunOutput o = output.get();
        if (o == null || o.runDir() == null) {
            return null;
        }
        Path from = o.runDir();
        return dir -> {
            java.nio.file.Files.createDirectories(dir);
            for (String name : List.of(ResultFiles.MANIFEST, ResultFiles.ASSIGNMENTS, ResultFiles.EMBEDDINGS,
                    CHECKPOINT)) {
                Path file = from.resolve(name);
                if (java.nio.file.Files.isRegularFile(file)) {
                    AtomicFiles.write(dir.resolve(name), out -> java.nio.file.Files.copy(file, out));
                }
            }
        };
    }

    /** Copies the run's checkpoint (when it wrote one) into its saved folder, so that it can be resumed later. */
    private static void copyCheckpoint(Path ckpt, Path dir) throws java.io.IOException {
        if (ckpt != null && java.nio.file.Files.isRegularFile(ckpt)) {
            AtomicFiles.write(dir.resolve(CHECKPOINT), out -> java.nio.file.Files.copy(ckpt, out));
        }
    }

    /** The name of a run's checkpoint in its folder (as {@code mmdc train} writes it). */
    public static final String CHECKPOINT = "checkpoint.bin";

    /** The result on screen now lives in {@code dir} too (a saved session): corrections are kept there. */
    public void adoptFolder(Path dir) {
        RunOutput o = output.get();
        if (o != null && o.runDir() == null) {
            output.set(o.savedIn(dir));
        }
    }

    /** Shows a status message from another part of the window (sessions, corrections). */
    public void showMessage(String text) {
        message.set(text == null ? "" : text);
    }

    /**
     * How a run folder is opened.
     *
     * @param images     where the images are, overriding the path run.json records (a session knows it), or null
     * @param projectMap whether to lay out the map from the embeddings (a session brings its saved layout instead)
     * @param shown      called on the UI thread once the result is on screen, with its images, or null
     */
    public record OpenOptions(Path images, boolean projectMap, java.util.function.Consumer<ImageDataset> shown) {
        /** As Open folder does it: the recorded images, the map laid out anew. */
        public static final OpenOptions DEFAULT = new OpenOptions(null, true, null);
    }

    /**
     * Opens an earlier run's folder: reads it on the worker, re-opens its images from where the run found them,
     * and shows its assignments, map, confusion matrix, per-epoch charts and summary. Its settings become the
     * current ones, so Start runs it again.
     */
    public void openRunFolder(Path dir) {
        openRunFolder(dir, OpenOptions.DEFAULT);
    }

    /** Opens an earlier run's folder as {@code options} say. */
    public void openRunFolder(Path dir, OpenOptions options) {
        if (state.get().active()) {
            return;
        }
        message.set("Opening the run in " + dir + "…");
        ex.worker().execute(() -> {
            try {
                EngineGateway.SavedRun saved = engine.openRun(dir);
                boolean resumable = java.nio.file.Files.isRegularFile(dir.resolve(CHECKPOINT));
                ui.append(() -> openImagesOf(dir, saved, options, resumable));
            } catch (java.io.IOException | RuntimeException e) {
                ui.append(() -> message.set("Could not open the run in " + dir + ": " + why(e)));
            }
        });
    }

    private void openImagesOf(Path dir, EngineGateway.SavedRun saved, OpenOptions options, boolean resumable) {
        RunManifest m = saved.manifest();
        Path images = Path.of(m.data().path());
        if (options.images() != null && java.nio.file.Files.exists(options.images())) {
            images = options.images();
        } else if (!images.isAbsolute() && !java.nio.file.Files.exists(images)) {
            // The command line records the path as typed; relative to the run folder's parent is the best guess.
            Path beside = dir.toAbsolutePath().getParent() == null ? images
                    : dir.toAbsolutePath().getParent().resolve(images);
            images = java.nio.file.Files.exists(beside) ? beside : images;
        }
        int side = m.config() != null ? m.config().inputSize() : m.data().height();
        Path base = baseOf(images, m.data().path());
        data.open(images, side, d -> {
            showSaved(dir, saved, d, options.projectMap());
            if (summary.get() != null) {
                checkpoint = null;
                resumeFrom = resumable && m.config() != null ? dir.resolve(CHECKPOINT) : null;
                continueFrom = resumeFrom;
                openedEpochs = m.epochsCompleted();
                resumeNote = "Resuming from the checkpoint of epoch " + openedEpochs + "…";
                refresh();
                output.set(new RunOutput(saved.rows(), m.clusters(), dir, base));
                if (options.shown() != null) {
                    options.shown().accept(d);
                }
            }
        });
    }

    /**
     * The folder the run's relative item paths start from: the command line records paths as typed, so for data
     * recorded as {@code sample-data} and found at {@code /home/me/mmdc/sample-data} it is {@code /home/me/mmdc}.
     */
    static Path baseOf(Path images, String recorded) {
        Path as = Path.of(recorded);
        Path found = images.toAbsolutePath().normalize();
        if (as.isAbsolute() || !found.endsWith(as.normalize())) {
            return Path.of("");
        }
        Path base = found;
        for (int i = 0; i < as.normalize().getNameCount(); i++) {
            base = base.getParent();
        }
        return base == null ? Path.of("") : base;
    }

    private void showSaved(Path dir, EngineGateway.SavedRun saved, ImageDataset d, boolean projectMap) {
        RunManifest m = saved.manifest();
        java.util.Map<String, Integer> byItem = new java.util.HashMap<>(d.size() * 2);
        for (int i = 0; i < d.size(); i++) {
            byItem.put(d.items().get(i), i);
        }
        int n = saved.rows().size();
        boolean withEmbeddings = projectMap && saved.embeddings() != null && saved.embeddings().length == n;
        int[] images = new int[n];
        int[] clusters = new int[n];
        float[] confidence = new float[n];
        float[][] embeddings = withEmbeddings ? new float[n][] : null;
        int found = 0;
        for (int r = 0; r < n; r++) {
            var row = saved.rows().get(r);
            Integer i = byItem.get(row.item());
            if (i == null || row.cluster() < 0 || row.cluster() >= m.clusters()) {
                continue;
            }
            images[found] = i;
            clusters[found] = row.cluster();
            confidence[found] = (float) row.confidence();
            if (withEmbeddings) {
                embeddings[found] = saved.embeddings()[r];
            }
            found++;
        }
        if (found == 0) {
            message.set("None of the images this run sorted are in " + data.pathProperty().get() + " any more.");
            return;
        }
        int k = m.clusters();
        int epochs = m.config() != null ? m.config().epochs() : Math.max(1, m.history().size());
        long seed = m.provenance() == null ? 1 : m.provenance().seed();
        runData = d;
        runConfig = m.config();
        manifest = null;
        result.set(null);
        out.charts().reset(epochs, k, d.hasLabels(), m.config() == null || m.config().rotation());
        m.history().forEach(out.charts()::addSavedEpoch);
        out.charts().showSizes(m.clusterSizes());
        if (m.config() != null) {
            settings.use(m.config());
        }
        computeBaseline(d, k, seed);
        ex.map().execute(analysis::reset);
        analyser.submit(new RunAnalysis.Moment(d, k, -1, epochs, java.util.Arrays.copyOf(images, found),
                java.util.Arrays.copyOf(clusters, found), java.util.Arrays.copyOf(confidence, found),
                withEmbeddings ? java.util.Arrays.copyOf(embeddings, found) : null, seed));
        Scores scores = m.metrics() == null ? null
                : new Scores(m.metrics().acc(), m.metrics().nmi(), m.metrics().ari());
        output.set(null);
        summary.set(new RunSummary(m.cancelled(), m.epochsCompleted(), epochs, m.keptEpoch(), found,
                m.clusterSizes(), scores, baseline.get(), m.timings().getOrDefault("train", 0.0),
                m.timings().getOrDefault("assign", 0.0)));
        fraction.set(1);
        phase.set(null);
        etaText.set("");
        speedText.set("");
        epochText.set(m.epochsCompleted() + " of " + epochs + " epochs");
        state.set(m.cancelled() ? RunState.CANCELLED : RunState.FINISHED);
        explanation.set("A saved result: browse the gallery and the map, or press Start to run it again with "
                + "its settings.");
        message.set("Opened the " + m.method() + " run saved in " + dir
                + (found < n ? "; " + Formats.count(n - found) + " of its images are no longer there" : "")
                + (withEmbeddings || !projectMap ? "" : "; it has no embeddings, so no map"));
    }

    private static String why(Exception e) {
        return e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
    }

    /** Computes the pixel k-means baseline for {@code d} on the worker (labelled data only). */
    public void computeBaseline(ImageDataset d, int k, long seed) {
        BaselineScore current = baseline.get();
        if (d == null || !d.hasLabels() || d.size() < k || (current != null && current.k() == k && d == baselineData)) {
            out.charts().setBaselineAcc(current != null && current.k() == k && d == baselineData
                    ? current.scores().acc() : Double.NaN);
            return;
        }
        long ticket = ++baselineTicket;
        baselineData = d;
        baseline.set(null);
        out.charts().setBaselineAcc(Double.NaN);
        ex.baseline().execute(() -> {
            if (ticket != baselineTicket) {
                return; // another dataset or k was asked for meanwhile: this one would only be thrown away
            }
            var r = engine.baseline(d, k, seed);
            Scores s = Scoring.score(d, r.clusters());
            ui.append(() -> {
                if (ticket == baselineTicket && s != null) {
                    baseline.set(new BaselineScore(k, s, r.seconds()));
                    out.charts().setBaselineAcc(s.acc());
                    RunSummary sum = summary.get();
                    if (sum != null && sum.baseline() == null) {
                        summary.set(withBaseline(sum));
                    }
                }
            });
        });
    }

    private RunSummary withBaseline(RunSummary s) {
        return new RunSummary(s.cancelled(), s.epochsCompleted(), s.epochs(), s.keptEpoch(), s.images(), s.sizes(),
                s.metrics(), baseline.get(), s.trainSeconds(), s.assignSeconds());
    }

    // ------------------------------------------------------------------ events, applied on the UI thread

    private void started(RunEvents.Started e) {
        if (state.get() == RunState.STARTING) {
            state.set(RunState.RUNNING);
        }
        String where = e.device().toLowerCase(java.util.Locale.ROOT).startsWith("cpu") ? engine.device() : e.device();
        device.set(where);
        if (e.trainImages() < e.images()) {
            message.set("Training on " + Formats.count(e.trainImages()) + " of " + Formats.count(e.images())
                    + " images; every image is assigned at the end.");
        }
    }

    private void progress(RunEvents.BatchProgress e) {
        fraction.set(e.fractionOfRun());
        etaText.set(Double.isFinite(e.etaSeconds()) ? Formats.duration(e.etaSeconds()) + " left" : "");
        speedText.set(Double.isFinite(e.imagesPerSecond()) && e.imagesPerSecond() > 0
                ? Formats.count(Math.round(e.imagesPerSecond())) + " img/s" : "");
        epochText.set(e.epoch() < 0 ? "Final assignment"
                : "Epoch " + (e.epoch() + 1) + " of " + runConfig.epochs());
    }

    private void phaseStarted(RunEvents.PhaseStarted e) {
        phase.set(e.phase());
        explanation.set(e.phase().explanation());
        if (e.epoch() >= 0) {
            epochText.set("Epoch " + (e.epoch() + 1) + " of " + runConfig.epochs());
        } else {
            epochText.set("Final assignment");
        }
    }

    private void epochEnded(RunEvents.EpochEnded e, boolean held) {
        out.charts().addEpoch(e);
        if (held && state.get() == RunState.RUNNING) {
            state.set(RunState.PAUSED);
            message.set("Step mode: paused after epoch " + (e.epoch() + 1) + ". Look at the charts, gallery and "
                    + "map, then press Resume for the next epoch.");
        }
    }

    private void analysed(RunAnalysis.Result r) {
        if (r.moment().data() != runData) {
            return;
        }
        out.gallery().show(r.assignments());
        out.confusion().show(r.confusion(), r.moment().epoch(), r.moment().epochs());
    }

    /** A map frame; the gallery may show a later epoch by now, since a map can take several. */
    private void mapped(RunAnalysis.Result r) {
        if (r.moment().data() == runData) {
            out.map().show(r.frame(), r.moment().epochs());
        }
    }

    private void finished(RunResult r, RunManifest m, String manifestProblem, RunOutput made) {
        manifest = m;
        continueFrom = checkpoint != null && java.nio.file.Files.isRegularFile(checkpoint) ? checkpoint : null;
        output.set(made);
        refresh();
        fraction.set(1);
        etaText.set("");
        speedText.set("");
        phase.set(null);
        result.set(r);
        if (r.clusters().length > 0) {
            out.charts().showSizes(r.clusterSizes(runConfig.clusters()));
            summary.set(new RunSummary(r.cancelled(), r.epochsCompleted(), runConfig.epochs(), r.keptEpoch(),
                    r.clusters().length, r.clusterSizes(runConfig.clusters()), r.metrics(), baseline.get(),
                    r.trainSeconds(), r.assignSeconds()));
        }
        state.set(r.cancelled() ? RunState.CANCELLED : RunState.FINISHED);
        epochText.set(r.epochsCompleted() + " of " + runConfig.epochs() + " epochs");
        explanation.set(r.cancelled()
                ? "Stopped early: the gallery and map show every image assigned with the weights learnt so far."
                : "Done: every image has its cluster. Browse the gallery and the map, then save the results.");
        if (r.clusters().length == 0) {
            message.set("Cancelled before the first epoch finished: there is no result to show.");
        } else if (manifestProblem != null) {
            message.set("The result cannot be saved: " + manifestProblem);
        } else {
            message.set("");
        }
    }

    private void fail(String why) {
        state.set(RunState.FAILED);
        speedText.set("");
        etaText.set("");
        fraction.set(0);
        phase.set(null);
        message.set("The run failed: " + why);
    }

    /** A moment's gallery part, to be mapped once {@code drawn} (its frame) is counted down. */
    private record ToMap(RunAnalysis.Result early, CountDownLatch drawn, long start) {}

    /**
     * Analyses a moment, on the analysis worker. The gallery's and the confusion matrix's part is drawn a frame
     * after it reaches the FX thread, so that it does not share a frame with the epoch's charts, handed over at
     * about the same time. The map follows on the map worker.
     */
    private void analyse(RunAnalysis.Moment m) {
        RunAnalysis.Result early = analysis.early(m);
        CountDownLatch drawn = new CountDownLatch(1);
        ui.replace(analysisKey, () -> ex.nextFrame().execute(() -> {
            analysed(early);
            ex.nextFrame().execute(drawn::countDown);
        }));
        if (m.embeddings() != null) {
            mapper.submit(new ToMap(early, drawn, starts.get()));
        }
    }

    /**
     * Maps a moment, on the map worker, once its gallery's frame is drawn (waiting {@value #MAP_WAIT_MS} ms at
     * most): on two cores, a map starting beside the window's busiest frames took the FX thread's core. A map
     * beside training takes longer than an epoch of a small dataset (it is throttled to keep training's speed):
     * abandoned for every newer epoch, none would ever be drawn during a run. So it is finished, and the newest
     * epoch is mapped next; only the run's end (its final moment waiting) or a new Start abandons it.
     */
    private void map(ToMap job) {
        awaitAtMost(job.drawn(), MAP_WAIT_MS);
        BooleanSupplier stale = () -> starts.get() != job.start()
                || mapper.waiting(next -> next.early().moment().epoch() < 0);
        RunAnalysis.Result r = analysis.withMap(job.early(), stale);
        if (r != null) {
            ui.replace(mapKey, () -> ex.nextFrame().execute(() -> mapped(r)));
        }
    }

    private static void awaitAtMost(CountDownLatch latch, long millis) {
        try {
            latch.await(millis, TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt(); // the worker is shutting down: go on, the result is dropped
        }
    }

    // ------------------------------------------------------------------ enabling

    private void refresh() {
        RunState s = state.get();
        String reason;
        if (s.active()) {
            reason = "A run is in progress.";
        } else if (data.loadingProperty().get()) {
            reason = "Loading the images…";
        } else if (data.dataset() == null) {
            reason = "Open a folder of images first.";
        } else if (settings.configProperty().get() == null) {
            reason = settings.problemProperty().get().isEmpty() ? "The settings are incomplete."
                    : settings.problemProperty().get();
        } else {
            reason = "";
        }
        startBlockedReason.set(reason);
        canStart.set(reason.isEmpty());
        canPause.set(s == RunState.RUNNING || s == RunState.STARTING);
        canResume.set(s == RunState.PAUSED);
        canCancel.set(s == RunState.RUNNING || s == RunState.STARTING || s == RunState.PAUSED);
        RunResult r = result.get();
        canSave.set(!s.active() && r != null && r.clusters().length > 0 && manifest != null);
        RunConfig c = settings.configProperty().get();
        canResumeTraining.set(canStart.get() && resumeFrom != null && c != null && c.epochs() > openedEpochs);
        canContinue.set(canStart.get() && continueFrom != null && output.get() != null);
        canRefine.set(canStart.get() && output.get() != null);
    }

    // ------------------------------------------------------------------ the listener on the run thread

    /** Receives the run's events on the run thread and hands them over; never blocks the run. */
    private final class Pump implements RunListener {
        private final ImageDataset d;
        private final RunConfig config;
        private final RunControl c;
        private final Path work;

        Pump(ImageDataset d, RunConfig config, RunControl c, Path work) {
            this.d = d;
            this.config = config;
            this.c = c;
            this.work = work;
        }

        @Override
        public void onRunStarted(RunEvents.Started e) {
            ui.append(() -> started(e));
        }

        @Override
        public void onPhase(RunEvents.PhaseStarted e) {
            ui.replace(phaseKey, () -> phaseStarted(e));
        }

        @Override
        public void onBatch(RunEvents.BatchProgress e) {
            ui.replace(progressKey, () -> progress(e));
            if (!Double.isNaN(e.loss())) {
                ui.append(() -> out.charts().addBatch(e));
            }
        }

        @Override
        public void onEpochEmbeddings(RunEvents.EpochSnapshot s) {
            analyser.submit(new RunAnalysis.Moment(d, config.clusters(), s.epoch(), config.epochs(), s.imageIndices(),
                    s.clusters(), s.confidence(), s.embeddings(), config.seed()));
        }

        @Override
        public void onEpoch(RunEvents.EpochEnded e) {
            // Step mode pauses here, on the run thread, before the engine reaches its epoch boundary: the hold is
            // then in place before the window can offer Resume, so a quick Resume can never be lost.
            boolean hold = stepping && e.epoch() + 1 < e.epochs() && !c.isCancelled();
            if (hold) {
                c.pause();
            }
            ui.append(() -> epochEnded(e, hold));
        }

        @Override
        public void onRunFinished(RunResult r) {
            clearPending(work); // finished or cancelled: not a run to recover at the next start
            RunManifest m = null;
            String problem = null;
            RunOutput made = null;
            if (r.clusters().length > 0) {
                // The rows as Save results writes them: export and corrections work on them before any save.
                made = new RunOutput(Manifests.rows(d, r.clusters(), r.confidence()), config.clusters(), null,
                        Path.of(""));
                int[] all = new int[r.clusters().length];
                Arrays.setAll(all, i -> i);
                analyser.submit(new RunAnalysis.Moment(d, config.clusters(), -1, config.epochs(), all, r.clusters(),
                        r.confidence(), r.embeddings(), config.seed()));
                try {
                    Path source = data.pathProperty().get();
                    m = engine.describe(d, config, r, new MmdcResults.Source(String.valueOf(source),
                            MmdcResults.autoLabelSource(d), startedAt, data.loadSeconds()));
                } catch (RuntimeException e) {
                    problem = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
                }
            }
            RunManifest manifestMade = m;
            String why = problem;
            RunOutput rows = made;
            ui.append(() -> finished(r, manifestMade, why, rows));
        }
    }

    // ------------------------------------------------------------------ properties

    /** Where the run stands. */
    public ReadOnlyObjectProperty<RunState> stateProperty() {
        return state.getReadOnlyProperty();
    }

    /** Share of the run done, or -1 while unknown. */
    public ReadOnlyDoubleProperty fractionProperty() {
        return fraction.getReadOnlyProperty();
    }

    /** "Epoch 3 of 26". */
    public ReadOnlyStringProperty epochTextProperty() {
        return epochText.getReadOnlyProperty();
    }

    /** The phase running, or null. */
    public ReadOnlyObjectProperty<Phase> phaseProperty() {
        return phase.getReadOnlyProperty();
    }

    /** The teaching sentence for what is happening now. */
    public ReadOnlyStringProperty explanationProperty() {
        return explanation.getReadOnlyProperty();
    }

    /** "0:42 left", or empty. */
    public ReadOnlyStringProperty etaTextProperty() {
        return etaText.getReadOnlyProperty();
    }

    /** "780 img/s", or empty. */
    public ReadOnlyStringProperty speedTextProperty() {
        return speedText.getReadOnlyProperty();
    }

    /** Where the network runs, e.g. "CPU · 2 cores". */
    public ReadOnlyStringProperty deviceProperty() {
        return device.getReadOnlyProperty();
    }

    /** A status message (paused, saved, failed, …), or empty. */
    public ReadOnlyStringProperty messageProperty() {
        return message.getReadOnlyProperty();
    }

    /** Why Start is disabled, or empty when it is not. */
    public ReadOnlyStringProperty startBlockedReasonProperty() {
        return startBlockedReason.getReadOnlyProperty();
    }

    /** Whether Start is possible. */
    public ReadOnlyBooleanProperty canStartProperty() {
        return canStart.getReadOnlyProperty();
    }

    /** Whether Pause is possible. */
    public ReadOnlyBooleanProperty canPauseProperty() {
        return canPause.getReadOnlyProperty();
    }

    /** Whether Resume is possible. */
    public ReadOnlyBooleanProperty canResumeProperty() {
        return canResume.getReadOnlyProperty();
    }

    /** Whether Cancel is possible. */
    public ReadOnlyBooleanProperty canCancelProperty() {
        return canCancel.getReadOnlyProperty();
    }

    /** Whether "Refine with labels" can start: a result is on show and no run is going. */
    public ReadOnlyBooleanProperty canRefineProperty() {
        return canRefine.getReadOnlyProperty();
    }

    /** Whether "Continue training with corrections" can start: a result with a checkpoint is on show, no run. */
    public ReadOnlyBooleanProperty canContinueProperty() {
        return canContinue.getReadOnlyProperty();
    }

    /**
     * Whether Resume training is possible: the opened run's folder has a checkpoint and the settings ask for more
     * epochs than it completed.
     */
    public ReadOnlyBooleanProperty canResumeTrainingProperty() {
        return canResumeTraining.getReadOnlyProperty();
    }

    /** Whether Save results is possible. */
    public ReadOnlyBooleanProperty canSaveProperty() {
        return canSave.getReadOnlyProperty();
    }

    /** The last run's result, or null. */
    public ReadOnlyObjectProperty<RunResult> resultProperty() {
        return result.getReadOnlyProperty();
    }

    /** The last run's summary, or null. */
    public ReadOnlyObjectProperty<RunSummary> summaryProperty() {
        return summary.getReadOnlyProperty();
    }

    /** The finished result as rows (for export, corrections and sessions), or null while there is none. */
    public ReadOnlyObjectProperty<RunOutput> outputProperty() {
        return output.getReadOnlyProperty();
    }

    /** The pixel k-means baseline on the open data, or null. */
    public ReadOnlyObjectProperty<BaselineScore> baselineProperty() {
        return baseline.getReadOnlyProperty();
    }

    /** Step mode: pause after every epoch. */
    public BooleanProperty stepModeProperty() {
        return stepMode;
    }

    /** Teaching mode: explain each phase in a sentence. */
    public BooleanProperty teachingProperty() {
        return teaching;
    }
}
