package io.mmdcstudio.engine.map;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

/** The vantage-point tree finds exactly what brute force finds, ties included. */
class NearestNeighboursTest {

    @Test
    void treeAndBruteForceFindTheSameNeighboursInTheSameOrder() {
        float[][] points = Mixture.of(3_000, 6, 8, 2.0, 1).points();
        for (int i = 0; i < 200; i++) { // duplicates: ties must be broken by index in both
            points[2_000 + i] = points[i].clone();
        }
        try (Workers workers = new Workers(2)) {
            NearestNeighbours.Result brute = NearestNeighbours.bruteForce(points, points, true, 40, workers,
                    () -> false);
            NearestNeighbours.Result tree = NearestNeighbours.tree(points, points, true, 40, workers, () -> false);
            assertArrayEquals(brute.indices(), tree.indices());
            assertArrayEquals(brute.squaredDistances(), tree.squaredDistances());
            for (int q = 0; q < points.length; q++) {
                for (int j = 0; j < 40; j++) {
                    assertNotEquals(q, brute.indices()[q * 40 + j], "a point is not its own neighbour");
                }
            }
        }
    }

    @Test
    void queriesAmongOtherPointsMatchToo() {
        float[][] references = Mixture.of(2_000, 4, 10, 2.0, 2).points();
        float[][] queries = Mixture.of(500, 4, 10, 2.0, 3).points();
        try (Workers workers = new Workers(1)) {
            NearestNeighbours.Result brute = NearestNeighbours.bruteForce(queries, references, false, 5, workers,
                    () -> false);
            NearestNeighbours.Result tree = NearestNeighbours.tree(queries, references, false, 5, workers, () -> false);
            assertArrayEquals(brute.indices(), tree.indices());
        }
    }

    @Test
    void cancellingStopsTheSearch() {
        float[][] points = Mixture.of(500, 2, 4, 2.0, 4).points();
        try (Workers workers = new Workers(1)) {
            assertThrows(Cancelled.class, () -> NearestNeighbours.ofEach(points, 10, workers, () -> true));
        }
    }
}
