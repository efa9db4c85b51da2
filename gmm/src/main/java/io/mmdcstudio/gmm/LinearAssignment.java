package io.mmdcstudio.gmm;

/**
 * Exact minimum-cost linear assignment (the "Hungarian" step of MMDC, and the cluster-to-class match of
 * the accuracy metric).
 *
 * <p>The solver is the dense Jonker–Volgenant algorithm (LAPJV, 1987): column reduction, reduction
 * transfer and two passes of augmenting row reduction give most rows a column cheaply, then a
 * Dijkstra-style shortest augmenting path on reduced costs assigns the remaining free rows. The result is
 * an exact optimum (up to floating-point rounding of the costs themselves).
 *
 * <p>Rectangular problems are padded to a square with zero-cost dummy rows or columns. A constant row or
 * column adds the same amount to every complete assignment, so padding does not change which real pairs
 * are optimal; rows that land on a dummy column are reported as unassigned ({@code -1}).
 *
 * <p>Costs must be finite. Thread-safe: every call works on its own arrays.
 */
public final class LinearAssignment {

    /** Marks a row with no real column in a result (only possible when rows &gt; columns). */
    public static final int UNASSIGNED = -1;

    private LinearAssignment() {
    }

    /**
     * Solves a (possibly rectangular) assignment problem.
     *
     * @param cost {@code cost[row][col]}, all rows of equal length, finite values
     * @return for each row the assigned column, or {@link #UNASSIGNED} when rows outnumber columns and the
     *     row is left out; the sum of the chosen costs is minimal
     */
    public static int[] solve(double[][] cost) {
        if (cost == null) {
            throw new IllegalArgumentException("cost matrix must not be null");
        }
        int rows = cost.length;
        int cols = rows == 0 || cost[0] == null ? 0 : cost[0].length;
        int n = squareSize(rows, cols);
        double[] square = new double[n * n];
        for (int i = 0; i < rows; i++) {
            if (cost[i] == null || cost[i].length != cols) {
                throw new IllegalArgumentException("cost row " + i + " has length "
                        + (cost[i] == null ? "null" : cost[i].length) + ", expected " + cols);
            }
            System.arraycopy(cost[i], 0, square, i * n, cols);
        }
        return solvePadded(square, rows, cols, n);
    }

    /**
     * Solves a (possibly rectangular) assignment problem given as a flat row-major array, the layout the
     * engine builds per training batch.
     *
     * @param cost row-major costs, {@code cost[row * cols + col]}, at least {@code rows * cols} long
     * @param rows number of rows (≥ 0)
     * @param cols number of columns (≥ 0)
     * @return for each row the assigned column, or {@link #UNASSIGNED}
     */
    public static int[] solve(float[] cost, int rows, int cols) {
        if (cost == null) {
            throw new IllegalArgumentException("cost array must not be null");
        }
        if (rows < 0 || cols < 0 || (long) rows * cols > cost.length) {
            throw new IllegalArgumentException("cost array of length " + cost.length
                    + " cannot hold " + rows + " x " + cols + " costs");
        }
        int n = squareSize(rows, cols);
        double[] square = new double[n * n];
        for (int i = 0; i < rows; i++) {
            int from = i * cols;
            int to = i * n;
            for (int j = 0; j < cols; j++) {
                square[to + j] = cost[from + j];
            }
        }
        return solvePadded(square, rows, cols, n);
    }

    /** Side of the padded square problem, refused when its cost array could not be indexed by an int. */
    private static int squareSize(int rows, int cols) {
        int n = Math.max(rows, cols);
        if ((long) n * n > Integer.MAX_VALUE - 8) {
            throw new IllegalArgumentException("assignment problem of side " + n + " is too large");
        }
        return n;
    }

    /** Solves the zero-padded square problem and strips the dummy rows and columns from the answer. */
    private static int[] solvePadded(double[] square, int rows, int cols, int n) {
        requireFinite(square);
        int[] rowToCol = new Lapjv(square, n).solve();
        int[] result = new int[rows];
        for (int i = 0; i < rows; i++) {
            result[i] = rowToCol[i] < cols ? rowToCol[i] : UNASSIGNED;
        }
        return result;
    }

    private static void requireFinite(double[] values) {
        for (int i = 0; i < values.length; i++) {
            if (!Double.isFinite(values[i])) {
                throw new IllegalArgumentException("cost entry " + i + " (row-major, padded) is not finite: "
                        + values[i]);
            }
        }
    }

    /**
     * Sum of the costs of an assignment, skipping unassigned rows: a convenience for callers and tests.
     *
     * @param cost the cost matrix the assignment was solved for
     * @param rowToCol the assignment, as returned by {@link #solve(double[][])}
     * @return the total cost
     */
    public static double totalCost(double[][] cost, int[] rowToCol) {
        double total = 0;
        for (int i = 0; i < rowToCol.length; i++) {
            if (rowToCol[i] != UNASSIGNED) {
                total += cost[i][rowToCol[i]];
            }
        }
        return total;
    }
}
