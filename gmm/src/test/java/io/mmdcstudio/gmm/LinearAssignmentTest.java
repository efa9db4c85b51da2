package io.mmdcstudio.gmm;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class LinearAssignmentTest {

    @Test
    void hungarianFindsOptimumOnHandWorkedThreeByThree() {
        // Rows are workers, columns jobs. The six permutations cost:
        //   (0,1,2): 4+5+8=17  (0,2,1): 4+6+6=16  (1,0,2): 1+2+8=11
        //   (1,2,0): 1+6+3=10  (2,0,1): 3+2+6=11  (2,1,0): 3+5+3=11
        // so the unique optimum is row0→col1, row1→col2, row2→col0 with total 10.
        double[][] cost = {
            {4, 1, 3},
            {2, 5, 6},
            {3, 6, 8},
        };
        int[] assignment = LinearAssignment.solve(cost);
        assertArrayEquals(new int[] {1, 2, 0}, assignment);
        assertEquals(10.0, LinearAssignment.totalCost(cost, assignment));
    }

    @Test
    void solverMatchesBruteForceOnSmallRandomSquareProblems() {
        SplittableRandom random = new SplittableRandom(11L);
        for (int trial = 0; trial < 3000; trial++) {
            int n = 1 + random.nextInt(7);
            double[][] cost = randomCosts(random, n, n, trial % 3 == 0);
            assertOptimal(cost, LinearAssignment.solve(cost), "square trial " + trial);
        }
    }

    @Test
    void solverMatchesBruteForceOnSmallRandomRectangularProblems() {
        SplittableRandom random = new SplittableRandom(12L);
        for (int trial = 0; trial < 3000; trial++) {
            int rows = 1 + random.nextInt(7);
            int cols = 1 + random.nextInt(7);
            double[][] cost = randomCosts(random, rows, cols, trial % 2 == 0);
            assertOptimal(cost, LinearAssignment.solve(cost), rows + "x" + cols + " trial " + trial);
        }
    }

    @Test
    void exactPhaseAloneIsOptimalWhenRowReductionIsCutShort() {
        // Budgets 0 and 1 stop augmenting row reduction early, the path taken when rounding would make
        // it cycle; the shortest-path phase must still reach the optimum.
        SplittableRandom random = new SplittableRandom(15L);
        for (int trial = 0; trial < 1000; trial++) {
            int n = 2 + random.nextInt(6);
            double[][] cost = randomCosts(random, n, n, trial % 2 == 0);
            double[] flat = new double[n * n];
            for (int i = 0; i < n; i++) {
                System.arraycopy(cost[i], 0, flat, i * n, n);
            }
            int[] assignment = new Lapjv(flat, n, trial % 2).solve();
            assertOptimal(cost, assignment, "budget " + (trial % 2) + " trial " + trial);
        }
    }

    @Test
    void solverIsOptimalWhenEveryCostTies() {
        for (int n = 1; n <= 7; n++) {
            double[][] cost = new double[n][n];
            for (double[] row : cost) {
                Arrays.fill(row, 2.5);
            }
            assertOptimal(cost, LinearAssignment.solve(cost), "all-equal " + n);
        }
    }

    @Test
    void flatFloatInputGivesTheSameOptimumAsNestedDoubleInput() {
        SplittableRandom random = new SplittableRandom(13L);
        for (int trial = 0; trial < 500; trial++) {
            int rows = 1 + random.nextInt(7);
            int cols = 1 + random.nextInt(7);
            float[] flat = new float[rows * cols];
            double[][] nested = new double[rows][cols];
            for (int i = 0; i < rows; i++) {
                for (int j = 0; j < cols; j++) {
                    flat[i * cols + j] = (float) random.nextDouble(-3, 3);
                    nested[i][j] = flat[i * cols + j];
                }
            }
            int[] fromFlat = LinearAssignment.solve(flat, rows, cols);
            assertOptimal(nested, fromFlat, "flat trial " + trial);
        }
    }

    @Test
    void largeUnitVectorBatchAdmitsNoImprovingExchange() {
        // For n = 128 brute force is impossible; instead use the optimality condition of assignment
        // problems: no cyclic exchange of columns among rows lowers the total (independent Bellman–Ford).
        SplittableRandom random = new SplittableRandom(14L);
        int n = 128;
        float[][] points = randomUnitVectors(random, n, 10);
        float[][] targets = randomUnitVectors(random, n, 10);
        double[][] cost = new double[n][n];
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < n; j++) {
                cost[i][j] = squaredDistance(points[i], targets[j]);
            }
        }
        int[] assignment = LinearAssignment.solve(cost);
        assertIsPermutation(assignment, n);
        assertTrue(hasNoImprovingCycle(cost, assignment), "a cost-lowering exchange exists");
    }

    @Test
    void shortestPathPhaseAloneIsOptimalOnMediumProblems() {
        // With no row-reduction budget, every row left free by column reduction is placed by a shortest
        // augmenting path, so dozens of successive augmentations must keep the column prices right.
        SplittableRandom random = new SplittableRandom(16L);
        for (int trial = 0; trial < 60; trial++) {
            int n = 10 + random.nextInt(51);
            double[][] cost = randomCosts(random, n, n, trial % 2 == 0);
            double[] flat = new double[n * n];
            for (int i = 0; i < n; i++) {
                System.arraycopy(cost[i], 0, flat, i * n, n);
            }
            int[] assignment = new Lapjv(flat, n, 0).solve();
            assertIsPermutation(assignment, n);
            assertTrue(hasNoImprovingCycle(cost, assignment), "trial " + trial + ", n = " + n);
        }
    }

    @Test
    void rowsBeyondTheColumnsAreMarkedUnassigned() {
        double[][] cost = {{5}, {1}, {3}};
        assertArrayEquals(new int[] {-1, 0, -1}, LinearAssignment.solve(cost));
    }

    @Test
    void emptyProblemGivesEmptyAssignment() {
        assertEquals(0, LinearAssignment.solve(new double[0][0]).length);
        assertEquals(0, LinearAssignment.solve(new float[0], 0, 4).length);
    }

    @Test
    void nonFiniteOrRaggedCostsAreRejected() {
        assertThrows(IllegalArgumentException.class,
                () -> LinearAssignment.solve(new double[][] {{1, Double.NaN}, {0, 1}}));
        assertThrows(IllegalArgumentException.class,
                () -> LinearAssignment.solve(new double[][] {{1, 2}, {0}}));
        assertThrows(IllegalArgumentException.class,
                () -> LinearAssignment.solve(new float[3], 2, 2));
    }

    private static double[][] randomCosts(SplittableRandom random, int rows, int cols, boolean smallIntegers) {
        double[][] cost = new double[rows][cols];
        for (int i = 0; i < rows; i++) {
            for (int j = 0; j < cols; j++) {
                // Small integers create many ties, the case where LAPJV's tie handling matters.
                cost[i][j] = smallIntegers ? random.nextInt(4) : random.nextDouble(-10, 10);
            }
        }
        return cost;
    }

    private static void assertOptimal(double[][] cost, int[] assignment, String label) {
        int rows = cost.length;
        int cols = cost[0].length;
        assertEquals(rows, assignment.length, label);
        boolean[] used = new boolean[cols];
        int assigned = 0;
        for (int column : assignment) {
            if (column >= 0) {
                assertTrue(column < cols && !used[column], label + ": column reused or out of range");
                used[column] = true;
                assigned++;
            }
        }
        assertEquals(Math.min(rows, cols), assigned, label + ": not a maximal assignment");
        double best = BruteForce.minimumCost(cost);
        assertEquals(best, LinearAssignment.totalCost(cost, assignment), 1e-9, label);
    }

    private static void assertIsPermutation(int[] assignment, int n) {
        boolean[] seen = new boolean[n];
        for (int column : assignment) {
            assertTrue(column >= 0 && column < n && !seen[column]);
            seen[column] = true;
        }
    }

    /**
     * An assignment is optimal iff the residual graph has no negative cycle. Bellman–Ford over columns:
     * moving row i from column a(i) to column j changes the cost by c[i][j] - c[i][a(i)].
     */
    private static boolean hasNoImprovingCycle(double[][] cost, int[] assignment) {
        int n = cost.length;
        double[] dist = new double[n];
        for (int round = 0; round < n; round++) {
            boolean changed = false;
            for (int i = 0; i < n; i++) {
                int from = assignment[i];
                for (int j = 0; j < n; j++) {
                    // Edge a(i) → j: row i leaves its column a(i) and takes j (whose holder moves on).
                    double candidate = dist[from] + cost[i][j] - cost[i][from];
                    if (candidate < dist[j] - 1e-9) {
                        dist[j] = candidate;
                        changed = true;
                    }
                }
            }
            if (!changed) {
                return true;
            }
        }
        return false;
    }

    static float[][] randomUnitVectors(SplittableRandom random, int n, int dim) {
        float[][] out = new float[n][dim];
        for (float[] row : out) {
            double norm = 0;
            for (int d = 0; d < dim; d++) {
                row[d] = (float) random.nextGaussian();
                norm += row[d] * row[d];
            }
            for (int d = 0; d < dim; d++) {
                row[d] /= (float) Math.sqrt(norm);
            }
        }
        return out;
    }

    private static double squaredDistance(float[] a, float[] b) {
        double sum = 0;
        for (int i = 0; i < a.length; i++) {
            double diff = a[i] - b[i];
            sum += diff * diff;
        }
        return sum;
    }

    /** Exhaustive search over injective maps of the smaller side into the larger. */
    private static final class BruteForce {
        private BruteForce() {
        }

        static double minimumCost(double[][] cost) {
            int rows = cost.length;
            int cols = cost[0].length;
            if (rows <= cols) {
                return search(cost, 0, new boolean[cols]);
            }
            return search(transpose(cost), 0, new boolean[rows]);
        }

        private static double search(double[][] cost, int row, boolean[] used) {
            if (row == cost.length) {
                return 0;
            }
            double best = Double.POSITIVE_INFINITY;
            for (int j = 0; j < used.length; j++) {
                if (!used[j]) {
                    used[j] = true;
                    best = Math.min(best, cost[row][j] + search(cost, row + 1, used));
                    used[j] = false;
                }
            }
            return best;
        }

        private static double[][] transpose(double[][] m) {
            double[][] t = new double[m[0].length][m.length];
            for (int i = 0; i < m.length; i++) {
                for (int j = 0; j < m[0].length; j++) {
                    t[j][i] = m[i][j];
                }
            }
            return t;
        }
    }
}
