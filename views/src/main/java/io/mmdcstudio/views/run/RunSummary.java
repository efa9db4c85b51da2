package io.mmdcstudio.views.run;

import io.mmdcstudio.gmm.ClusteringMetrics.Scores;
import io.mmdcstudio.views.fx.Formats;
import java.util.Arrays;

/**
 * What a finished run comes to, for the summary card.
 *
 * @param cancelled       stopped early
 * @param epochsCompleted epochs completed
 * @param epochs          epochs planned
 * @param keptEpoch       zero-based epoch whose weights gave the result
 * @param images          images assigned
 * @param sizes           images per cluster
 * @param metrics         ACC, NMI, ARI over every labelled image, or null
 * @param baseline        the pixel k-means baseline, or null
 * @param trainSeconds    training time
 * @param assignSeconds   final assignment time
 */
public record RunSummary(boolean cancelled, int epochsCompleted, int epochs, int keptEpoch, int images, int[] sizes,
        Scores metrics, BaselineScore baseline, double trainSeconds, double assignSeconds) {

    /** The headline, e.g. "Sorted 1,000 images into 10 clusters in 1:02". */
    public String headline() {
        String time = Formats.duration(trainSeconds + assignSeconds);
        return (cancelled ? "Cancelled after " + epochsCompleted + " of " + epochs + " epochs: " : "")
                + "Sorted " + Formats.count(images) + " images into " + sizes.length + " clusters in " + time;
    }

    /** The accuracy line, e.g. "ACC 0.624 (pixel k-means 0.512) · NMI 0.601 · ARI 0.455", or empty. */
    public String scores() {
        if (metrics == null) {
            return "No labels: no accuracy to report.";
        }
        String base = baseline == null ? "" : " (pixel k-means " + Formats.metric(baseline.scores().acc()) + ")";
        return "ACC " + Formats.metric(metrics.acc()) + base + " · NMI " + Formats.metric(metrics.nmi()) + " · ARI "
                + Formats.metric(metrics.ari());
    }

    /** Cluster sizes and which epoch's weights were kept. */
    public String details() {
        int min = Arrays.stream(sizes).min().orElse(0);
        int max = Arrays.stream(sizes).max().orElse(0);
        return "Cluster sizes " + Formats.count(min) + "–" + Formats.count(max) + " · weights of epoch "
                + (keptEpoch + 1) + " · training " + Formats.duration(trainSeconds) + ", assigning "
                + Formats.duration(assignSeconds);
    }
}
