package io.mmdcstudio.gmm;

import java.util.Arrays;

/**
 * One run of the dense Jonker–Volgenant algorithm on a square, row-major cost matrix.
 *
 * <p>Invariant kept by every phase: with column prices {@code v}, each assigned row sits on a column of
 * minimal reduced cost {@code c[i][j] - v[j]} for that row. The final shortest-path phase relies on it
 * (reduced costs measured from an assigned row are never negative), which is what makes the result exact
 * whatever the heuristic phases managed to do.
 *
 * <p>Follows R. Jonker and A. Volgenant, "A shortest augmenting path algorithm for dense and sparse linear
 * assignment problems", Computing 38 (1987), and the structure of their public {@code lap.cpp}.
 */
final class Lapjv {

    /** Augmenting row reduction is a heuristic; past this many steps per row it yields to augmentation. */
    static final int DEFAULT_REDUCTION_STEPS_PER_ROW = 16;

    private final double[] c;
    private final int n;
    private final int reductionStepsPerRow;
    private final double[] v;
    private final int[] rowSol;
    private final int[] colSol;
    private final int[] free;
    private int numFree;
    /** Set by {@link #reduceRow}: whether the row's best column had its price strictly lowered. */
    private boolean lastReductionLoweredPrice;

    Lapjv(double[] cost, int n) {
        this(cost, n, DEFAULT_REDUCTION_STEPS_PER_ROW);
    }

    /** Tests pass a small step budget to drive every row through the exact phase. */
    Lapjv(double[] cost, int n, int reductionStepsPerRow) {
        this.c = cost;
        this.n = n;
        this.reductionStepsPerRow = reductionStepsPerRow;
        this.v = new double[n];
        this.rowSol = new int[n];
        this.colSol = new int[n];
        this.free = new int[n];
    }

    /** Returns the optimal column of each row. */
    int[] solve() {
        if (n == 0) {
            return new int[0];
        }
        if (n == 1) {
            return new int[] {0};
        }
        int[] matches = columnReduction();
        reductionTransfer(matches);
        augmentingRowReduction();
        augmentingRowReduction();
        augmentFreeRows();
        return rowSol;
    }

    /**
     * Prices each column at its minimum and gives each column's cheapest row that column, unless the row
     * already holds a cheaper one (columns visited last to first, as in the original). Counts how many
     * columns each row was cheapest for.
     */
    private int[] columnReduction() {
        int[] matches = new int[n];
        Arrays.fill(rowSol, -1);
        for (int j = n - 1; j >= 0; j--) {
            int iMin = 0;
            double min = c[j];
            for (int i = 1; i < n; i++) {
                double h = c[i * n + j];
                if (h < min) {
                    min = h;
                    iMin = i;
                }
            }
            v[j] = min;
            if (++matches[iMin] == 1) {
                assign(iMin, j);
            } else if (v[j] < v[rowSol[iMin]]) {
                colSol[rowSol[iMin]] = -1;
                assign(iMin, j);
            } else {
                colSol[j] = -1;
            }
        }
        return matches;
    }

    /**
     * Rows matched exactly once lower their column's price by their second-smallest reduced cost, which
     * makes that column less attractive to others while keeping it minimal for its row. Unmatched rows
     * become the free list.
     */
    private void reductionTransfer(int[] matches) {
        numFree = 0;
        for (int i = 0; i < n; i++) {
            if (matches[i] == 0) {
                free[numFree++] = i;
            } else if (matches[i] == 1) {
                int j1 = rowSol[i];
                int base = i * n;
                double min = Double.POSITIVE_INFINITY;
                for (int j = 0; j < n; j++) {
                    if (j != j1) {
                        min = Math.min(min, c[base + j] - v[j]);
                    }
                }
                v[j1] -= min;
            }
        }
    }

    /**
     * One pass over the free rows: each takes its cheapest column, pushing that column's price down to the
     * row's second-best reduced cost, and the displaced row continues at once when the price dropped.
     * Capped, because with rounding a price drop can vanish and the chain could cycle; rows left over go
     * to the exact augmentation phase.
     */
    private void augmentingRowReduction() {
        int previousFree = numFree;
        int budget = reductionStepsPerRow * n;
        int k = 0;
        numFree = 0;
        while (k < previousFree) {
            if (budget-- == 0) {
                while (k < previousFree) {
                    free[numFree++] = free[k++];
                }
                return;
            }
            int i = free[k++];
            int displaced = reduceRow(i);
            if (displaced >= 0) {
                if (lastReductionLoweredPrice) {
                    free[--k] = displaced;
                } else {
                    free[numFree++] = displaced;
                }
            }
        }
    }

    /** Assigns row {@code i} to its best column; returns the row it displaced, or -1. */
    private int reduceRow(int i) {
        int base = i * n;
        double uMin = c[base] - v[0];
        double uSubMin = Double.POSITIVE_INFINITY;
        int j1 = 0;
        int j2 = -1;
        for (int j = 1; j < n; j++) {
            double h = c[base + j] - v[j];
            if (h < uSubMin) {
                if (h >= uMin) {
                    uSubMin = h;
                    j2 = j;
                } else {
                    uSubMin = uMin;
                    uMin = h;
                    j2 = j1;
                    j1 = j;
                }
            }
        }
        int i0 = colSol[j1];
        lastReductionLoweredPrice = uMin < uSubMin;
        if (lastReductionLoweredPrice) {
            v[j1] -= uSubMin - uMin;
        } else if (i0 >= 0) {
            // Tie: the second-best column is just as good and may be free, so prefer it.
            j1 = j2;
            i0 = colSol[j2];
        }
        if (i0 >= 0) {
            rowSol[i0] = -1;
        }
        assign(i, j1);
        return i0;
    }

    private void assign(int row, int col) {
        rowSol[row] = col;
        colSol[col] = row;
    }

    /** Exact phase: one shortest augmenting path per remaining free row. */
    private void augmentFreeRows() {
        ShortestPath path = new ShortestPath();
        for (int f = 0; f < numFree; f++) {
            path.augment(free[f]);
        }
    }

    /** Dijkstra on reduced costs from one free row; its arrays are reused across rows. */
    private final class ShortestPath {
        private final double[] d = new double[n];
        private final int[] pred = new int[n];
        /** Columns in [0, low) are settled, [low, up) sit at the current minimum, [up, n) are unsettled. */
        private final int[] cols = new int[n];
        private int low;
        private int up;
        private int lastSettled;
        private double min;

        void augment(int freeRow) {
            int base = freeRow * n;
            for (int j = 0; j < n; j++) {
                d[j] = c[base + j] - v[j];
                pred[j] = freeRow;
                cols[j] = j;
            }
            low = 0;
            up = 0;
            int end = -1;
            while (end < 0) {
                if (up == low) {
                    end = collectMinimumColumns();
                }
                if (end < 0) {
                    end = scanNextColumn();
                }
            }
            updatePrices();
            flipPath(freeRow, end);
        }

        /** Moves every unsettled column at the new minimum distance to the front; returns a free one, or -1. */
        private int collectMinimumColumns() {
            lastSettled = low - 1;
            min = d[cols[up++]];
            for (int k = up; k < n; k++) {
                int j = cols[k];
                double h = d[j];
                if (h <= min) {
                    if (h < min) {
                        up = low;
                        min = h;
                    }
                    cols[k] = cols[up];
                    cols[up++] = j;
                }
            }
            for (int k = low; k < up; k++) {
                if (colSol[cols[k]] < 0) {
                    return cols[k];
                }
            }
            return -1;
        }

        /** Settles one minimum column and relaxes the unsettled ones through its row; returns a free one, or -1. */
        private int scanNextColumn() {
            int j1 = cols[low++];
            int i = colSol[j1];
            int base = i * n;
            double h = c[base + j1] - v[j1] - min;
            for (int k = up; k < n; k++) {
                int j = cols[k];
                double candidate = c[base + j] - v[j] - h;
                if (candidate < d[j]) {
                    pred[j] = i;
                    if (candidate <= min) {
                        // Reduced costs are non-negative in exact arithmetic; clamp rounding below the minimum.
                        d[j] = min;
                        if (colSol[j] < 0) {
                            return j;
                        }
                        cols[k] = cols[up];
                        cols[up++] = j;
                    } else {
                        d[j] = candidate;
                    }
                }
            }
            return -1;
        }

        /** Settled columns get cheaper by how much earlier than the free column they were reached. */
        private void updatePrices() {
            for (int k = 0; k <= lastSettled; k++) {
                int j = cols[k];
                v[j] += d[j] - min;
            }
        }

        private void flipPath(int freeRow, int end) {
            int j = end;
            int i;
            do {
                i = pred[j];
                colSol[j] = i;
                int next = rowSol[i];
                rowSol[i] = j;
                j = next;
            } while (i != freeRow);
        }
    }
}
