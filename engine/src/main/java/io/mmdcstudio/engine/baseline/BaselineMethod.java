package io.mmdcstudio.engine.baseline;

import java.util.Locale;

/** Classical baselines that give MMDC's accuracy a reference point on the same data. */
public enum BaselineMethod {
    /** k-means++ on raw pixels scaled to [0, 1]. */
    KMEANS_PIXELS("kmeans-pixels"),
    /** PCA to 50 components, then k-means++. */
    PCA_KMEANS("pca-kmeans");

    private final String id;

    BaselineMethod(String id) {
        this.id = id;
    }

    /** The name used on the command line and in run.json. */
    public String id() {
        return id;
    }

    /** Parses a command-line name such as {@code kmeans-pixels}. */
    public static BaselineMethod parse(String name) {
        for (BaselineMethod m : values()) {
            if (m.id.equals(name.toLowerCase(Locale.ROOT))) {
                return m;
            }
        }
        throw new IllegalArgumentException("Unknown baseline '" + name + "'; choose kmeans-pixels or pca-kmeans");
    }
}
