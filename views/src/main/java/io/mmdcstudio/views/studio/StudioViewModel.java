package io.mmdcstudio.views.studio;

import io.mmdcstudio.engine.data.ImageDataset;
import io.mmdcstudio.engine.run.RunConfig;
import io.mmdcstudio.engine.session.SessionState;
import io.mmdcstudio.views.charts.ChartsViewModel;
import io.mmdcstudio.views.confusion.ConfusionViewModel;
import io.mmdcstudio.views.corrections.CorrectionsViewModel;
import io.mmdcstudio.views.data.DataViewModel;
import io.mmdcstudio.views.export.ExportViewModel;
import io.mmdcstudio.views.fx.UiQueue;
import io.mmdcstudio.views.session.SessionViewModel;
import io.mmdcstudio.views.gallery.GalleryViewModel;
import io.mmdcstudio.views.map.MapProjection;
import io.mmdcstudio.views.map.MapViewModel;
import io.mmdcstudio.views.run.EngineGateway;
import io.mmdcstudio.views.run.RunViewModel;
import io.mmdcstudio.views.run.StudioExecutors;
import io.mmdcstudio.views.settings.SettingsViewModel;
import java.nio.file.Path;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleObjectProperty;

/**
 * The whole window's state: the data, the settings, the run and what it feeds. It wires the parts together
 * (new data adapts the settings and empties the results) and offers the commands a menu or shortcut calls.
 */
public final class StudioViewModel {

    private final UiQueue ui;
    private final DataViewModel data;
    private final SettingsViewModel settings = new SettingsViewModel();
    private final ChartsViewModel charts = new ChartsViewModel();
    private final GalleryViewModel gallery = new GalleryViewModel();
    private final MapViewModel map = new MapViewModel();
    private final ConfusionViewModel confusion = new ConfusionViewModel();
    private final RunViewModel run;
    private final CorrectionsViewModel corrections;
    private final ExportViewModel export;
    private final SessionViewModel session;
    private final ObjectProperty<Theme> theme = new SimpleObjectProperty<>(this, "theme", Theme.LIGHT);

    /**
     * @param engine     the engine (or a test double)
     * @param executors  where work runs
     * @param projection how the map projects embeddings
     */
    public StudioViewModel(EngineGateway engine, StudioExecutors executors, MapProjection projection) {
        this.ui = new UiQueue(executors.ui());
        this.data = new DataViewModel(engine, executors.worker(), ui);
        this.run = new RunViewModel(engine, executors, ui, data, settings,
                new RunViewModel.Outputs(charts, gallery, map, confusion), projection);
        this.corrections = new CorrectionsViewModel(run.outputProperty(), executors.worker(), ui);
        corrections.editsProperty().addListener((obs, was, now) -> gallery.setEdits(now));
        this.export = new ExportViewModel(run.outputProperty(), corrections.editsProperty(), executors.worker(), ui);
        this.session = new SessionViewModel(new SessionViewModel.Parts(run, data, corrections, gallery, map),
                executors.worker(), ui);
        corrections.messageProperty().addListener((obs, was, now) -> {
            if (!now.isEmpty()) {
                run.showMessage(now);
            }
        });
        data.datasetProperty().addListener((obs, was, now) -> dataChanged(now));
        settings.configProperty().addListener((obs, was, now) -> planRun(now));
    }

    /**
     * Before a run, the empty charts and gallery show the one the settings describe: its epochs on the x axes, a
     * bar and an empty gallery row per cluster. A person sees what Start will do, and the frames after Start have
     * no axes, bars and cells to build (docs/BENCHMARKS.md, section 6). Charts and a gallery that hold a run keep
     * it until the next Start.
     */
    private void planRun(RunConfig c) {
        gallery.plan(c == null ? 0 : c.clusters()); // a gallery showing a moment of a run keeps it by itself
        ImageDataset d = data.datasetProperty().get();
        if (c != null && d != null && !run.stateProperty().get().active() && charts.holdsNoRun()) {
            showPlannedRun(c, d);
        }
    }

    /** Empty charts for a run of {@code c} (the defaults while the settings are invalid) on {@code d}. */
    private void showPlannedRun(RunConfig c, ImageDataset d) {
        charts.reset(c == null ? 1 : c.epochs(), c == null ? 0 : c.clusters(), d.hasLabels(),
                c == null || c.rotation());
    }

    private void dataChanged(ImageDataset d) {
        if (d == null || run.stateProperty().get().active()) {
            // A run reloading its data at another input size: the settings and results stay as they are.
            return;
        }
        settings.adaptTo(d.size(), d.channels() == 1, d.hasLabels() ? d.classNames().size() : 0);
        RunConfig c = settings.configProperty().get();
        gallery.setDataset(d);
        gallery.plan(c == null ? 0 : c.clusters());
        map.clear();
        confusion.clear();
        showPlannedRun(c, d);
        if (c != null) {
            run.computeBaseline(d, c.clusters(), c.seed());
        }
    }

    /**
     * Opens a folder, IDX file or folder of IDX files, an earlier run's folder (one holding run.json: its images
     * are opened with its result), or a saved session. Ignored while a run is in progress.
     */
    public void open(Path path) {
        if (run.stateProperty().get().active()) {
            return;
        }
        if (SessionState.isSession(path)) {
            session.open(path);
            return;
        }
        if (EngineGateway.isRunFolder(path)) {
            run.openRunFolder(path);
            return;
        }
        RunConfig c = settings.configProperty().get();
        data.open(path, c == null ? RunConfig.preset("quick", 10, true).inputSize() : c.inputSize());
    }

    /**
     * What the window opens with: an interrupted run (a crash or a kill) to resume when there is one, else
     * {@code initial} (the last folder or the sample data), if any.
     */
    public void openAtStart(java.util.Optional<Path> initial) {
        run.recoverInterrupted(() -> initial.ifPresent(this::open));
    }

    /** The data. */
    public DataViewModel data() {
        return data;
    }

    /** The settings. */
    public SettingsViewModel settings() {
        return settings;
    }

    /** The run. */
    public RunViewModel run() {
        return run;
    }

    /** The person's corrections of the result (names, merges, moved and pinned images). */
    public CorrectionsViewModel corrections() {
        return corrections;
    }

    /** Export of the result into one folder per cluster, and its undo. */
    public ExportViewModel export() {
        return export;
    }

    /** Save session and Open session. */
    public SessionViewModel session() {
        return session;
    }

    /** The live charts. */
    public ChartsViewModel charts() {
        return charts;
    }

    /** The cluster gallery. */
    public GalleryViewModel gallery() {
        return gallery;
    }

    /** The map. */
    public MapViewModel map() {
        return map;
    }

    /** The confusion matrix. */
    public ConfusionViewModel confusion() {
        return confusion;
    }

    /** Light or dark. */
    public ObjectProperty<Theme> themeProperty() {
        return theme;
    }

    /** The queue engine events take to the UI thread (for diagnostics). */
    public UiQueue uiQueue() {
        return ui;
    }
}
