package io.mmdcstudio.views.fx;

import javafx.scene.paint.Color;

/**
 * One colour per cluster, the same in every view (gallery, map, sizes chart, confusion matrix), so a person can
 * follow a cluster from one to the other.
 */
public final class ClusterPalette {

    /** Tableau 10: distinct on light and dark backgrounds and fairly safe for colour-blind viewers. */
    private static final String[] BASE = {
        "#4e79a7", "#f28e2b", "#e15759", "#76b7b2", "#59a14f",
        "#edc948", "#b07aa1", "#ff9da7", "#9c755f", "#bab0ac"
    };

    private ClusterPalette() {}

    /** The colour of {@code cluster}; beyond ten clusters, hues spread by the golden angle. */
    public static Color color(int cluster) {
        if (cluster < 0) {
            return Color.GRAY;
        }
        if (cluster < BASE.length) {
            return Color.web(BASE[cluster]);
        }
        double hue = (cluster * 137.508) % 360;
        double brightness = cluster % 2 == 0 ? 0.85 : 0.65;
        return Color.hsb(hue, 0.55, brightness);
    }

    /** The colour as a CSS value, e.g. for {@code -fx-background-color}. */
    public static String css(int cluster) {
        Color c = color(cluster);
        return String.format(java.util.Locale.ROOT, "rgb(%d,%d,%d)", (int) Math.round(c.getRed() * 255),
                (int) Math.round(c.getGreen() * 255), (int) Math.round(c.getBlue() * 255));
    }
}
