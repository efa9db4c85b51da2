package io.mmdcstudio.views.gallery;

import io.mmdcstudio.engine.data.ImageDataset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import javafx.beans.property.IntegerProperty;
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

    private final ReadOnlyObjectWrapper<Assignments> assignments = new ReadOnlyObjectWrapper<>(this, "assignments");
    private final ReadOnlyObjectWrapper<ImageDetails> selected = new ReadOnlyObjectWrapper<>(this, "selected");
    private final IntegerProperty columns = new SimpleIntegerProperty(this, "columns", 10);
    private final ObservableList<GalleryRow> rows = FXCollections.observableArrayList();
    /** Kept, not made per call: listeners on a read-only view are attached weakly to the list behind it. */
    private final ObservableList<GalleryRow> rowsView = FXCollections.unmodifiableObservableList(rows);
    private final Set<Integer> expanded = new HashSet<>();
    private ImageDataset dataset;

    /** An empty gallery. */
    public GalleryViewModel() {
        columns.addListener((obs, was, now) -> rebuild());
    }

    /** Switches to another dataset: empties the gallery and the selection. */
    public void setDataset(ImageDataset data) {
        dataset = data;
        clear();
    }

    /** Empties the gallery (a new run starts). */
    public void clear() {
        assignments.set(null);
        selected.set(null);
        expanded.clear();
        rows.clear();
    }

    /** Shows a new moment of the run; the selected image keeps its place in the details. */
    public void show(Assignments a) {
        assignments.set(a);
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

    private void rebuild() {
        Assignments a = assignments.get();
        if (a == null) {
            rows.clear();
            return;
        }
        int cols = Math.max(1, columns.get());
        List<GalleryRow> out = new ArrayList<>();
        for (int c = 0; c < a.k(); c++) {
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
