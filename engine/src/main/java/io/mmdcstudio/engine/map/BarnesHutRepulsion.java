package io.mmdcstudio.engine.map;

import java.util.Arrays;

/**
 * Barnes–Hut repulsion (van der Maaten 2014): a quadtree rebuilt every iteration, in which a cell whose side is
 * small against its distance ({@code side < θ · distance}) acts as one point of its total count at its centre of
 * mass. O(N log N) per iteration.
 *
 * <p>Layout for speed: the tree is stored depth-first in flat arrays, each node with the index just after its
 * subtree ("skip"), so a traversal is one loop without a stack: accept a node and jump to its skip, or open it and
 * step to the next index (its first child). Leaves hold up to {@value #LEAF} points, stored contiguously in tree
 * order, and points are visited in tree order so that neighbouring traversals touch the same nodes.
 */
final class BarnesHutRepulsion implements Repulsion {

    private static final int LEAF = 8;
    private static final int MAX_DEPTH = 40;
    private static final int CHUNK = 256;

    private final double theta2;

    /** Per node: centre of mass x, y, the squared distance beyond which it is far ((side / θ)²), and count. */
    private double[] nodeReal = new double[0];
    /** Per node: skip index, and first tree position of a leaf's points (-1 for an inner node). */
    private int[] nodeInt = new int[0];
    private int nodes;
    /** Tree order: point index at each tree position, and the points' coordinates in that order. */
    private int[] order = new int[0];
    private int[] scratch = new int[0];
    private double[] px = new double[0];
    private double[] py = new double[0];
    private double[] rowZ = new double[0];

    BarnesHutRepulsion(double theta) {
        this.theta2 = theta * theta;
    }

    @Override
    public double compute(double[] y, double[] forces, Workers workers) {
        int n = y.length / 2;
        build(y, n);
        workers.forEach(Workers.chunks(n, CHUNK), chunk -> {
            int end = Math.min(n, (chunk + 1) * CHUNK);
            for (int p = chunk * CHUNK; p < end; p++) {
                traverse(p, forces);
            }
        });
        double z = 0;
        for (int i = 0; i < n; i++) {
            z += rowZ[i];
        }
        return z;
    }

    private void traverse(int p, double[] forces) {
        double xi = px[p];
        double yi = py[p];
        double z = 0;
        double fx = 0;
        double fy = 0;
        int node = 0;
        while (node < nodes) {
            int r = node * 4;
            double dx = xi - nodeReal[r];
            double dy = yi - nodeReal[r + 1];
            double d2 = dx * dx + dy * dy;
            int leafStart = nodeInt[node * 2 + 1];
            if (nodeReal[r + 2] < d2) {
                double count = nodeReal[r + 3];
                double w = 1 / (1 + d2);
                z += count * w;
                double ww = count * w * w;
                fx += ww * dx;
                fy += ww * dy;
                node = nodeInt[node * 2];
            } else if (leafStart >= 0) {
                int leafEnd = leafStart + (int) nodeReal[r + 3];
                for (int q = leafStart; q < leafEnd; q++) {
                    if (q != p) {
                        double ex = xi - px[q];
                        double ey = yi - py[q];
                        double w = 1 / (1 + ex * ex + ey * ey);
                        z += w;
                        double ww = w * w;
                        fx += ww * ex;
                        fy += ww * ey;
                    }
                }
                node = nodeInt[node * 2];
            } else {
                node++;
            }
        }
        int i = order[p];
        rowZ[i] = z;
        forces[2 * i] = fx;
        forces[2 * i + 1] = fy;
    }

    private void build(double[] y, int n) {
        if (order.length != n) {
            order = new int[n];
            scratch = new int[n];
            px = new double[n];
            py = new double[n];
            rowZ = new double[n];
        }
        double minX = Double.POSITIVE_INFINITY;
        double minY = Double.POSITIVE_INFINITY;
        double maxX = Double.NEGATIVE_INFINITY;
        double maxY = Double.NEGATIVE_INFINITY;
        for (int i = 0; i < n; i++) {
            order[i] = i;
            minX = Math.min(minX, y[2 * i]);
            maxX = Math.max(maxX, y[2 * i]);
            minY = Math.min(minY, y[2 * i + 1]);
            maxY = Math.max(maxY, y[2 * i + 1]);
        }
        // A little wider than the points, so that the largest coordinate still falls inside the last cell.
        double side = Math.max(maxX - minX, maxY - minY) * (1 + 1e-9) + 1e-12;
        nodes = 0;
        build(y, 0, n, minX, minY, side, 0);
    }

    /** Builds the subtree of tree positions [lo, hi) in the square cell at (x0, y0); returns its node. */
    private int build(double[] y, int lo, int hi, double x0, double y0, double side, int depth) {
        int node = nodes++;
        ensureNodes(nodes);
        int r = node * 4;
        nodeReal[r + 2] = side * side / theta2;
        nodeReal[r + 3] = hi - lo;
        if (hi - lo <= LEAF || depth >= MAX_DEPTH) {
            double sx = 0;
            double sy = 0;
            for (int p = lo; p < hi; p++) {
                px[p] = y[2 * order[p]];
                py[p] = y[2 * order[p] + 1];
                sx += px[p];
                sy += py[p];
            }
            nodeReal[r] = sx / (hi - lo);
            nodeReal[r + 1] = sy / (hi - lo);
            nodeInt[node * 2 + 1] = lo;
            nodeInt[node * 2] = nodes;
            return node;
        }
        nodeInt[node * 2 + 1] = -1;
        double half = side / 2;
        int[] bounds = partition(y, lo, hi, x0 + half, y0 + half);
        double sx = 0;
        double sy = 0;
        for (int q = 0; q < 4; q++) {
            if (bounds[q + 1] > bounds[q]) {
                int child = build(y, bounds[q], bounds[q + 1], x0 + (q & 1) * half, y0 + (q >> 1) * half, half,
                        depth + 1);
                double count = nodeReal[child * 4 + 3];
                sx += nodeReal[child * 4] * count;
                sy += nodeReal[child * 4 + 1] * count;
            }
        }
        nodeReal[r] = sx / (hi - lo);
        nodeReal[r + 1] = sy / (hi - lo);
        nodeInt[node * 2] = nodes;
        return node;
    }

    /** Stable partition of [lo, hi) by quadrant (bit 0: right of midX, bit 1: above midY); returns 5 bounds. */
    private int[] partition(double[] y, int lo, int hi, double midX, double midY) {
        int[] bounds = new int[5];
        for (int p = lo; p < hi; p++) {
            bounds[quadrant(y, order[p], midX, midY) + 1]++;
        }
        bounds[0] = lo;
        for (int q = 1; q <= 4; q++) {
            bounds[q] += bounds[q - 1];
        }
        int[] fill = Arrays.copyOf(bounds, 4);
        for (int p = lo; p < hi; p++) {
            int i = order[p];
            scratch[fill[quadrant(y, i, midX, midY)]++] = i;
        }
        System.arraycopy(scratch, lo, order, lo, hi - lo);
        return bounds;
    }

    private static int quadrant(double[] y, int i, double midX, double midY) {
        return (y[2 * i] >= midX ? 1 : 0) | (y[2 * i + 1] >= midY ? 2 : 0);
    }

    private void ensureNodes(int count) {
        if (nodeInt.length < count * 2) {
            int capacity = Math.max(count * 2, 1024);
            nodeReal = Arrays.copyOf(nodeReal, capacity * 4);
            nodeInt = Arrays.copyOf(nodeInt, capacity * 2);
        }
    }
}
