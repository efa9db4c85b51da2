package io.mmdcstudio.views.session;

import io.mmdcstudio.engine.data.ImageDataset;
import io.mmdcstudio.engine.results.Assignment;
import io.mmdcstudio.engine.results.RunEdits;
import io.mmdcstudio.engine.session.SessionMap;
import io.mmdcstudio.engine.session.SessionState;
import io.mmdcstudio.views.corrections.CorrectionsViewModel;
import io.mmdcstudio.views.data.DataViewModel;
import io.mmdcstudio.views.fx.UiQueue;
import io.mmdcstudio.views.gallery.GalleryViewModel;
import io.mmdcstudio.views.gallery.ImageDetails;
import io.mmdcstudio.views.map.MapFrame;
import io.mmdcstudio.views.map.MapViewModel;
import io.mmdcstudio.views.run.RunOutput;
import io.mmdcstudio.views.run.RunViewModel;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Instant;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.Executor;
import java.util.stream.Stream;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;

/**
 * Save session and Open session. A session is a folder {@code NAME.mmdc-session/} that is also a run folder:
 * run.json, assignments.csv, embeddings.f32 (and checkpoint.bin when the run has one), edits.json, the map layout
 * (map.f32) and what the window showed (session.json, written last). Opening one shows the last state without
 * retraining and without recomputing the map.
 *
 * <p>Saving writes everything into a hidden sibling folder first and renames it into place, so a crash leaves
 * either the old session or the new one, never half of one. Reading problems (a corrupt or newer file) become a
 * message; the window keeps what it showed.
 */
public final class SessionViewModel {

    private final RunViewModel run;
    private final DataViewModel data;
    private final CorrectionsViewModel corrections;
    private final GalleryViewModel gallery;
    private final MapViewModel map;
    private final Executor worker;
    private final UiQueue ui;
    private final StringProperty selectedTab = new SimpleStringProperty(this, "selectedTab", "");
    private final ReadOnlyBooleanWrapper busy = new ReadOnlyBooleanWrapper(this, "busy");
    private final ReadOnlyBooleanWrapper canSave = new ReadOnlyBooleanWrapper(this, "canSave");
    private long openedAtNanos;
    private double lastOpenSeconds = Double.NaN;

    /** The parts of the window a session saves and restores. */
    public record Parts(RunViewModel run, DataViewModel data, CorrectionsViewModel corrections,
            GalleryViewModel gallery, MapViewModel map) {}

    /**
     * @param worker where files are read and written
     * @param ui     the hand-over to the UI thread
     */
    public SessionViewModel(Parts parts, Executor worker, UiQueue ui) {
        this.run = parts.run();
        this.data = parts.data();
        this.corrections = parts.corrections();
        this.gallery = parts.gallery();
        this.map = parts.map();
        this.worker = Objects.requireNonNull(worker, "worker");
        this.ui = Objects.requireNonNull(ui, "ui");
        run.outputProperty().addListener((obs, was, now) -> refresh());
        // The result is handed over while the run is still active; saving becomes possible when it ends.
        run.stateProperty().addListener((obs, was, now) -> refresh());
        busy.addListener((obs, was, now) -> refresh());
        refresh();
    }

    private void refresh() {
        canSave.set(!busy.get() && run.outputProperty().get() != null && !run.stateProperty().get().active());
    }

    /** The folder name a session saved as {@code chosen} gets (the suffix added when missing). */
    public static Path sessionFolder(Path chosen) {
        String name = chosen.getFileName().toString();
        return name.endsWith(SessionState.SUFFIX) ? chosen : chosen.resolveSibling(name + SessionState.SUFFIX);
    }

    // ------------------------------------------------------------------ save

    /** Saves the window's state as the session folder {@code chosen} (suffix added), replacing an older one. */
    public void save(Path chosen) {
        if (!canSave.get()) {
            return;
        }
        Path dir = sessionFolder(chosen.toAbsolutePath());
        RunViewModel.ResultWriter writer = run.resultWriter();
        RunOutput output = run.outputProperty().get();
        if (writer == null) {
            run.showMessage("There is no result to save as a session.");
            return;
        }
        Snapshot s = new Snapshot(writer, output, corrections.editsProperty().get(), map.frameProperty().get(),
                data.dataset(), data.pathProperty().get(), selectedTab.get(), selectedItem());
        busy.set(true);
        run.showMessage("Saving the session to " + dir + "…");
        worker.execute(() -> {
            try {
                write(dir, s);
                ui.append(() -> {
                    busy.set(false);
                    run.adoptFolder(dir);
                    run.showMessage("Saved the session to " + dir);
                });
            } catch (IOException | RuntimeException e) {
                ui.append(() -> {
                    busy.set(false);
                    run.showMessage("Could not save the session to " + dir + ": " + why(e));
                });
            }
        });
    }

    /** What a session holds, captured on the UI thread. */
    private record Snapshot(RunViewModel.ResultWriter writer, RunOutput output, RunEdits edits, MapFrame frame,
            ImageDataset dataset, Path dataPath, String tab, String selectedItem) {}

    private String selectedItem() {
        ImageDetails d = gallery.selectedProperty().get();
        return d == null ? null : d.item();
    }

    private static void write(Path dir, Snapshot s) throws IOException {
        Path parent = dir.getParent();
        Files.createDirectories(parent);
        Path tmp = parent.resolve("." + dir.getFileName() + ".saving-" + System.nanoTime());
        try {
            Files.createDirectories(tmp);
            s.writer().writeTo(tmp);
            s.edits().write(tmp);
            if (s.frame() != null && s.dataset() != null) {
                layout(s.frame(), s.dataset(), s.output().rows()).write(tmp);
            }
            SessionState.of(s.dataPath() == null ? null : s.dataPath().toAbsolutePath().toString(), s.tab(),
                    s.selectedItem(), s.frame() == null ? null : s.frame().method(), Instant.now().toString())
                    .write(tmp);
            swapIn(tmp, dir);
        } finally {
            deleteTree(tmp);
        }
    }

    /** The map's points as rows of assignments.csv, so that the layout is read back without the images. */
    static SessionMap layout(MapFrame f, ImageDataset d, List<Assignment> rows) {
        Map<String, Integer> rowOf = new HashMap<>(rows.size() * 2);
        for (int r = 0; r < rows.size(); r++) {
            rowOf.put(rows.get(r).item(), r);
        }
        int[] out = new int[f.size()];
        float[] x = new float[f.size()];
        float[] y = new float[f.size()];
        int n = 0;
        for (int i = 0; i < f.size(); i++) {
            Integer r = rowOf.get(d.items().get(f.images()[i]));
            if (r != null) {
                out[n] = r;
                x[n] = f.x()[i];
                y[n++] = f.y()[i];
            }
        }
        return new SessionMap(java.util.Arrays.copyOf(out, n), java.util.Arrays.copyOf(x, n),
                java.util.Arrays.copyOf(y, n));
    }

    /** Renames the complete new folder into place; an older session of that name goes only after that. */
    private static void swapIn(Path tmp, Path dir) throws IOException {
        if (!Files.exists(dir)) {
            Files.move(tmp, dir, StandardCopyOption.ATOMIC_MOVE);
            return;
        }
        if (!SessionState.isSession(dir) && !isEmptyDir(dir)) {
            throw new IOException(dir + " exists and is not a session; choose another name");
        }
        Path old = dir.resolveSibling("." + dir.getFileName() + ".old-" + System.nanoTime());
        Files.move(dir, old, StandardCopyOption.ATOMIC_MOVE);
        Files.move(tmp, dir, StandardCopyOption.ATOMIC_MOVE);
        deleteTree(old);
    }

    private static boolean isEmptyDir(Path dir) throws IOException {
        if (!Files.isDirectory(dir)) {
            return false;
        }
        try (Stream<Path> s = Files.list(dir)) {
            return s.findAny().isEmpty();
        }
    }

    private static void deleteTree(Path root) throws IOException {
        if (!Files.exists(root)) {
            return;
        }
        try (Stream<Path> all = Files.walk(root)) {
            for (Path p : all.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        }
    }

    // ------------------------------------------------------------------ open

    /** Opens the session folder {@code dir}: its result, corrections, map, tab and selected image. */
    public void open(Path dir) {
        if (busy.get() || run.stateProperty().get().active()) {
            return;
        }
        busy.set(true);
        openedAtNanos = System.nanoTime();
        run.showMessage("Opening the session " + dir + "…");
        worker.execute(() -> {
            try {
                SessionState state = SessionState.read(dir);
                SessionMap layout = state.mapMethod() != null && Files.isRegularFile(dir.resolve(SessionMap.FILE))
                        ? SessionMap.read(dir) : null;
                ui.append(() -> openRun(dir, state, layout));
            } catch (IOException | RuntimeException e) {
                ui.append(() -> {
                    busy.set(false);
                    run.showMessage("Could not open the session " + dir + ": " + why(e));
                });
            }
        });
    }

    private void openRun(Path dir, SessionState state, SessionMap layout) {
        Path images = state.dataPath() == null ? null : Path.of(state.dataPath());
        // With a saved layout the map is shown as it was; without one it is laid out from the embeddings.
        run.openRunFolder(dir, new RunViewModel.OpenOptions(images, layout == null,
                d -> restore(dir, state, layout, d)));
        // openRunFolder reports its own failures; the session is no longer busy either way.
        busy.set(false);
    }

    private void restore(Path dir, SessionState state, SessionMap layout, ImageDataset d) {
        RunOutput output = run.outputProperty().get();
        Map<String, Integer> indexOf = new HashMap<>(d.size() * 2);
        for (int i = 0; i < d.size(); i++) {
            indexOf.put(d.items().get(i), i);
        }
        if (layout != null && output != null) {
            MapFrame frame = frame(layout, state.mapMethod(), output.rows(), indexOf);
            if (frame.size() > 0) {
                map.show(frame, run.summaryProperty().get() == null ? 1 : run.summaryProperty().get().epochs());
            }
        }
        if (state.selectedTab() != null) {
            selectedTab.set(state.selectedTab());
        }
        Integer selected = state.selectedItem() == null ? null : indexOf.get(state.selectedItem());
        if (selected != null) {
            gallery.select(selected);
        }
        lastOpenSeconds = (System.nanoTime() - openedAtNanos) / 1e9;
        run.showMessage(String.format(java.util.Locale.ROOT, "Opened the session %s (saved %s) in %.1f s", dir,
                state.savedAt(), lastOpenSeconds));
    }

    private static MapFrame frame(SessionMap layout, String method, List<Assignment> rows,
            Map<String, Integer> indexOf) {
        int n = layout.rows().length;
        int[] images = new int[n];
        int[] clusters = new int[n];
        float[] x = new float[n];
        float[] y = new float[n];
        int kept = 0;
        for (int i = 0; i < n; i++) {
            int r = layout.rows()[i];
            Integer index = r >= 0 && r < rows.size() ? indexOf.get(rows.get(r).item()) : null;
            if (index != null) {
                images[kept] = index;
                clusters[kept] = rows.get(r).cluster();
                x[kept] = layout.x()[i];
                y[kept++] = layout.y()[i];
            }
        }
        return new MapFrame(-1, method, java.util.Arrays.copyOf(images, kept), java.util.Arrays.copyOf(x, kept),
                java.util.Arrays.copyOf(y, kept), java.util.Arrays.copyOf(clusters, kept));
    }

    private static String why(Exception e) {
        return e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
    }

    // ------------------------------------------------------------------ properties

    /** The tab on screen, by title; the view keeps it in step with its tabs. */
    public StringProperty selectedTabProperty() {
        return selectedTab;
    }

    /** Whether a session is being saved or read. */
    public ReadOnlyBooleanProperty busyProperty() {
        return busy.getReadOnlyProperty();
    }

    /** Whether Save session is possible (a result, no run in progress). */
    public ReadOnlyBooleanProperty canSaveProperty() {
        return canSave.getReadOnlyProperty();
    }

    /** Seconds from Open session to the last state on screen, for the last session opened; NaN before. */
    public double lastOpenSeconds() {
        return lastOpenSeconds;
    }
}
