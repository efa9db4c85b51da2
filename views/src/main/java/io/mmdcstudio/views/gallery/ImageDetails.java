package io.mmdcstudio.views.gallery;

/**
 * What the window says about one image.
 *
 * @param index      dataset index
 * @param item       its file path (or "file#index" for IDX records)
 * @param cluster    its cluster, or -1 when not assigned yet
 * @param confidence its confidence in [0, 1], or NaN
 * @param label      its ground-truth label, or empty
 */
public record ImageDetails(int index, String item, int cluster, float confidence, String label) {}
