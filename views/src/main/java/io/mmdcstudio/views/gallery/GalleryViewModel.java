package io.mmdcstudio.views.gallery;

import io.mmdcstudio.engine.data.ImageDataset;
import io.mmdcstudio.engine.results.RunEdits;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import javafx.beans.property.IntegerProperty;
import javafx.beans.property.ReadOnlyIntegerProperty;
import javafx.beans.property.ReadOnlyIntegerWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.SimpleIntegerProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * The cluster gallery: per cluster, rows of its images, most typical first. A folded cluster shows
 * {@link #COLLAPSED_ROWS} rows; an expanded one lists every image, still as rows of a virtualised list, so 70,000
 * images cost as much as one screenful. UI thread only.
 */
public final class GalleryViewModel {

    /** Rows of thumbnails a collapsed cluster shows. */
    public static final int COLLAPSED_ROWS = 2;

    /** The caption of a planned cluster's row. */
    static final String PLANNED_CAPTION = "fills after the first epoch";

    private final ReadOnlyObjectWrapper<Assignments> assignments = new ReadOnlyObjectWrapper<>(this, "assignments");
    private final ReadOnlyObjectWrapper<ImageDetails> selected = new ReadOnlyObjectWrapper<>(this, "selected");
    private final IntegerProperty columns = new SimpleIntegerProperty(this, "columns", 10);
    private final ObservableList<GalleryRow> rows = FXCollections.observableArrayList();
    /** Kept, not made per call: listeners on a read-only view are attached weakly to the list behind it. */
    private final ObservableList<GalleryRow> rowsView = FXCollections.unmodifiableObservableList(rows);
    private final Set<Integer> expanded = new HashSet<>();
    /** Images picked for a correction (move, pin), in the order they were picked. */
    private final Set<Integer> picked = new LinkedHashSet<>();
    private final ReadOnlyIntegerWrapper pickedCount = new ReadOnlyIntegerWrapper(this, "pickedCount");
    private ImageDataset dataset;
    /** The moment as the network left it; {@link #assignments} is it with the person's edits applied. */
    private Assignments base;
    private RunEdits edits = RunEdits.none();
    /** Clusters of the run the settings describe: rows shown, empty, until a run's first epoch fills them. */
    private int planned;

    /** An empty gallery. */
    public GalleryViewModel() {
        columns.addListener((obs, was, now) -> rebuild());
    }

    /** Switches to another dataset: empties the gallery and the selection. */
    public void setDataset(ImageDataset data) {
        dataset = data;
        clear();
    }

    /** Empties the gallery (a new run starts): only the planned clusters' empty rows stay. */
    public void clear() {
        base = null;
        clearPicks();
        assignments.set(null);
        selected.set(null);
        expanded.clear();
        rebuild(); // the planned run's empty rows
    }

    /** Shows a new moment of the run; the selected image keeps its place in the details. */
    public void show(Assignments a) {
        base = a;
        assignments.set(withEdits(a));
        rebuild();
        ImageDetails s = selected.get();
        if (s != null) {
            select(s.index());
        }
    }

    /** Lists every image of {@code cluster}, or folds it back to its most typical rows. */
    public void toggleExpanded(int cluster) {
        if (!expanded.remove(cluster)) {
            expanded.add(cluster);
        }
        rebuild();
    }

    /** Shows the details of dataset image {@code index}. */
    public void select(int index) {
        if (dataset == null || index < 0 || index >= dataset.size()) {
            selected.set(null);
            return;
        }
        Assignments a = assignments.get();
        int cluster = a == null ? -1 : a.clusterOf()[index];
        float confidence = a == null ? Float.NaN : a.confidenceOf()[index];
        String label = "";
        if (dataset.hasLabels() && dataset.labels()[index] >= 0) {
            label = dataset.classNames().get(dataset.labels()[index]);
        }
        selected.set(new ImageDetails(index, dataset.items().get(index), cluster, confidence, label));
    }

    /**
     * Applies a person's corrections to the final assignment (moves and merges change clusters, names the titles,
     * pins the badges). Snapshots during a run are shown as the network made them.
     */
    public void setEdits(RunEdits e) {
        edits = e == null ? RunEdits.none() : e;
        if (base != null) {
            assignments.set(withEdits(base));
            rebuild();
            ImageDetails s = selected.get();
            if (s != null) {
                select(s.index());
            }
        }
    }

    private Assignments withEdits(Assignments a) {
        if (a == null || a.epoch() >= 0 || dataset == null || (edits.moved().isEmpty() && edits.merged().isEmpty())) {
            return a;
        }
        int n = 0;
        for (int c : a.clusterOf()) {
            n += c >= 0 ? 1 : 0;
        }
        int[] images = new int[n];
        int[] clusters = new int[n];
        float[] confidence = new float[n];
        int j = 0;
        for (int i = 0; i < a.clusterOf().length; i++) {
            if (a.clusterOf()[i] < 0) {
                continue;
            }
            int c = edits.clusterOf(dataset.items().get(i), a.clusterOf()[i]);
            images[j] = i;
            clusters[j] = c >= 0 && c < a.k() ? c : a.clusterOf()[i];
            confidence[j++] = a.confidenceOf()[i];
        }
        return Assignments.of(a.epoch(), a.k(), dataset.size(), images, clusters, confidence, dataset.labels(),
                dataset.classNames());
    }

    /**
     * Picks dataset image {@code index} for a correction and shows its details: alone, or added to (removed from)
     * the images already picked when {@code extend} (Ctrl- or Shift-click).
     */
    public void pick(int index, boolean extend) {
        if (!extend) {
            picked.clear();
            picked.add(index);
        } else if (!picked.remove(index)) {
            picked.add(index);
        }
        pickedCount.set(picked.size());
        select(index);
    }

    /** Forgets the picked images. */
    public void clearPicks() {
        picked.clear();
        pickedCount.set(0);
    }

    /** Whether dataset image {@code index} is picked. */
    public boolean isPicked(int index) {
        return picked.contains(index);
    }

    /** The picked images as assignments.csv names them (what an edit records). */
    public List<String> pickedItems() {
        return dataset == null ? List.of() : picked.stream().map(i -> dataset.items().get(i)).toList();
    }

    /** Whether a person pinned dataset image {@code index}. */
    public boolean isPinned(int index) {
        return dataset != null && index >= 0 && index < dataset.size() && edits.isPinned(dataset.items().get(index));
    }

    /**
     * The cluster a person labelled dataset image {@code index} as (moved or pinned it there), or -1: only a final
     * result has labels.
     */
    public int labelOf(int index) {
        Assignments a = assignments.get();
        if (a == null || a.epoch() >= 0 || index < 0 || index >= dataset.size()) {
            return -1;
        }
        return edits.isLabelled(dataset.items().get(index)) ? a.clusterOf()[index] : -1;
    }

    /** Whether the moment shown is a run's final result, the only one a person corrects and labels. */
    public boolean isFinal() {
        Assignments a = assignments.get();
        return a != null && a.epoch() < 0;
    }

    /**
     * What a correction of dataset image {@code index} acts on: all picked images when it is one of them, else
     * that image alone (as assignments.csv names them).
     */
    public List<String> itemsFor(int index) {
        return isPicked(index) ? pickedItems() : List.of(dataset.items().get(index));
    }

    /** The title of {@code cluster}: the name a person gave it, else "Cluster N". */
    public String titleOf(int cluster) {
        String name = edits.nameOf(cluster);
        return name != null ? name : "Cluster " + cluster;
    }

    /** The clusters still standing after merges (a merged-away cluster has no row and takes no images). */
    public List<Integer> survivingClusters() {
        Assignments a = assignments.get();
        List<Integer> out = new ArrayList<>();
        for (int c = 0; a != null && c < a.k(); c++) {
            if (edits.survivor(c) == c) {
                out.add(c);
            }
        }
        return out;
    }

    /**
     * Before a run's first epoch (and after a Start) the gallery shows an empty, titled row per cluster of the run
     * the settings describe ({@code k}; 0 for none). A person sees what will fill, and the list has its cells when
     * the first epoch arrives: making a screenful of them in that epoch's frame stalled the window (docs/BENCHMARKS.md,
     * section 6). A shown moment of a run is not touched.
     */
    public void plan(int k) {
        planned = Math.max(0, k);
        if (assignments.get() == null) {
            rebuild();
        }
    }

    private void rebuild() {
        Assignments a = assignments.get();
        if (a == null) {
            List<GalleryRow> empty = new ArrayList<>();
            for (int c = 0; c < planned; c++) {
                empty.add(new GalleryRow(c, 0, new int[0], 0, PLANNED_CAPTION, false, false));
            }
            rows.setAll(empty);
            return;
        }
        int cols = Math.max(1, columns.get());
        List<GalleryRow> out = new ArrayList<>();
        for (int c = 0; c < a.k(); c++) {
            if (a.epoch() < 0 && edits.survivor(c) != c) {
                continue; // merged into another cluster: its images are listed there
            }
            int[] members = a.members()[c];
            boolean open = expanded.contains(c);
            int foldedCapacity = COLLAPSED_ROWS * cols;
            boolean expandable = members.length > foldedCapacity;
            int shown = open ? members.length : Math.min(members.length, foldedCapacity);
            int line = 0;
            for (int from = 0; from < shown || line == 0; from += cols) {
                int[] images = Arrays.copyOfRange(members, Math.min(from, shown), Math.min(shown, from + cols));
                out.add(new GalleryRow(c, line++, images, members.length, a.captions().get(c), open, expandable));
            }
        }
        rows.setAll(out);
    }

    /** The moment shown, or null. */
    public ReadOnlyObjectProperty<Assignments> assignmentsProperty() {
        return assignments.getReadOnlyProperty();
    }

    /** The image whose details are shown, or null. */
    public ReadOnlyObjectProperty<ImageDetails> selectedProperty() {
        return selected.getReadOnlyProperty();
    }

    /** How many images are picked for a correction. */
    public ReadOnlyIntegerProperty pickedCountProperty() {
        return pickedCount.getReadOnlyProperty();
    }

    /** Thumbnails per row; the view sets it from its width. */
    public IntegerProperty columnsProperty() {
        return columns;
    }

    /** The lines of the list (read-only). */
    public ObservableList<GalleryRow> rows() {
        return rowsView;
    }

    /** The dataset the gallery shows, or null. */
    public ImageDataset dataset() {
        return dataset;
    }
}
