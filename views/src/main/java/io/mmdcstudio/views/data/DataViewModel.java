package io.mmdcstudio.views.data;

import io.mmdcstudio.engine.data.DataException;
import io.mmdcstudio.engine.data.ImageDataset;
import io.mmdcstudio.engine.data.SkippedFile;
import io.mmdcstudio.views.fx.Formats;
import io.mmdcstudio.views.fx.UiQueue;
import io.mmdcstudio.views.run.EngineGateway;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.Executor;
import java.util.function.Consumer;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyDoubleProperty;
import javafx.beans.property.ReadOnlyDoubleWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * The data side of the window: which folder is open, the scan's summary, a sample of thumbnails and the problem
 * report. Loading runs on a worker; the properties change on the UI thread only.
 */
public final class DataViewModel {

    /** Thumbnails in the strip under the summary. */
    public static final int SAMPLES = 14;

    private final EngineGateway engine;
    private final Executor worker;
    private final UiQueue ui;

    private final ReadOnlyObjectWrapper<ImageDataset> dataset = new ReadOnlyObjectWrapper<>(this, "dataset");
    private final ReadOnlyObjectWrapper<Path> path = new ReadOnlyObjectWrapper<>(this, "path");
    private final ReadOnlyBooleanWrapper loading = new ReadOnlyBooleanWrapper(this, "loading");
    private final ReadOnlyDoubleWrapper progress = new ReadOnlyDoubleWrapper(this, "progress", -1);
    private final ReadOnlyStringWrapper progressMessage = new ReadOnlyStringWrapper(this, "progressMessage", "");
    private final ReadOnlyStringWrapper summary = new ReadOnlyStringWrapper(this, "summary",
            "No images yet: open a folder, or drop one on the window.");
    private final ReadOnlyStringWrapper error = new ReadOnlyStringWrapper(this, "error", "");
    private final ObservableList<SkippedFile> problems = FXCollections.observableArrayList();
    private final ObservableList<Integer> samples = FXCollections.observableArrayList();
    // One read-only view each, kept: a listener on such a view is attached weakly to the list behind it, so a
    // view made afresh per call could be collected and silently take its listeners with it.
    private final ObservableList<SkippedFile> problemsView = FXCollections.unmodifiableObservableList(problems);
    private final ObservableList<Integer> samplesView = FXCollections.unmodifiableObservableList(samples);
    /** Key of the load progress in the UI queue: only the latest progress is worth drawing. */
    private final Object progressKey = new Object();
    private double loadSeconds;
    private long generation;

    /** A view model that loads with {@code engine} on {@code worker} and publishes through {@code ui}. */
    public DataViewModel(EngineGateway engine, Executor worker, UiQueue ui) {
        this.engine = Objects.requireNonNull(engine, "engine");
        this.worker = Objects.requireNonNull(worker, "worker");
        this.ui = Objects.requireNonNull(ui, "ui");
    }

    /** Opens a folder, IDX file or folder of IDX files at the given network input size. */
    public void open(Path folder, int inputSize) {
        open(folder, inputSize, loaded -> { });
    }

    /**
     * Opens {@code folder}; {@code onLoaded} runs on the UI thread once the dataset is shown (not on failure, and
     * not when a later open overtook this one).
     */
    public void open(Path folder, int inputSize, Consumer<ImageDataset> onLoaded) {
        Objects.requireNonNull(folder, "folder");
        long ticket = ++generation;
        loading.set(true);
        progress.set(-1);
        progressMessage.set("Opening " + folder.getFileName() + "…");
        error.set("");
        worker.execute(() -> load(ticket, folder, inputSize, onLoaded));
    }

    private void load(long ticket, Path folder, int inputSize, Consumer<ImageDataset> onLoaded) {
        long t0 = System.nanoTime();
        try {
            ImageDataset loaded = engine.load(folder, inputSize, (done, total, message) ->
                    ui.replace(progressKey, () -> {
                        if (ticket == generation) {
                            progress.set(total > 0 ? done / (double) total : -1);
                            progressMessage.set(message);
                        }
                    }));
            double seconds = (System.nanoTime() - t0) / 1e9;
            ui.append(() -> {
                if (ticket == generation) {
                    show(folder, loaded, seconds);
                    onLoaded.accept(loaded);
                }
            });
        } catch (DataException e) {
            ui.append(() -> {
                if (ticket == generation) {
                    fail(e.getMessage(), e.skipped());
                }
            });
        } catch (RuntimeException e) {
            // A decoder or file-system failure the loader did not turn into a report: show it, keep the window.
            String message = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
            ui.append(() -> {
                if (ticket == generation) {
                    fail("Could not open " + folder + ": " + message, List.of());
                }
            });
        }
    }

    private void show(Path folder, ImageDataset loaded, double seconds) {
        loading.set(false);
        progress.set(1);
        progressMessage.set("");
        loadSeconds = seconds;
        path.set(folder);
        problems.setAll(loaded.skipped());
        samples.setAll(sampleIndices(loaded.size()));
        summary.set(describe(loaded));
        dataset.set(loaded);
    }

    private void fail(String message, List<SkippedFile> skipped) {
        loading.set(false);
        progress.set(0);
        progressMessage.set("");
        error.set(message);
        // The report explains a failure such as "no usable images" better than the message alone.
        problems.setAll(skipped);
    }

    /** Up to {@link #SAMPLES} indices spread evenly over the dataset, so the strip shows several classes. */
    static List<Integer> sampleIndices(int size) {
        int n = Math.min(SAMPLES, size);
        List<Integer> out = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            out.add((int) ((long) i * size / n + size / (2L * n)));
        }
        return out;
    }

    /** The scan summary in one line, e.g. "1,000 images · 10 classes (folder names) · grayscale · 32×32 px". */
    static String describe(ImageDataset d) {
        StringBuilder s = new StringBuilder(Formats.count(d.size())).append(d.size() == 1 ? " image" : " images");
        if (d.hasLabels()) {
            boolean idx = !d.items().isEmpty() && d.items().get(0).contains("#");
            s.append(" · ").append(d.classNames().size()).append(" classes (")
                    .append(idx ? "IDX labels" : "folder names").append(")");
        } else {
            s.append(" · no labels");
        }
        s.append(" · ").append(d.channels() == 1 ? "grayscale" : "colour");
        s.append(" · ").append(d.width()).append('×').append(d.height()).append(" px");
        return s.toString();
    }

    /** The open dataset, or null. */
    public ReadOnlyObjectProperty<ImageDataset> datasetProperty() {
        return dataset.getReadOnlyProperty();
    }

    /** The open dataset, or null. */
    public ImageDataset dataset() {
        return dataset.get();
    }

    /** The folder or file the dataset came from, or null. */
    public ReadOnlyObjectProperty<Path> pathProperty() {
        return path.getReadOnlyProperty();
    }

    /** Whether a load is in progress. */
    public ReadOnlyBooleanProperty loadingProperty() {
        return loading.getReadOnlyProperty();
    }

    /** Share of the load done, or -1 while unknown. */
    public ReadOnlyDoubleProperty progressProperty() {
        return progress.getReadOnlyProperty();
    }

    /** What the loader is doing, in words. */
    public ReadOnlyStringProperty progressMessageProperty() {
        return progressMessage.getReadOnlyProperty();
    }

    /** The scan summary. */
    public ReadOnlyStringProperty summaryProperty() {
        return summary.getReadOnlyProperty();
    }

    /** Why the last open failed, or empty. */
    public ReadOnlyStringProperty errorProperty() {
        return error.getReadOnlyProperty();
    }

    /** Every file the last scan skipped, with its reason (read-only). */
    public ObservableList<SkippedFile> problems() {
        return problemsView;
    }

    /** Indices of the images shown in the thumbnail strip (read-only). */
    public ObservableList<Integer> samples() {
        return samplesView;
    }

    /** Seconds the last successful load took. */
    public double loadSeconds() {
        return loadSeconds;
    }
}
