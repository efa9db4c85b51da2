package io.mmdcstudio.views.map;

import io.mmdcstudio.views.fx.Formats;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;

/** The map's content: the latest frame and a title that says what the picture is. UI thread only. */
public final class MapViewModel {

    private static final String EMPTY = "The map appears after the first epoch: each dot is an image, placed by "
            + "what the network sees in it and coloured by its cluster.";

    private final ReadOnlyObjectWrapper<MapFrame> frame = new ReadOnlyObjectWrapper<>(this, "frame");
    private final ReadOnlyStringWrapper title = new ReadOnlyStringWrapper(this, "title", EMPTY);

    /** Shows a frame; the view animates from the previous one. */
    public void show(MapFrame f, int epochs) {
        frame.set(f);
        String when = f.epoch() < 0 ? "final result" : "epoch " + (f.epoch() + 1) + " of " + epochs;
        title.set(f.method() + " map of the embeddings · " + when + " · " + Formats.count(f.size()) + " images"
                + ("PCA".equals(f.method()) ? " (PCA: a linear view of the embeddings)"
                        : " (t-SNE: near images stay near; distances between groups mean little)"));
    }

    /** Empties the map. */
    public void clear() {
        frame.set(null);
        title.set(EMPTY);
    }

    /** The frame shown, or null. */
    public ReadOnlyObjectProperty<MapFrame> frameProperty() {
        return frame.getReadOnlyProperty();
    }

    /** What the picture shows, in words. */
    public ReadOnlyStringProperty titleProperty() {
        return title.getReadOnlyProperty();
    }
}
