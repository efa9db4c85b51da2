package io.mmdcstudio.views.map;

import io.mmdcstudio.gmm.Pca;
import java.util.function.BooleanSupplier;

/** The two leading principal components: instant, deterministic, and faithful to large distances. */
public final class PcaProjection implements MapProjection {

    @Override
    public String name() {
        return "PCA";
    }

    @Override
    public float[][] project(float[][] embeddings, float[][] previous, long seed, boolean besideTraining,
            BooleanSupplier stop) {
        return project(embeddings, seed);
    }

    /** The projection of {@code embeddings} onto their two leading principal components. */
    public float[][] project(float[][] embeddings, long seed) {
        int n = embeddings.length;
        int dim = n == 0 ? 0 : embeddings[0].length;
        if (n < 2 || dim == 0) {
            return new float[n][2];
        }
        int components = Math.min(2, dim);
        float[][] projected = Pca.fit(embeddings, components, seed).transform(embeddings);
        if (components == 2) {
            return projected;
        }
        float[][] out = new float[n][2];
        for (int i = 0; i < n; i++) {
            out[i][0] = projected[i][0];
        }
        return out;
    }
}
