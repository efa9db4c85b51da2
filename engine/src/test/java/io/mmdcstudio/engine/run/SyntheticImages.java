package io.mmdcstudio.engine.run;

import io.mmdcstudio.engine.data.ImageDataset;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/** Seeded toy image sets with an obvious class structure, for fast tests of the run. */
final class SyntheticImages {

    private SyntheticImages() {}

    /**
     * {@code n} grayscale images of {@code size} px in three classes: horizontal stripes, vertical stripes and a
     * centred disc, each with a random phase or radius and pixel noise. Labels are the class indices.
     */
    static ImageDataset threeShapes(int n, int size, long seed) {
        SplittableRandom rng = new SplittableRandom(seed);
        byte[] pixels = new byte[n * size * size];
        int[] labels = new int[n];
        List<String> items = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            int label = i % 3;
            labels[i] = label;
            items.add("synthetic#" + i);
            int phase = rng.nextInt(4);
            double radius = size * (0.2 + 0.15 * rng.nextDouble());
            for (int y = 0; y < size; y++) {
                for (int x = 0; x < size; x++) {
                    boolean on = switch (label) {
                        case 0 -> ((y + phase) / 2) % 2 == 0;
                        case 1 -> ((x + phase) / 2) % 2 == 0;
                        default -> Math.hypot(x - size / 2.0, y - size / 2.0) < radius;
                    };
                    int v = (on ? 200 : 30) + rng.nextInt(-25, 26);
                    pixels[i * size * size + y * size + x] = (byte) Math.max(0, Math.min(255, v));
                }
            }
        }
        return new ImageDataset(items, 1, size, size, pixels, labels, List.of("h", "v", "disc"), List.of(),
                "synthetic-" + n + "-" + size + "-" + seed);
    }

    /** A small, fast config for tests: 3 clusters, tiny network, batch 32. */
    static RunConfig tinyConfig(int epochs) {
        RunConfig quick = RunConfig.preset("quick", 3, true);
        return new RunConfig("test", 3, epochs, 16, NetworkKind.COMPACT, 8, 0, quick.means(), 0, true, 0.5, 0, 0, 2,
                32, 0.05, 0.9, 5e-4, Schedule.COSINE, 0, 0.1, 0, List.of(0.875, 0.75), true, 10, false, false, 7);
    }

    /** {@code data}'s labels in a seeded random order (Fisher-Yates): other ground truth for the same images. */
    static ImageDataset withShuffledLabels(ImageDataset data, long seed) {
        int[] shuffled = data.labels().clone();
        java.util.SplittableRandom rng = new java.util.SplittableRandom(seed);
        for (int i = shuffled.length - 1; i > 0; i--) {
            int j = rng.nextInt(i + 1);
            int t = shuffled[i];
            shuffled[i] = shuffled[j];
            shuffled[j] = t;
        }
        return data.withLabels(shuffled, data.classNames());
    }
}
