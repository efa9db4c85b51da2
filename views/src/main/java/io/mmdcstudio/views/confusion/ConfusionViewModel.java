package io.mmdcstudio.views.confusion;

import io.mmdcstudio.views.fx.Formats;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;

/** The confusion matrix's content and a caption that explains it. UI thread only. */
public final class ConfusionViewModel {

    private static final String EMPTY = "The confusion matrix compares clusters with the labels (folder names or "
            + "IDX labels) after the first epoch. Data without labels has none.";

    private final ReadOnlyObjectWrapper<ConfusionTable> table = new ReadOnlyObjectWrapper<>(this, "table");
    private final ReadOnlyStringWrapper caption = new ReadOnlyStringWrapper(this, "caption", EMPTY);

    /** Shows a table (null: no labels). */
    public void show(ConfusionTable t, int epoch, int epochs) {
        table.set(t);
        if (t == null) {
            caption.set(EMPTY);
            return;
        }
        String when = epoch < 0 ? "final result, every image" : "epoch " + (epoch + 1) + " of " + epochs
                + ", training images";
        caption.set("Rows: true label. Columns: clusters, each matched to one label (Hungarian method), so "
                + "agreement lies on the diagonal. ACC " + Formats.metric(t.accuracy()) + " on "
                + Formats.count(t.labelled()) + " labelled images (" + when + ").");
    }

    /** Empties the matrix. */
    public void clear() {
        table.set(null);
        caption.set(EMPTY);
    }

    /** The table shown, or null. */
    public ReadOnlyObjectProperty<ConfusionTable> tableProperty() {
        return table.getReadOnlyProperty();
    }

    /** What the matrix shows, in words. */
    public ReadOnlyStringProperty captionProperty() {
        return caption.getReadOnlyProperty();
    }
}
