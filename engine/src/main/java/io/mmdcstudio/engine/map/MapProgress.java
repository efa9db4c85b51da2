package io.mmdcstudio.engine.map;

/** Receives a layout's progress on the thread that called {@link Tsne#layout}; must return quickly. */
@FunctionalInterface
public interface MapProgress {

    /** Ignores all progress. */
    MapProgress NONE = (iteration, total, kl) -> { };

    /**
     * Called every few iterations and after the last one.
     *
     * @param iteration iterations done so far (1-based count)
     * @param total     iterations this layout will run
     * @param kl        KL divergence of the current layout (the t-SNE objective; lower is better)
     */
    void update(int iteration, int total, double kl);
}
