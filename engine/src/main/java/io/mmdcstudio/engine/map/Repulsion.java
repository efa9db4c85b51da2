package io.mmdcstudio.engine.map;

/**
 * The repulsive half of the t-SNE gradient, the part that involves every pair of points. With
 * {@code w_ij = 1 / (1 + |y_i - y_j|²)}, an implementation computes, exactly or approximately,
 * {@code F_i = Σ_j w_ij² (y_i - y_j)} for every point and the normalisation {@code Z = Σ_{i≠j} w_ij}.
 */
interface Repulsion {

    /**
     * @param y       positions, x of point i at {@code 2i}, y at {@code 2i + 1}
     * @param forces  receives {@code F_i} in the same layout
     * @param workers threads to use
     * @return Z
     */
    double compute(double[] y, double[] forces, Workers workers);
}
