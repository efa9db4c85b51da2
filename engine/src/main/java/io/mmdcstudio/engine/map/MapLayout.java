package io.mmdcstudio.engine.map;

/**
 * A finished (or cancelled) map.
 *
 * @param positions      one {@code (x, y)} row per input point, always all of them, in input order
 * @param subsampled     whether only a subsample was embedded by t-SNE and the rest placed beside neighbours
 * @param embeddedPoints how many points t-SNE itself laid out
 * @param notice         an honest one-line notice for the user when subsampled, else null
 * @param klDivergence   KL divergence of the embedded points' layout (NaN when no iteration ran)
 * @param iterationsRun  gradient-descent iterations done
 * @param cancelled      true when the layout stopped early because it was cancelled; {@code positions} then
 *                       hold where the points were at that moment (points not yet placed beside the subsample
 *                       keep their starting position)
 */
public record MapLayout(float[][] positions, boolean subsampled, int embeddedPoints, String notice,
        double klDivergence, int iterationsRun, boolean cancelled) {}
