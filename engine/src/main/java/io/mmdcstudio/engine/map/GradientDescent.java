package io.mmdcstudio.engine.map;

/**
 * Gradient descent on the t-SNE objective with momentum and per-coordinate gains (delta-bar-delta, Jacobs 1988, as
 * in van der Maaten's bhtsne). The gradient has the bhtsne/openTSNE scale (no factor 4), which is what the
 * learning rate {@code max(N / 12, 200)} is tuned for:
 * {@code g_i = α Σ_j P_ij w_ij (y_i - y_j) - Σ_j w_ij² (y_i - y_j) / Z}.
 */
final class GradientDescent {

    private static final int CHUNK = 512;
    private static final double MIN_GAIN = 0.01;
    /** Largest move of one point in one step: keeps a few points from being flung far out early on (openTSNE). */
    private static final double MAX_STEP = 5;

    private final Affinities p;
    private final Repulsion repulsion;
    private final Workers workers;
    private final double entropyTerm;
    private final double[] y;
    private final double[] update;
    private final double[] gains;
    private final double[] gradient;
    private final double[] forces;
    private final double[] rowLogW;

    /** Optimises {@code y} (x of point i at 2i, y at 2i + 1) in place. */
    GradientDescent(Affinities p, double[] y, Repulsion repulsion, Workers workers) {
        this.p = p;
        this.y = y;
        this.repulsion = repulsion;
        this.workers = workers;
        this.entropyTerm = p.entropyTerm();
        int n = p.size();
        update = new double[2 * n];
        gains = new double[2 * n];
        java.util.Arrays.fill(gains, 1);
        gradient = new double[2 * n];
        forces = new double[2 * n];
        rowLogW = new double[n];
    }

    /**
     * One step.
     *
     * @param withKl whether to compute the KL divergence (of the positions before the step; costs one log per
     *               affinity)
     * @return the KL divergence, or NaN when not asked for
     */
    double step(double exaggeration, double momentum, double learningRate, boolean withKl) {
        double kl = gradient(exaggeration, withKl);
        int n = p.size();
        workers.forEach(Workers.chunks(n, CHUNK), chunk -> {
            int end = Math.min(n, (chunk + 1) * CHUNK);
            for (int i = chunk * CHUNK; i < end; i++) {
                move(i, momentum, learningRate);
            }
        });
        recentre();
        return kl;
    }

    /** KL divergence of the current positions (one more evaluation of the gradient's repulsive half). */
    double klDivergence() {
        return gradient(1, true);
    }

    private double gradient(double exaggeration, boolean withKl) {
        double z = repulsion.compute(y, forces, workers);
        int n = p.size();
        double invZ = 1 / z;
        workers.forEach(Workers.chunks(n, CHUNK), chunk -> {
            int end = Math.min(n, (chunk + 1) * CHUNK);
            for (int i = chunk * CHUNK; i < end; i++) {
                attract(i, exaggeration, invZ, withKl);
            }
        });
        if (!withKl) {
            return Double.NaN;
        }
        double sumPLogW = 0;
        for (int i = 0; i < n; i++) {
            sumPLogW += rowLogW[i];
        }
        // KL = Σ P log P − Σ P log q with q_ij = w_ij / Z and Σ P = 1.
        return entropyTerm - sumPLogW + Math.log(z);
    }

    private void attract(int i, double exaggeration, double invZ, boolean withKl) {
        int[] cols = p.columns();
        double[] vals = p.values();
        double xi = y[2 * i];
        double yi = y[2 * i + 1];
        double ax = 0;
        double ay = 0;
        double logW = 0;
        for (int e = p.rowStart()[i], end = p.rowStart()[i + 1]; e < end; e++) {
            int j = cols[e];
            double dx = xi - y[2 * j];
            double dy = yi - y[2 * j + 1];
            double w = 1 / (1 + dx * dx + dy * dy);
            double pw = vals[e] * w;
            ax += pw * dx;
            ay += pw * dy;
            if (withKl) {
                logW += vals[e] * Math.log(w);
            }
        }
        rowLogW[i] = logW;
        gradient[2 * i] = exaggeration * ax - forces[2 * i] * invZ;
        gradient[2 * i + 1] = exaggeration * ay - forces[2 * i + 1] * invZ;
    }

    private void move(int i, double momentum, double learningRate) {
        double sx = coordinateStep(2 * i, momentum, learningRate);
        double sy = coordinateStep(2 * i + 1, momentum, learningRate);
        double norm = Math.sqrt(sx * sx + sy * sy);
        if (norm > MAX_STEP) {
            sx *= MAX_STEP / norm;
            sy *= MAX_STEP / norm;
            update[2 * i] = sx;
            update[2 * i + 1] = sy;
        }
        y[2 * i] += sx;
        y[2 * i + 1] += sy;
    }

    /** Gains grow while a coordinate keeps moving the way the gradient points and shrink when it overshoots. */
    private double coordinateStep(int c, double momentum, double learningRate) {
        double g = gradient[c];
        double gain = (g > 0) != (update[c] > 0) ? gains[c] + 0.2 : gains[c] * 0.8;
        gains[c] = Math.max(gain, MIN_GAIN);
        update[c] = momentum * update[c] - learningRate * gains[c] * g;
        return update[c];
    }

    /** Keeps the layout centred on the origin (the objective doesn't care; the screen and the tree bounds do). */
    private void recentre() {
        int n = p.size();
        double mx = 0;
        double my = 0;
        for (int i = 0; i < n; i++) {
            mx += y[2 * i];
            my += y[2 * i + 1];
        }
        mx /= n;
        my /= n;
        for (int i = 0; i < n; i++) {
            y[2 * i] -= mx;
            y[2 * i + 1] -= my;
        }
    }
}
