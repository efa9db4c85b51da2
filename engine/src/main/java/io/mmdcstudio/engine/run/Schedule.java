package io.mmdcstudio.engine.run;

/** Learning-rate schedule over the epochs of a run. */
public enum Schedule {
    /** Constant rate, multiplied by the decay factor once from the decay epoch on (the reference). */
    STEP,
    /** Cosine annealing from the rate to zero over the run (steadier on short CPU runs). */
    COSINE;

    /**
     * The learning rate for a zero-based epoch.
     *
     * @param base        the configured rate
     * @param epoch       zero-based epoch index
     * @param epochs      total epochs of the run
     * @param decayEpoch  one-based epoch from which STEP multiplies by {@code decayFactor} (0 = never)
     * @param decayFactor the STEP multiplier
     */
    public double rate(double base, int epoch, int epochs, int decayEpoch, double decayFactor) {
        return switch (this) {
            case STEP -> decayEpoch > 0 && epoch + 1 >= decayEpoch ? base * decayFactor : base;
            case COSINE -> base * 0.5 * (1 + Math.cos(Math.PI * epoch / Math.max(1, epochs)));
        };
    }
}
