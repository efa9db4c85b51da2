package io.mmdcstudio.engine.run;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.mmdcstudio.engine.data.ImageDataset;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

class MmdcRunTest {

    private static final ImageDataset DATA = SyntheticImages.threeShapes(240, 16, 11);

    @Test
    void runAssignsEveryImageAndSeparatesObviousShapes() throws Exception {
        List<RunEvents.EpochEnded> epochs = new ArrayList<>();
        RunListener listener = new RunListener() {
            @Override
            public void onEpoch(RunEvents.EpochEnded e) {
                epochs.add(e);
            }
        };
        RunResult r = MmdcRun.run(DATA, SyntheticImages.tinyConfig(4), RunOptions.DEFAULT, listener, new RunControl());
        assertEquals(DATA.size(), r.clusters().length);
        assertEquals(4, epochs.size());
        assertEquals(4, r.history().size());
        assertFalse(r.cancelled());
        assertNotNull(r.metrics());
        assertTrue(r.metrics().acc() > 0.8, "stripes and discs should separate, ACC was " + r.metrics().acc());
        for (float[] e : r.embeddings()) {
            double norm = 0;
            for (float v : e) {
                norm += v * v;
            }
            assertEquals(1.0, Math.sqrt(norm), 1e-4, "embeddings lie on the unit sphere");
        }
        assertTrue(epochs.get(0).rotationAccuracy() > 0.25, "the rotation head learns something");
    }

    @Test
    void sameSeedGivesSameAssignments() throws Exception {
        RunResult a = MmdcRun.run(DATA, SyntheticImages.tinyConfig(2), RunOptions.DEFAULT, RunListener.NONE, new RunControl());
        RunResult b = MmdcRun.run(DATA, SyntheticImages.tinyConfig(2), RunOptions.DEFAULT, RunListener.NONE, new RunControl());
        assertArrayEquals(a.clusters(), b.clusters());
        assertArrayEquals(a.embeddings()[5], b.embeddings()[5], 0f);
    }

    @Test
    void shuffledLabelsChangeMetricsButNotAssignments() throws Exception {
        ImageDataset relabelled = SyntheticImages.withShuffledLabels(DATA, 3);
        RunResult a = MmdcRun.run(DATA, SyntheticImages.tinyConfig(2), RunOptions.DEFAULT, RunListener.NONE, new RunControl());
        RunResult b = MmdcRun.run(relabelled, SyntheticImages.tinyConfig(2), RunOptions.DEFAULT, RunListener.NONE, new RunControl());
        assertArrayEquals(a.clusters(), b.clusters(), "training never sees the labels");
        assertNotEquals(a.metrics().acc(), b.metrics().acc(), 1e-9);
    }

    @Test
    void cancelStopsAtABatchBoundaryAndStillReturnsAResult() throws Exception {
        RunControl control = new RunControl();
        AtomicInteger batches = new AtomicInteger();
        RunListener cancelAfterSecondEpochStarts = new RunListener() {
            @Override
            public void onPhase(RunEvents.PhaseStarted e) {
                if (e.epoch() == 1 && e.phase() == Phase.CLUSTERING) {
                    control.cancel();
                }
            }

            @Override
            public void onBatch(RunEvents.BatchProgress e) {
                batches.incrementAndGet();
            }
        };
        RunResult r = MmdcRun.run(DATA, SyntheticImages.tinyConfig(5), new RunOptions(null, false, 1),
                cancelAfterSecondEpochStarts, control);
        assertTrue(r.cancelled());
        assertEquals(1, r.epochsCompleted());
        assertEquals(DATA.size(), r.clusters().length, "the completed epoch still assigns every image");
        assertTrue(batches.get() > 0);
    }

    @Test
    @Timeout(120)
    void stepModePausesAfterEachEpochUntilResumed() throws Exception {
        RunControl control = new RunControl();
        control.setPauseAfterEpoch(true);
        List<Integer> epochsSeenWhenPaused = new ArrayList<>();
        AtomicInteger epochs = new AtomicInteger();
        java.util.concurrent.atomic.AtomicBoolean done = new java.util.concurrent.atomic.AtomicBoolean();
        Thread resumer = new Thread(() -> {
            while (!done.get()) {
                if (control.isPaused()) {
                    epochsSeenWhenPaused.add(epochs.get());
                    control.resume();
                }
                Thread.onSpinWait();
            }
        });
        resumer.setDaemon(true);
        resumer.start();
        RunResult r = MmdcRun.run(DATA, SyntheticImages.tinyConfig(3), RunOptions.DEFAULT, new RunListener() {
            @Override
            public void onEpoch(RunEvents.EpochEnded e) {
                epochs.incrementAndGet();
            }
        }, control);
        done.set(true);
        resumer.join();
        assertEquals(3, r.epochsCompleted());
        assertEquals(List.of(1, 2), epochsSeenWhenPaused, "paused after epochs 1 and 2, not after the last");
    }

    @Test
    void resumedRunMatchesAnUnbrokenOne(@TempDir Path dir) throws Exception {
        Path checkpoint = dir.resolve("checkpoint.bin");
        RunResult unbroken = MmdcRun.run(DATA, SyntheticImages.tinyConfig(3), RunOptions.DEFAULT, RunListener.NONE,
                new RunControl());
        RunControl control = new RunControl();
        RunListener stopAfterTwoEpochs = new RunListener() {
            @Override
            public void onEpoch(RunEvents.EpochEnded e) {
                if (e.epoch() == 1) {
                    control.cancel(); // as if the process died after writing the second checkpoint
                }
            }
        };
        RunResult interrupted = MmdcRun.run(DATA, SyntheticImages.tinyConfig(3), new RunOptions(checkpoint, false, 10),
                stopAfterTwoEpochs, control);
        assertEquals(2, interrupted.epochsCompleted());
        RunResult resumed = MmdcRun.run(DATA, SyntheticImages.tinyConfig(3), new RunOptions(checkpoint, true, 10),
                RunListener.NONE, new RunControl());
        assertEquals(3, resumed.epochsCompleted());
        assertEquals(3, resumed.history().size());
        assertArrayEquals(unbroken.clusters(), resumed.clusters());
        assertArrayEquals(unbroken.embeddings()[7], resumed.embeddings()[7], 1e-5f);
    }

    @Test
    void checkpointOfOtherSettingsIsRefusedWithAClearMessage(@TempDir Path dir) throws Exception {
        Path checkpoint = dir.resolve("checkpoint.bin");
        MmdcRun.run(DATA, SyntheticImages.tinyConfig(1), new RunOptions(checkpoint, false, 10), RunListener.NONE,
                new RunControl());
        RunConfig other = SyntheticImages.tinyConfig(2).withSeed(99);
        java.io.IOException e = assertThrows(java.io.IOException.class, () -> MmdcRun.run(DATA, other,
                new RunOptions(checkpoint, true, 10), RunListener.NONE, new RunControl()));
        assertTrue(e.getMessage().contains("another configuration"), e.getMessage());
    }

    @Test
    void moreClustersThanImagesIsOneClearError() {
        ImageDataset few = SyntheticImages.threeShapes(2, 16, 1);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> MmdcRun.run(few,
                SyntheticImages.tinyConfig(1), RunOptions.DEFAULT, RunListener.NONE, new RunControl()));
        assertTrue(e.getMessage().contains("More clusters (3) than images (2)"), e.getMessage());
    }

    @Test
    void tensorCountStaysFlatFromEpochToEpoch() throws Exception {
        List<Integer> live = new ArrayList<>();
        new MmdcTrainer(DATA, SyntheticImages.tinyConfig(4), RunOptions.DEFAULT, RunListener.NONE, new RunControl(),
                live::add).run();
        assertEquals(4, live.size());
        assertEquals(live.get(1), live.get(3), "tensors alive after each epoch: " + live);
    }

    @Test
    void trainingSubsetTrainsOnFewerImagesAndAssignsAll() throws Exception {
        RunConfig cfg = SyntheticImages.tinyConfig(1).withTrainSubset(90);
        AtomicInteger trained = new AtomicInteger();
        RunResult r = MmdcRun.run(DATA, cfg, RunOptions.DEFAULT, new RunListener() {
            @Override
            public void onRunStarted(RunEvents.Started e) {
                trained.set(e.trainImages());
            }
        }, new RunControl());
        assertEquals(90, trained.get());
        assertEquals(DATA.size(), r.clusters().length);
        assertEquals(DATA.size(), Arrays.stream(r.clusterSizes(3)).sum());
    }
}
