package io.mmdcstudio.engine.map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The input affinities: calibrated to the perplexity, symmetric, a distribution. */
class AffinitiesTest {

    @Test
    void everyConditionalRowHasTheRequestedPerplexity() {
        float[][] points = Mixture.of(500, 3, 6, 2.0, 1).points();
        try (Workers workers = new Workers(1)) {
            NearestNeighbours.Result knn = NearestNeighbours.ofEach(points, 90, workers, () -> false);
            double[] row = new double[points.length * 90];
            for (double perplexity : new double[] {5, 30}) {
                for (int i = 0; i < points.length; i++) {
                    Affinities.calibrate(knn.squaredDistances(), i * 90, 90, Math.log(perplexity), row);
                    double entropy = 0;
                    double sum = 0;
                    for (int j = 0; j < 90; j++) {
                        double p = row[i * 90 + j];
                        sum += p;
                        entropy -= p > 0 ? p * Math.log(p) : 0;
                    }
                    assertEquals(1, sum, 1e-9);
                    assertEquals(perplexity, Math.exp(entropy), perplexity * 1e-4, "point " + i);
                }
            }
        }
    }

    @Test
    void jointAffinitiesAreSymmetricAndSumToOne() {
        float[][] points = Mixture.of(800, 4, 6, 2.0, 2).points();
        try (Workers workers = new Workers(2)) {
            Affinities p = Affinities.of(NearestNeighbours.ofEach(points, 45, workers, () -> false), 800, 15, workers);
            Map<Long, Double> entries = new HashMap<>();
            double sum = 0;
            for (int i = 0; i < 800; i++) {
                for (int e = p.rowStart()[i]; e < p.rowStart()[i + 1]; e++) {
                    assertTrue(e == p.rowStart()[i] || p.columns()[e] > p.columns()[e - 1], "sorted, no duplicates");
                    entries.put((long) i * 800 + p.columns()[e], p.values()[e]);
                    sum += p.values()[e];
                }
            }
            assertEquals(1, sum, 1e-9);
            entries.forEach((key, v) -> assertEquals(v, entries.get((key % 800) * 800 + key / 800), 1e-15));
        }
    }
}
