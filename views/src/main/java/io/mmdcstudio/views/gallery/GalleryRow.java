package io.mmdcstudio.views.gallery;

/**
 * One line of the gallery: a row of a cluster's thumbnails, all lines the same height so that the list can skip
 * measuring them (with 70,000 images that is what keeps scrolling and updating cheap). The cluster's title sits
 * in the left column of its first line, the "show all" link in that of its second.
 *
 * @param cluster    the cluster
 * @param line       zero-based line within the cluster
 * @param images     dataset indices on this line, most typical first (empty for an empty cluster)
 * @param size       images in the cluster
 * @param caption    what the cluster mostly holds, or empty
 * @param expanded   whether every image of the cluster is listed
 * @param expandable whether there are more images than a folded cluster shows
 */
public record GalleryRow(int cluster, int line, int[] images, int size, String caption, boolean expanded,
        boolean expandable) {

    /** Whether this is the cluster's first line (the one with its title). */
    public boolean first() {
        return line == 0;
    }
}
