package io.mmdcstudio.engine.data;

/**
 * Where ground-truth labels come from. Labels serve the metrics only; clustering never sees them.
 *
 * <p>Whatever the source, an image without a label gets {@code -1} in {@link ImageDataset#labels()}, and a
 * dataset carries labels as soon as at least one image has one; metrics are then computed on the labelled
 * images only.
 */
public enum LabelMode {
    /**
     * Image folders: the first-level subfolder name of each image, provided every usable image lies in a
     * subfolder (one image directly in the root means no labels). IDX: the matching labels file, if present.
     */
    AUTO,
    /** No labels. */
    NONE,
    /**
     * A {@code path,label} CSV file ({@link LoadOptions#labelsCsv()}). Paths are relative to the loaded folder or
     * absolute (for IDX data: the item names, e.g. {@code train-images-idx3-ubyte.gz#12}); a header row is optional.
     */
    CSV
}
