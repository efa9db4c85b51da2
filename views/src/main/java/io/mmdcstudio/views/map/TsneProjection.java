package io.mmdcstudio.views.map;

import io.mmdcstudio.engine.map.MapLayout;
import io.mmdcstudio.engine.map.Tsne;
import io.mmdcstudio.engine.map.TsneConfig;
import java.util.function.BooleanSupplier;

/**
 * The engine's t-SNE: neighbourhoods kept, groups apart. Each epoch continues from the previous epoch's layout
 * (incremental mode) so points glide rather than jump; beside a training run it computes on one thread
 * throttled to a small share of a core ({@code TsneConfig.besideTraining()}), so training keeps its speed. Falls
 * back to PCA for inputs t-SNE cannot take.
 */
public final class TsneProjection implements MapProjection {

    /** Below this many points a neighbourhood embedding says little; PCA shows them as they are. */
    private static final int MIN_POINTS = 10;

    private final PcaProjection fallback = new PcaProjection();
    private volatile String lastMethod = "t-SNE";

    @Override
    public String name() {
        return lastMethod;
    }

    @Override
    public float[][] project(float[][] embeddings, float[][] previous, long seed, boolean besideTraining,
            BooleanSupplier stop) {
        if (embeddings.length < MIN_POINTS) {
            lastMethod = fallback.name();
            return fallback.project(embeddings, seed);
        }
        TsneConfig config = (besideTraining ? TsneConfig.besideTraining() : TsneConfig.defaults()).withSeed(seed);
        try {
            MapLayout layout = Tsne.layout(embeddings, config, previous, null, stop);
            if (layout.cancelled()) {
                return null;
            }
            lastMethod = "t-SNE";
            return layout.positions();
        } catch (IllegalArgumentException e) {
            // t-SNE refuses what it cannot embed (e.g. a layout it cannot continue from); PCA always answers.
            lastMethod = fallback.name();
            return fallback.project(embeddings, seed);
        }
    }
}
