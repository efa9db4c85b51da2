package io.mmdcstudio.views.export;

import io.mmdcstudio.engine.export.ClusterFolders;
import io.mmdcstudio.engine.export.ExportMode;
import io.mmdcstudio.engine.export.ExportPlan;
import io.mmdcstudio.engine.export.ExportPlanner;
import io.mmdcstudio.engine.export.ExportProgress;
import io.mmdcstudio.engine.export.ExportReport;
import io.mmdcstudio.engine.export.Exporter;
import io.mmdcstudio.engine.export.Undo;
import io.mmdcstudio.engine.results.RunEdits;
import io.mmdcstudio.views.fx.Formats;
import io.mmdcstudio.views.fx.UiQueue;
import io.mmdcstudio.views.run.RunOutput;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Objects;
import java.util.concurrent.Executor;
import java.util.concurrent.atomic.AtomicBoolean;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyDoubleProperty;
import javafx.beans.property.ReadOnlyDoubleWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.value.ObservableValue;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * The export sheet's state and commands: a target and a mode, a preview (the engine's dry-run plan), the export
 * itself with progress, estimate and cancel, and Undo from the journal the export wrote.
 *
 * <p>Safety rules a careful person expects: a move needs a preview of exactly that target and mode first (the
 * originals leave their folders); the export carries out the plan that was previewed when there is one, so what
 * happens is what was shown; every change of target, mode, result or corrections throws the preview away.
 *
 * <p>Threads: planning, exporting and undoing run on the worker executor; every property changes on the UI
 * thread, through the {@link UiQueue}. With same-thread executors (tests) each command completes before it
 * returns.
 */
public final class ExportViewModel {

    private final ObservableValue<RunOutput> output;
    private final ObservableValue<RunEdits> edits;
    private final Executor worker;
    private final UiQueue ui;
    private final Object progressKey = new Object();

    private final ObjectProperty<Path> target = new SimpleObjectProperty<>(this, "target");
    private final ObjectProperty<ExportMode> mode = new SimpleObjectProperty<>(this, "mode", ExportMode.COPY);
    private final ReadOnlyObjectWrapper<ExportActivity> activity =
            new ReadOnlyObjectWrapper<>(this, "activity", ExportActivity.NONE);
    private final ReadOnlyObjectWrapper<ExportPlan> plan = new ReadOnlyObjectWrapper<>(this, "plan");
    private final ReadOnlyStringWrapper planSummary = new ReadOnlyStringWrapper(this, "planSummary", "");
    private final ObservableList<FolderCount> folders = FXCollections.observableArrayList();
    private final ObservableList<ExportPlan.Operation> steps = FXCollections.observableArrayList();
    private final ObservableList<ExportPlan.Skipped> skipped = FXCollections.observableArrayList();
    private final ReadOnlyDoubleWrapper fraction = new ReadOnlyDoubleWrapper(this, "fraction", 0);
    private final ReadOnlyStringWrapper progressText = new ReadOnlyStringWrapper(this, "progressText", "");
    private final ReadOnlyStringWrapper message = new ReadOnlyStringWrapper(this, "message", "");
    private final ReadOnlyObjectWrapper<ExportReport> report = new ReadOnlyObjectWrapper<>(this, "report");
    private final ReadOnlyObjectWrapper<Path> journal = new ReadOnlyObjectWrapper<>(this, "journal");
    private final ReadOnlyStringWrapper exportBlockedReason = new ReadOnlyStringWrapper(this, "exportBlockedReason");
    private final ReadOnlyBooleanWrapper canPreview = new ReadOnlyBooleanWrapper(this, "canPreview");
    private final ReadOnlyBooleanWrapper canExport = new ReadOnlyBooleanWrapper(this, "canExport");
    private final ReadOnlyBooleanWrapper canCancel = new ReadOnlyBooleanWrapper(this, "canCancel");
    private final ReadOnlyBooleanWrapper canUndo = new ReadOnlyBooleanWrapper(this, "canUndo");

    /** Bumped whenever the inputs change, so that a plan made for earlier inputs is dropped when it arrives. */
    private long inputsVersion;
    private AtomicBoolean cancelled = new AtomicBoolean();
    private boolean undone;

    /**
     * @param output the result to export (null while there is none)
     * @param edits  the person's corrections of it
     * @param worker where planning, exporting and undoing run (never the FX thread)
     * @param ui     the hand-over to the UI thread
     */
    public ExportViewModel(ObservableValue<RunOutput> output, ObservableValue<RunEdits> edits, Executor worker,
            UiQueue ui) {
        this.output = Objects.requireNonNull(output, "output");
        this.edits = Objects.requireNonNull(edits, "edits");
        this.worker = Objects.requireNonNull(worker, "worker");
        this.ui = Objects.requireNonNull(ui, "ui");
        target.addListener((obs, was, now) -> inputsChanged());
        mode.addListener((obs, was, now) -> inputsChanged());
        output.addListener((obs, was, now) -> inputsChanged());
        edits.addListener((obs, was, now) -> inputsChanged());
        activity.addListener((obs, was, now) -> refresh());
        plan.addListener((obs, was, now) -> refresh());
        journal.addListener((obs, was, now) -> refresh());
        refresh();
    }

    // ------------------------------------------------------------------ commands

    /** Works out what an export would do (a dry run): counts, name clashes, skipped images. Changes no file. */
    public void preview() {
        if (!canPreview.get()) {
            return;
        }
        Inputs in = inputs();
        long version = inputsVersion;
        activity.set(ExportActivity.PLANNING);
        message.set("");
        worker.execute(() -> {
            try {
                ExportPlan p = in.plan();
                ui.append(() -> planned(p, version));
            } catch (IOException | RuntimeException e) {
                ui.append(() -> failed("Could not preview the export: " + why(e)));
            }
        });
    }

    /**
     * Exports: the previewed plan when there is one for these choices, else a fresh plan (copy and link only).
     * The engine writes the undo journal before it touches the first file.
     */
    public void export() {
        if (!canExport.get()) {
            return;
        }
        Inputs in = inputs();
        ExportPlan shown = plan.get();
        AtomicBoolean stop = new AtomicBoolean();
        cancelled = stop;
        undone = false;
        activity.set(ExportActivity.EXPORTING);
        report.set(null);
        fraction.set(0);
        progressText.set("");
        message.set("");
        worker.execute(() -> {
            try {
                ExportPlan p = shown != null ? shown : in.plan();
                if (p.operations().isEmpty()) {
                    ui.append(() -> failed(nothingToExport(p)));
                    return;
                }
                ExportReport r = Exporter.execute(p, in.output().rows(), ClusterFolders.of(in.output().k(), in.edits()),
                        in.output().runDir(), this::progressed, stop::get);
                ui.append(() -> exported(p, r));
            } catch (IOException | RuntimeException e) {
                ui.append(() -> failed("The export stopped: " + why(e) + ". What was done so far can be undone "
                        + "from the journal in the target folder."));
            }
        });
    }

    /** Puts every exported file back (a moved one where it was; a copy or link is removed). */
    public void undo() {
        if (!canUndo.get()) {
            return;
        }
        Path file = journal.get();
        AtomicBoolean stop = new AtomicBoolean();
        cancelled = stop;
        activity.set(ExportActivity.UNDOING);
        fraction.set(0);
        progressText.set("");
        message.set("");
        worker.execute(() -> {
            try {
                ExportReport r = Undo.undo(file, this::progressed, stop::get);
                ui.append(() -> undoneBy(r));
            } catch (IOException | RuntimeException e) {
                ui.append(() -> failed("Could not undo: " + why(e)));
            }
        });
    }

    /** Stops an export or undo after the file in hand; what was done stays undoable. */
    public void cancel() {
        if (canCancel.get()) {
            cancelled.set(true);
            message.set("Stopping after the current file…");
        }
    }

    // ------------------------------------------------------------------ results, on the UI thread

    private void planned(ExportPlan p, long version) {
        activity.set(ExportActivity.NONE);
        if (version != inputsVersion) {
            return; // the choices changed while planning: this plan answers an old question
        }
        plan.set(p);
        folders.setAll(p.perFolder().entrySet().stream().filter(e -> e.getValue() > 0)
                .map(e -> new FolderCount(e.getKey(), e.getValue())).toList());
        steps.setAll(p.operations());
        skipped.setAll(p.skipped());
        planSummary.set(describe(p));
        message.set(p.operations().isEmpty() ? nothingToExport(p) : "Nothing was changed: this is a preview.");
    }

    private void exported(ExportPlan p, ExportReport r) {
        activity.set(ExportActivity.NONE);
        report.set(r);
        journal.set(r.journal());
        // The files are in place now: the preview no longer describes what an export would do.
        clearPlan();
        String verb = past(p.mode());
        String what = r.cancelled()
                ? "Stopped: " + verb + " " + Formats.count(r.done()) + " of " + Formats.count(p.operations().size())
                        + " images into " + p.target() + "."
                : verb.substring(0, 1).toUpperCase(Locale.ROOT) + verb.substring(1) + " " + Formats.count(r.done())
                        + " images into " + p.target() + ".";
        message.set(what + problems(r) + " Undo puts everything back.");
        fraction.set(1);
    }

    private void undoneBy(ExportReport r) {
        activity.set(ExportActivity.NONE);
        report.set(r);
        if (!r.cancelled()) {
            undone = true;
        }
        message.set((r.cancelled() ? "Undo stopped after " + Formats.count(r.done()) + " files; Undo again finishes it."
                : "Undone: " + Formats.count(r.done()) + " files put back" + (r.unchanged() > 0
                        ? ", " + Formats.count(r.unchanged()) + " needed nothing" : "") + ".") + problems(r));
        fraction.set(1);
        refresh();
    }

    private void failed(String why) {
        activity.set(ExportActivity.NONE);
        message.set(why);
        refresh();
    }

    private void progressed(ExportProgress p) {
        ui.replace(progressKey, () -> {
            fraction.set(p.total() == 0 ? 1 : (double) p.done() / p.total());
            progressText.set(Formats.count(p.done()) + " of " + Formats.count(p.total()) + " files"
                    + (Double.isFinite(p.etaSeconds()) ? " · " + Formats.duration(p.etaSeconds()) + " left" : ""));
        });
    }

    // ------------------------------------------------------------------ state

    /** What one plan is made from, read on the UI thread and handed to the worker. */
    private record Inputs(RunOutput output, RunEdits edits, Path target, ExportMode mode) {
        ExportPlan plan() throws IOException {
            return ExportPlanner.plan(output.rows(), output.k(), edits, target, mode, output.baseDir());
        }
    }

    private Inputs inputs() {
        RunEdits e = edits.getValue();
        return new Inputs(output.getValue(), e == null ? RunEdits.none() : e, target.get(), mode.get());
    }

    private void inputsChanged() {
        inputsVersion++;
        clearPlan();
        if (!activity.get().busy()) {
            message.set("");
        }
        refresh();
    }

    private void clearPlan() {
        plan.set(null);
        planSummary.set("");
        folders.clear();
        steps.clear();
        skipped.clear();
    }

    private void refresh() {
        boolean busy = activity.get().busy();
        String reason;
        if (output.getValue() == null) {
            reason = "There is no result to export yet: run, or open a saved run.";
        } else if (target.get() == null) {
            reason = "Choose the folder that receives one folder per cluster.";
        } else if (mode.get() == ExportMode.MOVE && plan.get() == null) {
            reason = "Preview the move first: it takes the originals out of their folders.";
        } else if (plan.get() != null && plan.get().operations().isEmpty()) {
            reason = "Nothing to export.";
        } else {
            reason = "";
        }
        exportBlockedReason.set(reason);
        canPreview.set(!busy && output.getValue() != null && target.get() != null && mode.get() != null);
        canExport.set(!busy && reason.isEmpty());
        canCancel.set(activity.get() == ExportActivity.EXPORTING || activity.get() == ExportActivity.UNDOING);
        canUndo.set(!busy && journal.get() != null && !undone);
    }

    // ------------------------------------------------------------------ words

    /** The plan in one sentence, e.g. "Would move 1,000 images (4.2 MB) into 10 folders; no name clashes". */
    static String describe(ExportPlan p) {
        long folderCount = p.perFolder().values().stream().filter(n -> n > 0).count();
        long clashes = p.renamedCount();
        return "Would " + p.mode().label() + " " + Formats.count(p.operations().size()) + " images ("
                + String.format(Locale.ROOT, "%.1f MB", p.bytes() / 1e6) + ") into " + folderCount + " folders · "
                + (clashes == 0 ? "no name clashes" : Formats.count(clashes) + " name clashes, each gets a -2, -3, … "
                        + "suffix (nothing is overwritten)")
                + " · " + (p.skipped().isEmpty() ? "none skipped" : Formats.count(p.skipped().size()) + " skipped");
    }

    private static String nothingToExport(ExportPlan p) {
        return "Nothing to export: " + Formats.count(p.skipped().size()) + " images cannot be exported"
                + (p.skipped().isEmpty() ? "." : " (e.g. " + p.skipped().get(0).item() + ": "
                        + p.skipped().get(0).reason() + ").");
    }

    private static String problems(ExportReport r) {
        return r.problems().isEmpty() ? "" : " " + Formats.count(r.problems().size()) + " files were left alone ("
                + r.problems().get(0).item() + ": " + r.problems().get(0).reason() + ").";
    }

    private static String past(ExportMode m) {
        return switch (m) {
            case COPY -> "copied";
            case MOVE -> "moved";
            case LINK -> "linked";
        };
    }

    private static String why(Exception e) {
        return e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
    }

    // ------------------------------------------------------------------ properties

    /** The folder that receives one folder per cluster. */
    public ObjectProperty<Path> targetProperty() {
        return target;
    }

    /** Copy (default), move or link. */
    public ObjectProperty<ExportMode> modeProperty() {
        return mode;
    }

    /** What the sheet is busy with. */
    public ReadOnlyObjectProperty<ExportActivity> activityProperty() {
        return activity.getReadOnlyProperty();
    }

    /** The previewed plan for the current choices, or null. */
    public ReadOnlyObjectProperty<ExportPlan> planProperty() {
        return plan.getReadOnlyProperty();
    }

    /** The preview in one sentence, or empty. */
    public ReadOnlyStringProperty planSummaryProperty() {
        return planSummary.getReadOnlyProperty();
    }

    /** Images per cluster folder of the preview (folders that get images). */
    public ObservableList<FolderCount> folders() {
        return FXCollections.unmodifiableObservableList(folders);
    }

    /** Every step of the preview, in order. */
    public ObservableList<ExportPlan.Operation> steps() {
        return FXCollections.unmodifiableObservableList(steps);
    }

    /** Images the preview leaves out, with the reason. */
    public ObservableList<ExportPlan.Skipped> skipped() {
        return FXCollections.unmodifiableObservableList(skipped);
    }

    /** Share of the export or undo done. */
    public ReadOnlyDoubleProperty fractionProperty() {
        return fraction.getReadOnlyProperty();
    }

    /** "120 of 1,000 files · 0:04 left", or empty. */
    public ReadOnlyStringProperty progressTextProperty() {
        return progressText.getReadOnlyProperty();
    }

    /** What happened last, in a sentence, or empty. */
    public ReadOnlyStringProperty messageProperty() {
        return message.getReadOnlyProperty();
    }

    /** The last export's or undo's report, or null. */
    public ReadOnlyObjectProperty<ExportReport> reportProperty() {
        return report.getReadOnlyProperty();
    }

    /** The last export's undo journal, or null. */
    public ReadOnlyObjectProperty<Path> journalProperty() {
        return journal.getReadOnlyProperty();
    }

    /** Why Export is disabled, or empty. */
    public ReadOnlyStringProperty exportBlockedReasonProperty() {
        return exportBlockedReason.getReadOnlyProperty();
    }

    /** Whether Preview is possible. */
    public ReadOnlyBooleanProperty canPreviewProperty() {
        return canPreview.getReadOnlyProperty();
    }

    /** Whether Export is possible. */
    public ReadOnlyBooleanProperty canExportProperty() {
        return canExport.getReadOnlyProperty();
    }

    /** Whether Cancel is possible (an export or undo in progress). */
    public ReadOnlyBooleanProperty canCancelProperty() {
        return canCancel.getReadOnlyProperty();
    }

    /** Whether Undo is possible (an export happened and is not undone yet). */
    public ReadOnlyBooleanProperty canUndoProperty() {
        return canUndo.getReadOnlyProperty();
    }
}
