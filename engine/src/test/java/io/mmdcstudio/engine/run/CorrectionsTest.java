package io.mmdcstudio.engine.run;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.mmdcstudio.engine.data.ImageDataset;
import java.nio.file.Path;
import java.util.Arrays;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** "Continue training with corrections": fixed images pull the network their way; cluster numbers stay stable. */
class CorrectionsTest {

    private static final ImageDataset DATA = SyntheticImages.threeShapes(240, 16, 11);

    @TempDir
    static Path dir;

    private static Path checkpoint;
    private static RunResult first;

    @BeforeAll
    static void firstRun() throws Exception {
        checkpoint = dir.resolve("checkpoint.bin");
        first = MmdcRun.run(DATA, SyntheticImages.tinyConfig(3), new RunOptions(checkpoint, false, 10),
                RunListener.NONE, new RunControl());
    }

    /** Squared distance from an embedding to cluster c's mean (one-hot means: the unit vector e_c). */
    private static double distanceToOneHot(float[] embedding, int c) {
        double d = 0;
        for (int j = 0; j < embedding.length; j++) {
            double diff = embedding[j] - (j == c ? 1 : 0);
            d += diff * diff;
        }
        return d;
    }

    private static RunResult continueWith(int[] fixed) throws Exception {
        RunOptions options = RunOptions.DEFAULT.withCorrections(new Corrections(fixed, checkpoint));
        return MmdcRun.run(DATA, SyntheticImages.tinyConfig(6), options, RunListener.NONE, new RunControl());
    }

    @Test
    void fixedImagesPullTheNetworkTowardsTheirCluster() throws Exception {
        // A person swaps two clusters image by image: every image of one is moved to the other and back.
        int from = largest(first.clusters());
        int to = (from + 1) % 3;
        int[] fixed = new int[DATA.size()];
        Arrays.fill(fixed, Corrections.FREE);
        int moved = 0;
        for (int i = 0; i < DATA.size(); i++) {
            int c = first.clusters()[i];
            if (c == from || c == to) {
                fixed[i] = c == from ? to : from;
                moved++;
            }
        }
        RunResult corrected = continueWith(fixed);
        int[] free = new int[DATA.size()];
        Arrays.fill(free, Corrections.FREE);
        RunResult uncorrected = continueWith(free);

        double toNew = 0; // mean squared distance of the corrected images to the cluster the person chose
        double toOld = 0; // ... and to the one the network had chosen
        double uncorrectedToNew = 0;
        double uncorrectedToOld = 0;
        for (int i = 0; i < DATA.size(); i++) {
            if (fixed[i] != Corrections.FREE) {
                assertEquals(fixed[i], corrected.clusters()[i], "a corrected image keeps the person's cluster");
                toNew += distanceToOneHot(corrected.embeddings()[i], fixed[i]) / moved;
                toOld += distanceToOneHot(corrected.embeddings()[i], first.clusters()[i]) / moved;
                uncorrectedToNew += distanceToOneHot(uncorrected.embeddings()[i], fixed[i]) / moved;
                uncorrectedToOld += distanceToOneHot(uncorrected.embeddings()[i], first.clusters()[i]) / moved;
            }
        }
        String figures = String.format(java.util.Locale.ROOT, "corrected: %.3f to new, %.3f to old; uncorrected: %.3f "
                + "to new, %.3f to old", toNew, toOld, uncorrectedToNew, uncorrectedToOld);
        assertTrue(toNew < toOld, "corrected images end nearer the person's cluster; " + figures);
        assertTrue(uncorrectedToNew > uncorrectedToOld, "without corrections they stay; " + figures);
    }

    @Test
    void continuingStartsFromTheEarlierWeightsSoClusterNumbersStay() throws Exception {
        int[] free = new int[DATA.size()];
        Arrays.fill(free, Corrections.FREE);
        RunResult continued = continueWith(free);
        int same = 0;
        for (int i = 0; i < DATA.size(); i++) {
            same += continued.clusters()[i] == first.clusters()[i] ? 1 : 0;
        }
        assertTrue(same >= 0.8 * DATA.size(), same + " of " + DATA.size() + " kept their cluster number");
    }

    @Test
    void correctionsNamingAMissingClusterAreRefused() {
        int[] fixed = new int[DATA.size()];
        Arrays.fill(fixed, Corrections.FREE);
        fixed[0] = 7;
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> continueWith(fixed));
        assertTrue(e.getMessage().contains("cluster 7"), e.getMessage());
    }

    private static int largest(int[] clusters) {
        int[] sizes = new int[3];
        for (int c : clusters) {
            sizes[c]++;
        }
        return sizes[0] >= sizes[1] && sizes[0] >= sizes[2] ? 0 : sizes[1] >= sizes[2] ? 1 : 2;
    }
}
