package io.mmdcstudio.engine.map;

/** Every pair, O(N²) per iteration: for small maps, and as the yardstick of the approximations in tests. */
final class ExactRepulsion implements Repulsion {

    private static final int CHUNK = 64;

    private double[] rowZ = new double[0];

    @Override
    public double compute(double[] y, double[] forces, Workers workers) {
        int n = y.length / 2;
        if (rowZ.length != n) {
            rowZ = new double[n];
        }
        double[] xs = new double[n];
        double[] ys = new double[n];
        for (int i = 0; i < n; i++) {
            xs[i] = y[2 * i];
            ys[i] = y[2 * i + 1];
        }
        workers.forEach(Workers.chunks(n, CHUNK), chunk -> {
            int end = Math.min(n, (chunk + 1) * CHUNK);
            for (int i = chunk * CHUNK; i < end; i++) {
                row(i, xs, ys, forces);
            }
        });
        double z = 0;
        for (int i = 0; i < n; i++) {
            z += rowZ[i];
        }
        return z;
    }

    private void row(int i, double[] xs, double[] ys, double[] forces) {
        double xi = xs[i];
        double yi = ys[i];
        double z = 0;
        double fx = 0;
        double fy = 0;
        for (int j = 0; j < xs.length; j++) {
            double dx = xi - xs[j];
            double dy = yi - ys[j];
            double w = 1 / (1 + dx * dx + dy * dy);
            z += w;
            double ww = w * w;
            fx += ww * dx;
            fy += ww * dy;
        }
        rowZ[i] = z - 1; // j = i added w_ii = 1 (and no force)
        forces[2 * i] = fx;
        forces[2 * i + 1] = fy;
    }
}
