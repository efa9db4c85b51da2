package io.mmdcstudio.views.corrections;

import io.mmdcstudio.engine.export.ClusterFolders;
import io.mmdcstudio.engine.results.Assignment;
import io.mmdcstudio.engine.results.RunEdits;
import io.mmdcstudio.views.fx.UiQueue;
import io.mmdcstudio.views.run.RunOutput;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.Executor;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyIntegerProperty;
import javafx.beans.property.ReadOnlyIntegerWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.value.ObservableValue;

/**
 * A person's corrections of the result on screen (cluster names, merges, moved and pinned images) as one
 * {@link RunEdits} value. The gallery, the cluster sizes and export read the result through it.
 *
 * <p>Where they live: in the run folder's {@code edits.json} whenever the result has a folder (every edit is
 * written at once, atomically, on the worker); a run trained in the window and not saved yet keeps them in
 * memory, and they are written the moment Save results gives it a folder. Opening a run folder reads its edits;
 * a corrupt or newer file is reported in {@link #messageProperty()} and the result opens without edits.
 */
public final class CorrectionsViewModel {

    private static final int UNDO_DEPTH = 50;

    private final ObservableValue<RunOutput> output;
    private final Executor worker;
    private final UiQueue ui;
    private final ReadOnlyObjectWrapper<RunEdits> edits = new ReadOnlyObjectWrapper<>(this, "edits", RunEdits.none());
    private final ReadOnlyObjectWrapper<List<String>> suggestions =
            new ReadOnlyObjectWrapper<>(this, "suggestions", List.of());
    private final ReadOnlyStringWrapper message = new ReadOnlyStringWrapper(this, "message", "");
    private final ReadOnlyBooleanWrapper canUndo = new ReadOnlyBooleanWrapper(this, "canUndo");
    private final ReadOnlyIntegerWrapper labelled = new ReadOnlyIntegerWrapper(this, "labelled");
    private final Deque<RunEdits> history = new ArrayDeque<>();
    /** Bumped per result, so that edits read for an earlier result are dropped when they arrive late. */
    private long resultVersion;

    /**
     * @param output the result on screen
     * @param worker where edits.json is read and written
     * @param ui     the hand-over to the UI thread
     */
    public CorrectionsViewModel(ObservableValue<RunOutput> output, Executor worker, UiQueue ui) {
        this.output = Objects.requireNonNull(output, "output");
        this.worker = Objects.requireNonNull(worker, "worker");
        this.ui = Objects.requireNonNull(ui, "ui");
        output.addListener((obs, was, now) -> outputChanged(was, now));
        edits.addListener((obs, was, now) -> labelled.set(now.labelledCount()));
    }

    private void outputChanged(RunOutput was, RunOutput now) {
        long version = ++resultVersion;
        history.clear();
        canUndo.set(false);
        if (now == null) {
            edits.set(RunEdits.none());
            suggestions.set(List.of());
            return;
        }
        suggestions.set(suggest(now));
        boolean justSaved = was != null && was.runDir() == null && now.runDir() != null && was.rows() == now.rows();
        if (justSaved) {
            persist(edits.get()); // the same result got its folder: the edits made meanwhile go with it
            return;
        }
        edits.set(RunEdits.none());
        if (now.runDir() != null) {
            Path dir = now.runDir();
            worker.execute(() -> {
                try {
                    RunEdits read = RunEdits.read(dir);
                    ui.append(() -> {
                        if (version == resultVersion) {
                            edits.set(read);
                        }
                    });
                } catch (IOException | RuntimeException e) {
                    ui.append(() -> message.set("The corrections in " + dir.resolve(RunEdits.FILE)
                            + " could not be read, so the result is shown without them: " + why(e)));
                }
            });
        }
    }

    private static List<String> suggest(RunOutput o) {
        boolean labelled = o.rows().stream().anyMatch(r -> r.label() != null);
        return labelled ? ClusterFolders.suggestFromLabels(o.rows(), o.k()) : List.of();
    }

    // ------------------------------------------------------------------ commands

    /** Names {@code cluster} (blank removes the name). */
    public void name(int cluster, String name) {
        String now = edits.get().nameOf(cluster);
        String wanted = name == null || name.isBlank() ? null : name.strip();
        if (!Objects.equals(now, wanted)) {
            change(edits.get().withName(cluster, wanted));
        }
    }

    /** Accepts the suggested name (the majority label) for {@code cluster}, when there is one. */
    public void acceptSuggestion(int cluster) {
        String s = suggestionFor(cluster);
        if (s != null) {
            name(cluster, s);
        }
    }

    /** Merges cluster {@code from} into {@code into}; a merge into itself is refused with a message. */
    public void merge(int from, int into) {
        try {
            change(edits.get().withMerge(from, into));
        } catch (IllegalArgumentException e) {
            message.set("Not merged: " + e.getMessage());
        }
    }

    /** Moves {@code items} to {@code cluster}. */
    public void move(List<String> items, int cluster) {
        if (!items.isEmpty()) {
            change(edits.get().withMoved(items, cluster));
        }
    }

    /** Pins ({@code pin}) or unpins {@code items}. */
    public void pin(List<String> items, boolean pin) {
        if (!items.isEmpty()) {
            change(edits.get().withPinned(items, pin));
        }
    }

    /**
     * Labels {@code items} as examples of {@code cluster} (a drop on a cluster, or Label in the image panel): each
     * is moved there and pinned, in one edit. "Refine with labels" trains from exactly these images.
     */
    public void label(List<String> items, int cluster) {
        if (!items.isEmpty()) {
            change(edits.get().withLabel(items, cluster));
        }
    }

    /** Takes the label off {@code items}: they go back to the network's cluster and are no longer pinned. */
    public void unlabel(List<String> items) {
        if (!items.isEmpty()) {
            change(edits.get().withoutLabel(items));
        }
    }

    /** Takes back the last edit. */
    public void undo() {
        if (!history.isEmpty()) {
            RunEdits before = history.pop();
            edits.set(before);
            canUndo.set(!history.isEmpty());
            persist(before);
        }
    }

    private void change(RunEdits next) {
        if (output.getValue() == null) {
            return;
        }
        history.push(edits.get());
        while (history.size() > UNDO_DEPTH) {
            history.removeLast();
        }
        canUndo.set(true);
        edits.set(next);
        message.set("");
        persist(next);
    }

    private void persist(RunEdits e) {
        RunOutput o = output.getValue();
        if (o == null || o.runDir() == null) {
            return; // kept in memory until Save results gives the result a folder
        }
        Path dir = o.runDir();
        worker.execute(() -> {
            try {
                e.write(dir);
            } catch (IOException | RuntimeException ex) {
                ui.append(() -> message.set("Could not save the corrections to " + dir.resolve(RunEdits.FILE)
                        + ": " + why(ex)));
            }
        });
    }

    // ------------------------------------------------------------------ reading

    /** The rows of the result with the edits applied, or an empty list without a result. */
    public List<Assignment> effectiveRows() {
        RunOutput o = output.getValue();
        return o == null ? List.of() : edits.get().apply(o.rows());
    }

    /** The suggested name for {@code cluster} (its majority label), or null. */
    public String suggestionFor(int cluster) {
        List<String> s = suggestions.get();
        return cluster >= 0 && cluster < s.size() ? s.get(cluster) : null;
    }

    private static String why(Exception e) {
        return e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
    }

    // ------------------------------------------------------------------ properties

    /** The corrections of the result on screen (none without a result). */
    public ReadOnlyObjectProperty<RunEdits> editsProperty() {
        return edits.getReadOnlyProperty();
    }

    /** Per cluster, its majority label as a suggested name (null entries where unknown); empty without labels. */
    public ReadOnlyObjectProperty<List<String>> suggestionsProperty() {
        return suggestions.getReadOnlyProperty();
    }

    /** A problem reading or writing edits.json, or empty. */
    public ReadOnlyStringProperty messageProperty() {
        return message.getReadOnlyProperty();
    }

    /** How many images are labelled (moved or pinned): what "Refine with labels" would learn from. */
    public ReadOnlyIntegerProperty labelledProperty() {
        return labelled.getReadOnlyProperty();
    }

    /** Whether there is an edit to take back. */
    public ReadOnlyBooleanProperty canUndoProperty() {
        return canUndo.getReadOnlyProperty();
    }
}
