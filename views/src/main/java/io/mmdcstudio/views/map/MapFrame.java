package io.mmdcstudio.views.map;

/**
 * One picture of the map: points in a box of about [-1, 1]², aligned with the previous picture so that a
 * transition moves points rather than spinning the whole cloud.
 *
 * @param epoch    zero-based epoch, or -1 for the final assignment
 * @param method   the projection's name, e.g. "PCA"
 * @param images   dataset index per point
 * @param x        horizontal position per point
 * @param y        vertical position per point (up is positive)
 * @param clusters cluster per point
 */
public record MapFrame(int epoch, String method, int[] images, float[] x, float[] y, int[] clusters) {

    /** Points in the frame. */
    public int size() {
        return images.length;
    }
}
