package io.mmdcstudio.engine.run;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.mmdcstudio.engine.data.ImageDataset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The few-labels (semi-supervised) mode: cluster j is class j, and the few labels are all training sees. */
class FewLabelsTest {

    private static final ImageDataset DATA = SyntheticImages.threeShapes(240, 16, 11);
    private static final int EPOCHS = 8;

    /** The few labels name classes in another order than the ground truth: class of shape s is (s + 1) % 3. */
    private static final FewLabels ONE_PER_CLASS = FewLabels.semiSupervised(fewLabels(DATA, 1));

    private static RunResult semi;

    @BeforeAll
    static void trainOnce() throws Exception {
        semi = run(DATA, ONE_PER_CLASS);
    }

    /** The first {@code perClass} images of each shape, labelled with class (shape + 1) % 3. */
    private static int[] fewLabels(ImageDataset data, int perClass) {
        int[] classOf = new int[data.size()];
        Arrays.fill(classOf, FewLabels.UNLABELLED);
        int[] taken = new int[3];
        for (int i = 0; i < data.size(); i++) {
            int shape = data.labels()[i];
            if (taken[shape] < perClass) {
                classOf[i] = (shape + 1) % 3;
                taken[shape]++;
            }
        }
        return classOf;
    }

    private static RunResult run(ImageDataset data, FewLabels few) throws Exception {
        return MmdcRun.run(data, SyntheticImages.tinyConfig(EPOCHS), RunOptions.DEFAULT.withFewLabels(few),
                RunListener.NONE, new RunControl());
    }

    private static int argMax(float[] v) {
        int best = 0;
        for (int c = 1; c < v.length; c++) {
            best = v[c] > v[best] ? c : best;
        }
        return best;
    }

    @Test
    void withOneLabelPerClassClusterJIsClassJOnMostImages() {
        int agree = 0;
        for (int i = 0; i < DATA.size(); i++) {
            agree += semi.clusters()[i] == (DATA.labels()[i] + 1) % 3 ? 1 : 0;
        }
        assertTrue(agree >= 0.8 * DATA.size(), agree + " of " + DATA.size() + " images are in their class's cluster");
    }

    @Test
    void theNetworkItselfPutsEachLabelledImageInItsClass() {
        for (int i = 0; i < DATA.size(); i++) {
            int c = ONE_PER_CLASS.classOf(i);
            if (c != FewLabels.UNLABELLED) {
                assertEquals(c, semi.clusters()[i], "the result keeps a labelled image in its class");
                assertEquals(c, argMax(semi.embeddings()[i]), "the network's own read-out of labelled image " + i);
            }
        }
    }

    @Test
    void trainingNeverReadsTheGroundTruthLabels() throws Exception {
        RunResult other = run(SyntheticImages.withShuffledLabels(DATA, 3), ONE_PER_CLASS);
        assertArrayEquals(semi.clusters(), other.clusters(), "same few labels, other ground truth: same clusters");
        assertNotEquals(semi.metrics().acc(), other.metrics().acc(), 1e-9, "the metrics do follow the ground truth");
    }

    @Test
    void theKeptEpochIsTheLastNotOneChosenByALabelFreeScore() {
        assertEquals(EPOCHS - 1, semi.keptEpoch());
        assertEquals(EPOCHS, semi.history().size());
    }

    @Test
    void roundsAlternateSupervisedAndLabelFreeEpochs() {
        // tinyConfig has no warm-up: epochs 0-2 supervised, 3 label-free (rotation + clustering), 4-6, 7.
        for (RunEvents.EpochEnded e : semi.history()) {
            boolean labelFree = e.epoch() % 4 == 3;
            assertEquals(labelFree, !Double.isNaN(e.clusterLoss()), "clustering loss in epoch " + e.epoch());
            assertEquals(labelFree, !Double.isNaN(e.rotationLoss()), "rotation loss in epoch " + e.epoch());
        }
    }

    @Test
    void supervisedOnlyBaselineRunsNoRotationNorClusteringEpochs() throws Exception {
        List<Phase> phases = new ArrayList<>();
        RunListener listener = new RunListener() {
            @Override
            public void onPhase(RunEvents.PhaseStarted p) {
                phases.add(p.phase());
            }
        };
        RunResult r = MmdcRun.run(DATA, SyntheticImages.tinyConfig(3),
                RunOptions.DEFAULT.withFewLabels(ONE_PER_CLASS.asSupervisedOnly()), listener, new RunControl());
        assertEquals(DATA.size(), r.clusters().length);
        assertTrue(phases.contains(Phase.SUPERVISED));
        assertTrue(!phases.contains(Phase.ROTATION) && !phases.contains(Phase.CLUSTERING), phases.toString());
    }

    @Test
    void labelsNamingAClassBeyondKAreRefused() {
        int[] classOf = fewLabels(DATA, 1);
        classOf[0] = 3;
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> run(DATA, FewLabels.semiSupervised(classOf)));
        assertTrue(e.getMessage().contains("3 clusters"), e.getMessage());
    }

    @Test
    void balancedQuotaSpreadsTheBatchEvenlyOverTheClasses() {
        int[] quota = FewLabelsTraining.balancedQuota(32, 3, new SplittableRandom(1));
        assertEquals(32, Arrays.stream(quota).sum());
        assertTrue(Arrays.stream(quota).max().getAsInt() - Arrays.stream(quota).min().getAsInt() <= 1);
    }
}
