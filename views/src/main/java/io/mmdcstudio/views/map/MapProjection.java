package io.mmdcstudio.views.map;

import java.util.function.BooleanSupplier;

/** Turns embeddings into 2-D points for the map: t-SNE ({@link TsneProjection}) or PCA ({@link PcaProjection}). */
public interface MapProjection {

    /** The method's name as the map's title shows it, e.g. "t-SNE". */
    String name();

    /**
     * Projects rows of equal length to 2-D.
     *
     * @param embeddings     at least one row of finite values
     * @param previous       where the same rows were in the previous picture ({x, y} per row), or null; a method
     *                       that can continue from it moves points smoothly instead of starting afresh
     * @param seed           seed of any random choice of the method
     * @param besideTraining whether a run is training at the same time (a method may then compute more gently)
     * @param stop           polled while computing (possibly from several threads); true abandons the work
     * @return one {x, y} pair per row, or null when stopped
     */
    float[][] project(float[][] embeddings, float[][] previous, long seed, boolean besideTraining,
            BooleanSupplier stop);
}
