package io.mmdcstudio.views.gallery;

import java.util.Arrays;
import java.util.List;

/**
 * Who is in which cluster at one moment of a run, ready for the gallery: per cluster, its images from most to
 * least typical (highest confidence first).
 *
 * @param epoch        zero-based epoch, or -1 for the final assignment of every image
 * @param k            number of clusters
 * @param clusterOf    per dataset image: its cluster, or -1 when this moment does not cover it (an image outside
 *                     the training subset during a run)
 * @param confidenceOf per dataset image: its confidence in [0, 1], or NaN when not covered
 * @param members      per cluster: dataset indices, most typical first
 * @param captions     per cluster: what it mostly holds by label, e.g. "mostly sneaker (84%)", or "" without labels
 */
public record Assignments(int epoch, int k, int[] clusterOf, float[] confidenceOf, int[][] members,
        List<String> captions) {

    public Assignments {
        captions = List.copyOf(captions);
    }

    /**
     * Groups covered images by cluster, most typical first.
     *
     * @param datasetSize images in the dataset
     * @param images      dataset index per covered image
     * @param clusters    cluster per covered image, in [0, k)
     * @param confidence  confidence per covered image
     * @param labels      label per dataset image (-1 unknown), or null
     * @param classNames  names of the labels (ignored without labels)
     */
    public static Assignments of(int epoch, int k, int datasetSize, int[] images, int[] clusters, float[] confidence,
            int[] labels, List<String> classNames) {
        int[] clusterOf = new int[datasetSize];
        float[] confidenceOf = new float[datasetSize];
        Arrays.fill(clusterOf, -1);
        Arrays.fill(confidenceOf, Float.NaN);
        int[] sizes = new int[k];
        for (int j = 0; j < images.length; j++) {
            clusterOf[images[j]] = clusters[j];
            confidenceOf[images[j]] = confidence[j];
            sizes[clusters[j]]++;
        }
        int[][] members = new int[k][];
        for (int c = 0; c < k; c++) {
            members[c] = new int[sizes[c]];
        }
        int[] fill = new int[k];
        for (int image : images) {
            int c = clusterOf[image];
            members[c][fill[c]++] = image;
        }
        for (int[] m : members) {
            sortByConfidence(m, confidenceOf);
        }
        return new Assignments(epoch, k, clusterOf, confidenceOf, members, captions(members, labels, classNames));
    }

    /** Sorts dataset indices by falling confidence; ties keep dataset order, so the gallery does not shuffle. */
    private static void sortByConfidence(int[] m, float[] confidenceOf) {
        Integer[] boxed = Arrays.stream(m).boxed().toArray(Integer[]::new);
        Arrays.sort(boxed, (a, b) -> {
            int byConfidence = Float.compare(confidenceOf[b], confidenceOf[a]);
            return byConfidence != 0 ? byConfidence : Integer.compare(a, b);
        });
        for (int i = 0; i < m.length; i++) {
            m[i] = boxed[i];
        }
    }

    private static List<String> captions(int[][] members, int[] labels, List<String> classNames) {
        String[] out = new String[members.length];
        for (int c = 0; c < members.length; c++) {
            out[c] = labels == null ? "" : majority(members[c], labels, classNames);
        }
        return List.of(out);
    }

    private static String majority(int[] members, int[] labels, List<String> classNames) {
        int[] counts = new int[classNames.size()];
        int labelled = 0;
        for (int image : members) {
            int label = labels[image];
            if (label >= 0 && label < counts.length) {
                counts[label]++;
                labelled++;
            }
        }
        if (labelled == 0) {
            return "";
        }
        int best = 0;
        for (int i = 1; i < counts.length; i++) {
            if (counts[i] > counts[best]) {
                best = i;
            }
        }
        return "mostly " + classNames.get(best) + " (" + Math.round(100.0 * counts[best] / labelled) + "%)";
    }

    /** Images in cluster {@code c}. */
    public int size(int c) {
        return members[c].length;
    }
}
