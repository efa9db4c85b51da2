package io.mmdcstudio.views.run;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.mmdcstudio.engine.run.Phase;
import io.mmdcstudio.views.gallery.GalleryRow;
import io.mmdcstudio.views.map.PcaProjection;
import io.mmdcstudio.views.studio.StudioViewModel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Executor;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The run's view model with every executor on the test thread and a scripted engine. */
class RunViewModelTest {

    private FakeEngine engine;
    private StudioViewModel studio;
    private RunViewModel run;

    @BeforeEach
    void openData() {
        engine = new FakeEngine();
        studio = new StudioViewModel(engine, StudioExecutors.sameThread(), new PcaProjection());
        run = studio.run();
        studio.open(Path.of("/data"));
        studio.settings().field("clusters").textProperty().set("4");
        studio.settings().field("batchSize").textProperty().set("8");
        studio.settings().field("epochs").textProperty().set("2");
    }

    @Test
    void openingLabelledDataSetsKToTheClassesAndComputesTheBaseline() {
        StudioViewModel fresh = new StudioViewModel(engine, StudioExecutors.sameThread(), new PcaProjection());
        fresh.open(Path.of("/data"));
        assertEquals(String.valueOf(FakeEngine.CLASSES), fresh.settings().field("clusters").textProperty().get());
        assertEquals(FakeEngine.CLASSES, fresh.run().baselineProperty().get().k(), "pixel k-means runs on open");
        assertTrue(fresh.run().canStartProperty().get(), fresh.run().startBlockedReasonProperty().get());
        assertEquals("", fresh.run().startBlockedReasonProperty().get());
    }

    @Test
    void aRunFillsChartsGalleryMapConfusionAndSummary() {
        run.start();
        assertEquals(RunState.STARTING, run.stateProperty().get());
        engine.started();
        assertEquals(RunState.RUNNING, run.stateProperty().get());
        engine.batch(0, Phase.ROTATION, 0, 2, 1.3);
        engine.batch(0, Phase.CLUSTERING, 1, 2, 0.4);
        assertEquals("Epoch 1 of 2", run.epochTextProperty().get());
        assertEquals(Phase.CLUSTERING.explanation(), run.explanationProperty().get());
        engine.epoch(0);
        engine.epoch(1);
        engine.finish(false);

        assertEquals(RunState.FINISHED, run.stateProperty().get());
        assertEquals(1, studio.charts().clusterLossSeries().get(0).getData().size());
        assertEquals(1, studio.charts().rotationLossSeries().get(0).getData().size());
        assertEquals(2, studio.charts().metricSeries().get(0).getData().size(), "ACC per epoch");
        assertEquals(2, studio.charts().metricSeries().get(3).getData().size(), "baseline line");
        long titled = studio.gallery().rows().stream().filter(GalleryRow::first).count();
        assertEquals(4, titled, "one titled row per cluster");
        assertEquals(-1, studio.gallery().assignmentsProperty().get().epoch(), "the final assignment is shown");
        assertEquals(FakeEngine.IMAGES, studio.map().frameProperty().get().size());
        assertEquals(1.0, studio.confusion().tableProperty().get().accuracy(), 1e-9);
        assertNotNull(run.summaryProperty().get());
        assertTrue(run.summaryProperty().get().scores().contains("ACC 1.000"), run.summaryProperty().get().scores());
        assertTrue(run.summaryProperty().get().scores().contains("pixel k-means"));
        assertTrue(run.canSaveProperty().get());
        assertTrue(run.canStartProperty().get(), "a new run may start");
    }

    @Test
    void pauseAndResumeHoldAndReleaseTheRun() {
        run.start();
        engine.started();
        run.pause();
        assertEquals(RunState.PAUSED, run.stateProperty().get());
        assertTrue(engine.control.isPaused());
        assertTrue(run.canResumeProperty().get());
        assertFalse(run.canPauseProperty().get());
        run.togglePause();
        assertEquals(RunState.RUNNING, run.stateProperty().get());
        assertFalse(engine.control.isPaused());
    }

    @Test
    void stepModePausesAfterEveryEpochButTheLast() {
        studio.settings().field("epochs").textProperty().set("3");
        run.stepModeProperty().set(true);
        run.start();
        engine.started();
        engine.epoch(0);
        assertTrue(engine.control.isPaused(), "held by the listener, before the window offers Resume");
        assertEquals(RunState.PAUSED, run.stateProperty().get());
        assertTrue(run.messageProperty().get().startsWith("Step mode"), run.messageProperty().get());
        run.resume();
        engine.epoch(1);
        assertTrue(engine.control.isPaused());
        run.resume();
        engine.epoch(2);
        assertFalse(engine.control.isPaused(), "no hold after the last epoch");
        assertEquals(RunState.RUNNING, run.stateProperty().get());
    }

    @Test
    void cancelEndsCancelledWithTheCompletedEpochs() {
        studio.settings().field("epochs").textProperty().set("5");
        run.start();
        engine.started();
        engine.epoch(0);
        run.cancel();
        assertEquals(RunState.CANCELLING, run.stateProperty().get());
        assertTrue(engine.control.isCancelled());
        engine.finish(true);
        assertEquals(RunState.CANCELLED, run.stateProperty().get());
        assertTrue(run.summaryProperty().get().headline().startsWith("Cancelled after 1 of 5 epochs"),
                run.summaryProperty().get().headline());
        assertTrue(run.canSaveProperty().get(), "a cancelled run's result can be saved");
    }

    @Test
    void invalidSettingsBlockStartWithTheReason() {
        studio.settings().field("batchSize").textProperty().set("2");
        assertFalse(run.canStartProperty().get());
        assertEquals("Batch size must be at least the number of clusters", run.startBlockedReasonProperty().get());
        run.start();
        assertNull(engine.listener, "Start does nothing while blocked");
    }

    @Test
    void withoutDataStartSaysToOpenAFolder() {
        StudioViewModel empty = new StudioViewModel(engine, StudioExecutors.sameThread(), new PcaProjection());
        assertFalse(empty.run().canStartProperty().get());
        assertEquals("Open a folder of images first.", empty.run().startBlockedReasonProperty().get());
    }

    @Test
    void anotherInputSizeReloadsTheDataBeforeTheRun() {
        studio.settings().field("inputSize").textProperty().set("24");
        run.start();
        assertEquals(List.of(32, 24), engine.loadedSizes);
        assertEquals(24, engine.data.height());
        assertEquals("4", studio.settings().field("clusters").textProperty().get(), "settings kept on reload");
        assertEquals("24", studio.settings().field("inputSize").textProperty().get());
    }

    @Test
    void anEngineFailureIsShownAndStartIsOfferedAgain() {
        engine.failRunWith = new IllegalArgumentException("More clusters (4) than images (2)");
        run.start();
        assertEquals(RunState.FAILED, run.stateProperty().get());
        assertEquals("The run failed: More clusters (4) than images (2)", run.messageProperty().get());
        assertTrue(run.canStartProperty().get());
    }

    @Test
    void saveWritesRunJsonAndAssignments(@TempDir Path tmp) throws Exception {
        finishTwoEpochs(null);
        Path dir = tmp.resolve("out");
        run.save(dir);
        assertTrue(Files.isRegularFile(dir.resolve("run.json")));
        List<String> csv = Files.readAllLines(dir.resolve("assignments.csv"));
        assertEquals("item,cluster,confidence,label", csv.get(0));
        assertEquals(FakeEngine.IMAGES + 1, csv.size());
        assertTrue(run.messageProperty().get().startsWith("Saved run.json and assignments.csv"));
    }

    @Test
    void anEarlierRunFolderOpensWithItsResultAndSettings(@TempDir Path tmp) throws Exception {
        finishTwoEpochs(null);
        Path dir = tmp.resolve("saved");
        run.save(dir);

        StudioViewModel later = new StudioViewModel(engine, StudioExecutors.sameThread(), new PcaProjection());
        later.open(dir);
        assertEquals(Path.of("/data"), later.data().pathProperty().get(), "the run's images are opened");
        assertEquals(RunState.FINISHED, later.run().stateProperty().get());
        assertEquals(-1, later.gallery().assignmentsProperty().get().epoch());
        assertEquals(FakeEngine.IMAGES, later.map().frameProperty().get().size(), "embeddings give the map");
        assertEquals(1.0, later.confusion().tableProperty().get().accuracy(), 1e-9);
        assertEquals(2, later.charts().clusterLossSeries().get(0).getData().size(), "one point per saved epoch");
        assertTrue(later.run().summaryProperty().get().scores().startsWith("ACC 1.000"));
        assertEquals("4", later.settings().field("clusters").textProperty().get(), "the run's settings");
        assertEquals("8", later.settings().field("batchSize").textProperty().get());
        assertFalse(later.run().canSaveProperty().get(), "it is saved already");
        assertTrue(later.run().canStartProperty().get(), "Start runs it again");
        assertTrue(later.run().messageProperty().get().startsWith("Opened the mmdc run saved in"));
    }

    @Test
    void aCancelledRunSavedWithItsCheckpointResumesFromACopyOfIt(@TempDir Path tmp) throws Exception {
        studio.settings().field("epochs").textProperty().set("3");
        run.start();
        assertFalse(engine.resume, "a new run starts from scratch");
        Path working = engine.checkpoint;
        assertTrue(working != null && !working.startsWith(tmp), "each run of the window keeps a checkpoint");
        engine.started();
        engine.epoch(0);
        Files.writeString(working, "weights after epoch 1"); // what the engine writes after an epoch
        run.cancel();
        engine.finish(true);
        Path dir = tmp.resolve("stopped");
        run.save(dir);
        assertEquals("weights after epoch 1", Files.readString(dir.resolve(RunViewModel.CHECKPOINT)),
                "Save results keeps the checkpoint");

        StudioViewModel later = new StudioViewModel(engine, StudioExecutors.sameThread(), new PcaProjection());
        later.open(dir);
        assertTrue(later.run().canResumeTrainingProperty().get(), "1 of 3 epochs done, a checkpoint: resumable");
        later.run().resumeTraining();
        assertTrue(engine.resume);
        assertFalse(engine.checkpoint.startsWith(dir), "the opened folder is never written to");
        assertEquals("weights after epoch 1", Files.readString(engine.checkpoint));
        assertFalse(later.run().canResumeTrainingProperty().get(), "running");
    }

    @Test
    void continuingWithCorrectionsFixesTheMovedImagesAndStartsFromTheResultsWeights() throws Exception {
        finishTwoEpochs("weights after epoch 2");
        assertTrue(run.canContinueProperty().get(), "a finished run with a checkpoint can go on");
        String moved = run.outputProperty().get().rows().get(3).item();
        int before = run.outputProperty().get().rows().get(3).cluster();

        run.continueWithCorrections(io.mmdcstudio.engine.results.RunEdits.none());
        assertTrue(run.messageProperty().get().contains("Move or pin some images first"),
                "nothing fixed: nothing to train towards");

        int target = (before + 1) % 4;
        run.continueWithCorrections(io.mmdcstudio.engine.results.RunEdits.none()
                .withMoved(java.util.List.of(moved), target));
        engine.started();

        assertEquals(target, engine.corrections.fixedCluster(3));
        assertEquals(1, engine.corrections.fixedCount());
        assertEquals("weights after epoch 2", Files.readString(engine.corrections.startFrom()),
                "starts from a copy of the result's checkpoint");
        assertEquals(0, engine.config.warmupEpochs(), "no warm-up: the features are trained already");
        assertFalse(run.canContinueProperty().get(), "not while it runs");
    }

    @Test
    void aFinishedRunCanBeSavedAsASessionButNotWhileItRuns() {
        run.start();
        engine.started();
        engine.epoch(0);
        assertFalse(studio.session().canSaveProperty().get(), "nothing to save while it runs");
        engine.epoch(1);
        engine.finish(false);
        assertTrue(studio.session().canSaveProperty().get(), "Save session is offered once the run has ended");
    }

    @Test
    void refiningWithLabelsTrainsSemiSupervisedOnTheMovedAndPinnedImagesAsClasses() throws Exception {
        finishTwoEpochs(null);
        assertTrue(run.canRefineProperty().get());
        run.refineWithLabels(io.mmdcstudio.engine.results.RunEdits.none());
        assertTrue(run.messageProperty().get().contains("Label a few images first"));

        java.util.List<io.mmdcstudio.engine.results.Assignment> rows = run.outputProperty().get().rows();
        run.refineWithLabels(io.mmdcstudio.engine.results.RunEdits.none()
                .withMoved(java.util.List.of(rows.get(1).item()), 3)
                .withPinned(java.util.List.of(rows.get(5).item()), true));
        engine.started();

        assertEquals(3, engine.fewLabels.classOf(1), "a moved image is an example of the cluster it was moved to");
        assertEquals(rows.get(5).cluster(), engine.fewLabels.classOf(5), "a pinned one of its own cluster");
        assertEquals(io.mmdcstudio.engine.run.FewLabels.UNLABELLED, engine.fewLabels.classOf(0));
        assertFalse(engine.fewLabels.supervisedOnly());
        assertEquals(null, engine.corrections, "a fresh network, not the earlier weights");
    }

    @Test
    void aFinishedRunResumesOnlyWhenMoreEpochsAreAskedFor(@TempDir Path tmp) throws Exception {
        finishTwoEpochs("weights after epoch 2");
        Path dir = tmp.resolve("done");
        run.save(dir);
        StudioViewModel later = new StudioViewModel(engine, StudioExecutors.sameThread(), new PcaProjection());
        later.open(dir);
        assertFalse(later.run().canResumeTrainingProperty().get(), "all 2 epochs done");
        later.settings().field("epochs").textProperty().set("4");
        assertTrue(later.run().canResumeTrainingProperty().get(), "two more epochs from the checkpoint");
        Files.delete(dir.resolve(RunViewModel.CHECKPOINT));
        StudioViewModel without = new StudioViewModel(engine, StudioExecutors.sameThread(), new PcaProjection());
        without.open(dir);
        without.settings().field("epochs").textProperty().set("4");
        assertFalse(without.run().canResumeTrainingProperty().get(), "no checkpoint, nothing to resume");
    }

    @Test
    void aRunCutShortByACrashIsOfferedForResumingAtTheNextStart(@TempDir Path work) throws Exception {
        StudioViewModel first = new StudioViewModel(engine, StudioExecutors.sameThread(), new PcaProjection());
        first.run().useWorkFolder(work);
        first.openAtStart(java.util.Optional.of(Path.of("/data")));
        first.settings().field("clusters").textProperty().set("4");
        first.settings().field("batchSize").textProperty().set("8");
        first.settings().field("epochs").textProperty().set("5");
        first.run().start();
        assertEquals(work.resolve(RunViewModel.CHECKPOINT), engine.checkpoint);
        assertTrue(Files.isRegularFile(work.resolve("pending-run.json")), "a run in progress is on record");
        engine.started();
        engine.epoch(0);
        Files.writeString(engine.checkpoint, "weights after epoch 1");
        // The app dies here: no finish, the record stays.

        StudioViewModel next = new StudioViewModel(engine, StudioExecutors.sameThread(), new PcaProjection());
        next.run().useWorkFolder(work);
        next.openAtStart(java.util.Optional.of(Path.of("/elsewhere")));
        assertEquals(Path.of("/data").toAbsolutePath(), next.data().pathProperty().get(), "the run's own images");
        assertEquals("5", next.settings().field("epochs").textProperty().get(), "the run's own settings");
        assertTrue(next.run().messageProperty().get().contains("was interrupted"), next.run().messageProperty().get());
        assertTrue(next.run().canResumeTrainingProperty().get());
        next.run().resumeTraining();
        assertTrue(engine.resume);
        assertEquals("weights after epoch 1", Files.readString(engine.checkpoint));
        engine.started();
        engine.epoch(1);
        engine.finish(false);
        assertFalse(Files.exists(work.resolve("pending-run.json")), "the run ended: nothing to recover");

        StudioViewModel third = new StudioViewModel(engine, StudioExecutors.sameThread(), new PcaProjection());
        third.run().useWorkFolder(work);
        third.openAtStart(java.util.Optional.of(Path.of("/data")));
        assertFalse(third.run().canResumeTrainingProperty().get());
    }

    @Test
    void aBrokenRunFolderSaysWhy(@TempDir Path tmp) throws Exception {
        Files.writeString(tmp.resolve("run.json"), "{\"format\": \"something else\"}");
        studio.open(tmp);
        assertTrue(run.messageProperty().get().startsWith("Could not open the run in"), run.messageProperty().get());
        assertEquals(RunState.IDLE, run.stateProperty().get());
    }

    @Test
    void startAnswersAtOnceThenEmptiesTheChartsAndLaunchesInLaterFramesAPartEach() {
        List<Runnable> nextFrame = new ArrayList<>();
        Executor now = Runnable::run;
        StudioViewModel later = new StudioViewModel(engine, new StudioExecutors(now, now, now, now, now,
                nextFrame::add), new PcaProjection());
        later.open(Path.of("/data"));
        later.settings().field("batchSize").textProperty().set("8");
        later.charts().addSavedEpoch(new io.mmdcstudio.engine.results.RunManifest.EpochRecord(0, 0.5, 0.4, null,
                new int[] {10, 10, 10, 10}, 0, new io.mmdcstudio.engine.results.RunManifest.Metrics(0.5, 0.4, 0.3),
                0.1, 1));
        later.run().start();

        assertEquals(RunState.STARTING, later.run().stateProperty().get(), "the buttons answer the click");
        assertFalse(later.run().canStartProperty().get(), "a second click starts nothing");
        assertNull(engine.listener, "the run starts later");
        assertEquals(1, later.charts().clusterLossSeries().get(0).getData().size(), "the charts empty later");
        assertEquals(1, nextFrame.size());

        nextFrame.remove(0).run();
        assertEquals(0, later.charts().clusterLossSeries().get(0).getData().size(), "the loss lines first");
        assertEquals(1, later.charts().metricSeries().get(0).getData().size(), "the scores a frame later");
        assertNull(engine.listener);

        nextFrame.remove(0).run();
        assertEquals(0, later.charts().metricSeries().get(0).getData().size());
        assertNull(engine.listener, "the run starts a frame after that");
        assertEquals(1, nextFrame.size());

        nextFrame.remove(0).run();
        assertNotNull(engine.listener, "launched");
        assertTrue(nextFrame.isEmpty());
    }

    /** PCA, after {@code first} (given the stop signal) says to go on; null (abandoned) when it says no. */
    private static io.mmdcstudio.views.map.MapProjection pcaAfter(
            java.util.function.Predicate<java.util.function.BooleanSupplier> first) {
        PcaProjection pca = new PcaProjection();
        return new io.mmdcstudio.views.map.MapProjection() {
            @Override
            public String name() {
                return pca.name();
            }

            @Override
            public float[][] project(float[][] rows, float[][] previous, long seed, boolean beside,
                    java.util.function.BooleanSupplier stop) {
                return first.test(stop) ? pca.project(rows, previous, seed, beside, stop) : null;
            }
        };
    }

    @Test
    void anEpochsGalleryComesAFrameAfterItsChartsAndItsMapOnlyOnceThatFrameIsDrawn() throws Exception {
        java.util.concurrent.BlockingQueue<Runnable> frames = new java.util.concurrent.LinkedBlockingQueue<>();
        java.util.concurrent.atomic.AtomicInteger projections = new java.util.concurrent.atomic.AtomicInteger();
        io.mmdcstudio.views.map.MapProjection counting = pcaAfter(stop -> {
            projections.incrementAndGet();
            return true;
        });
        var analysisThread = java.util.concurrent.Executors.newSingleThreadExecutor();
        Executor now = Runnable::run;
        try {
            StudioViewModel paced = new StudioViewModel(engine,
                    new StudioExecutors(now, now, analysisThread, now, now, frames::add), counting);
            paced.open(Path.of("/data"));
            paced.settings().field("batchSize").textProperty().set("8");
            paced.run().start();
            while (engine.listener == null) {
                frames.remove().run(); // the Start frames
            }
            engine.started();
            engine.epoch(0);
            assertEquals(1, paced.charts().metricSeries().get(0).getData().size(), "the epoch's charts at once");

            Runnable galleryFrame = frames.poll(10, java.util.concurrent.TimeUnit.SECONDS);
            assertNotNull(galleryFrame);
            assertNull(paced.gallery().assignmentsProperty().get(), "the gallery waits for a frame of its own");
            galleryFrame.run();
            assertEquals(0, paced.gallery().assignmentsProperty().get().epoch());

            Thread.sleep(300);
            assertEquals(0, projections.get(), "the map waits until the gallery's frame is drawn");
            frames.remove().run(); // that frame drawn
            Runnable mapFrame = frames.poll(10, java.util.concurrent.TimeUnit.SECONDS);
            assertNotNull(mapFrame, "then the map is computed");
            assertEquals(1, projections.get());
            mapFrame.run();
            assertEquals(0, paced.map().frameProperty().get().epoch());
        } finally {
            analysisThread.shutdownNow();
        }
    }

    @Test
    void aMapBesideTrainingIsFinishedWhenALaterEpochArrivesAndAbandonedWhenTheRunEnds() throws Exception {
        java.util.concurrent.atomic.AtomicBoolean hold = new java.util.concurrent.atomic.AtomicBoolean(true);
        java.util.concurrent.CountDownLatch started = new java.util.concurrent.CountDownLatch(1);
        java.util.concurrent.atomic.AtomicInteger abandoned = new java.util.concurrent.atomic.AtomicInteger();
        io.mmdcstudio.views.map.MapProjection slow = pcaAfter(stop -> {
            started.countDown();
            while (hold.get()) { // a map slower than the epochs
                if (stop.getAsBoolean()) {
                    abandoned.incrementAndGet();
                    return false;
                }
                Thread.onSpinWait();
            }
            return true;
        });
        var analysisThread = java.util.concurrent.Executors.newSingleThreadExecutor();
        var mapThread = java.util.concurrent.Executors.newSingleThreadExecutor();
        Executor now = Runnable::run;
        try {
            StudioViewModel s = new StudioViewModel(engine,
                    new StudioExecutors(now, now, analysisThread, now, now, now, mapThread), slow);
            s.open(Path.of("/data"));
            s.settings().field("batchSize").textProperty().set("8");
            s.run().start();
            engine.started();
            engine.epoch(0);
            assertTrue(started.await(10, java.util.concurrent.TimeUnit.SECONDS));
            engine.epoch(1);
            Thread.sleep(300);
            assertEquals(0, abandoned.get(), "a later epoch waits for the map in progress");
            assertEquals(1, s.gallery().assignmentsProperty().get().epoch(), "but its gallery does not");

            engine.finish(false);
            long until = System.nanoTime() + 10_000_000_000L;
            while (abandoned.get() == 0 && System.nanoTime() < until) {
                Thread.sleep(10);
            }
            assertEquals(1, abandoned.get(), "the run's end does not wait for it");
            hold.set(false);
            until = System.nanoTime() + 10_000_000_000L;
            while (s.map().frameProperty().get() == null && System.nanoTime() < until) {
                Thread.sleep(10);
            }
            assertEquals(-1, s.map().frameProperty().get().epoch(), "the final assignment's map");
        } finally {
            hold.set(false);
            analysisThread.shutdownNow();
            mapThread.shutdownNow();
        }
    }

    @Test
    void theEmptyChartsAndGalleryShowTheRunTheSettingsDescribeAndKeepAFinishedRun() throws Exception {
        assertEquals(2, studio.charts().epochsProperty().get(), "the epochs typed");
        assertEquals(4, studio.charts().sizeSeries().get(0).getData().size(), "a bar per cluster");
        assertEquals(4, studio.gallery().rows().size(), "an empty row per cluster");
        studio.settings().field("epochs").textProperty().set("5");
        assertEquals(5, studio.charts().epochsProperty().get());
        studio.settings().field("clusters").textProperty().set("6");
        assertEquals(6, studio.gallery().rows().size());
        studio.settings().field("clusters").textProperty().set("4");

        finishTwoEpochs(null);
        studio.settings().field("epochs").textProperty().set("9");
        studio.settings().field("clusters").textProperty().set("3");
        assertEquals(5, studio.charts().epochsProperty().get(), "a finished run's charts stay as they were");
        assertEquals(4, studio.charts().sizeSeries().get(0).getData().size());
        assertTrue(studio.gallery().rows().stream().anyMatch(r -> r.images().length > 0), "the run's gallery stays");
    }

    @Test
    void anUnchangedBaselineLineIsNotDrawnAgain() {
        var line = studio.charts().metricSeries().get(3).getData();
        assertEquals(2, line.size(), "the pixel k-means line");
        int[] changes = {0};
        line.addListener((javafx.collections.ListChangeListener<Object>) c -> changes[0]++);
        studio.charts().setBaselineAcc(run.baselineProperty().get().scores().acc());
        studio.charts().reset(2, 4, true, true);
        assertEquals(0, changes[0], "no change, no new points");
        studio.charts().setBaselineAcc(0.123);
        assertEquals(1, changes[0]);
        assertEquals(0.123, line.get(1).getYValue().doubleValue(), 1e-12);
    }

    @Test
    void aBurstOfEventsNeedsOneHandOverToTheUiThread() {
        List<Runnable> uiTasks = new ArrayList<>();
        Executor now = Runnable::run;
        StudioViewModel queued = new StudioViewModel(engine, new StudioExecutors(uiTasks::add, now, now, now),
                new PcaProjection());
        queued.open(Path.of("/data"));
        drain(uiTasks);
        queued.settings().field("batchSize").textProperty().set("8");
        queued.run().start();
        engine.started();
        for (int b = 0; b < 200; b++) {
            engine.batch(0, Phase.CLUSTERING, b, 200, 1.0 / (b + 1));
        }
        assertEquals(1, uiTasks.size(), "one pending hand-over, however many events");
        drain(uiTasks);
        assertEquals(200, queued.charts().clusterLossSeries().get(0).getData().size(), "every loss point kept");
        assertEquals(1.0, queued.run().fractionProperty().get() * queued.settings().configProperty().get().epochs(),
                1e-9, "progress is the latest");
    }

    private static void drain(List<Runnable> tasks) {
        while (!tasks.isEmpty()) {
            tasks.remove(0).run();
        }
    }

    /** Starts the 2-epoch run and lets it finish; {@code weights}, when not null, is its last checkpoint's content. */
    private void finishTwoEpochs(String weights) throws java.io.IOException {
        run.start();
        engine.started();
        engine.epoch(0);
        engine.epoch(1);
        if (weights != null) {
            Files.writeString(engine.checkpoint, weights);
        }
        engine.finish(false);
    }
}
