package io.mmdcstudio.app.gui;

import io.mmdcstudio.engine.io.BackgroundPriority;
import io.mmdcstudio.views.fx.NextFrame;
import io.mmdcstudio.views.fx.StallMonitor;
import io.mmdcstudio.views.map.TsneProjection;
import io.mmdcstudio.views.run.EngineGateway;
import io.mmdcstudio.views.run.RunState;
import io.mmdcstudio.views.run.StudioExecutors;
import io.mmdcstudio.views.studio.StudioView;
import io.mmdcstudio.views.studio.StudioViewModel;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import javafx.application.Platform;
import javafx.scene.Scene;
import javafx.stage.Stage;

/**
 * The composition root of the window: threads, engine, view model, view, scene, remembered settings and the
 * FX-stall measurement. The application and the GUI tests both build the window through {@link #show}.
 */
public final class StudioWindow {

    /** System property: when "true", the longest FX-thread stall of each run is printed on stderr. */
    static final String STALL_REPORT_PROPERTY = "mmdc.stalls";

    private final Stage stage;
    private final AppSettings settings;
    private final ExecutorService worker = single("mmdc-worker", 0);
    // The per-epoch analysis (gallery order, confusion, map input) at the training's level too: at an epoch's end it
    // woke beside the FX thread at equal weight, and a hand-over of 6 ms of CPU took 46 ms of wall time.
    private final ExecutorService analysis = single("mmdc-analysis", RUN_NICE);
    // Maps wait here for t-SNE (which computes on its own, lower thread) so that the gallery of every epoch does not.
    private final ExecutorService mapper = single("mmdc-map", RUN_NICE);
    // Training below the window (nice 10; its PyTorch worker threads inherit it), so that the FX thread gets a core as
    // soon as it wakes for a frame instead of queueing behind both training threads.
    private final ExecutorService runner = single("mmdc-run", RUN_NICE);
    // The pixel baseline may still be computing when training starts: it takes only what training leaves idle.
    private final ExecutorService baseline = single("mmdc-baseline", 19);
    private final StudioViewModel vm;
    private final StudioView view;
    private final StallMonitor stalls = new StallMonitor();
    private double lastRunStallMillis = Double.NaN;

    private StudioWindow(Stage stage, AppSettings settings) {
        this.stage = stage;
        this.settings = settings;
        StudioExecutors executors = new StudioExecutors(Platform::runLater, worker, analysis, runner, baseline,
                new NextFrame(), mapper);
        // t-SNE, continued epoch to epoch; it answers with PCA for what it cannot embed.
        this.vm = new StudioViewModel(EngineGateway.engine(), executors, new TsneProjection());
        this.view = new StudioView(vm);
    }

    /** Builds the window on {@code stage}, shows it and opens {@code initialData} if present. FX thread. */
    public static StudioWindow show(Stage stage, AppSettings settings, Optional<Path> initialData) {
        StudioWindow w = new StudioWindow(stage, settings);
        w.vm.themeProperty().set(settings.theme());
        Scene scene = new Scene(w.view, settings.width(), settings.height());
        w.view.install(scene);
        stage.setScene(scene);
        stage.setTitle("MMDC Studio");
        stage.setMinWidth(960);
        stage.setMinHeight(640);
        stage.setMaximized(settings.maximized());
        w.vm.data().pathProperty().addListener((obs, was, now) -> {
            if (now != null) {
                w.settings.setLastFolder(now);
            }
        });
        w.vm.run().stateProperty().addListener((obs, was, now) -> w.measure(was, now));
        stage.show();
        w.worker.execute(StudioWindow::compileBelowTheWindow);
        w.vm.run().useWorkFolder(settings.workFolder());
        w.vm.openAtStart(initialData);
        return w;
    }

    /** Measures FX-thread stalls from Start until the run ends. */
    private void measure(RunState was, RunState now) {
        if (now.active() && !was.active()) {
            stalls.start();
            vm.uiQueue().resetLongestDrain();
        } else if (!now.active() && was.active()) {
            stalls.stop();
            lastRunStallMillis = stalls.maxGapMillis();
            if (Boolean.getBoolean(STALL_REPORT_PROPERTY)) {
                System.err.printf(Locale.ROOT, "mmdc: longest FX-thread stall during the run: %.1f ms "
                        + "(%d pulses, %d gaps over %.0f ms); longest hand-over of run events: %.1f ms "
                        + "(%.1f ms of CPU)%n", lastRunStallMillis, stalls.pulses(), stalls.noticeableStalls(),
                        StallMonitor.NOTICEABLE_MS, vm.uiQueue().longestDrainMillis(),
                        vm.uiQueue().longestDrainCpuMillis());
            }
        }
    }

    /** Remembers the window, stops a run and lets the worker threads go. FX thread. */
    public void close() {
        settings.setWindow(stage.isMaximized() ? settings.width() : stage.getWidth(),
                stage.isMaximized() ? settings.height() : stage.getHeight(), stage.isMaximized());
        settings.setTheme(vm.themeProperty().get());
        try {
            settings.saveQuietly();
        } catch (UncheckedIOException e) {
            System.err.println("mmdc: could not remember the window settings: " + e.getMessage());
        }
        vm.run().cancel();
        worker.shutdownNow();
        analysis.shutdownNow();
        mapper.shutdownNow();
        baseline.shutdownNow();
        // Not shutdownNow: interrupting the run thread mid-batch is what cancel() exists to avoid.
        runner.shutdown();
    }

    /** The root view model. */
    public StudioViewModel viewModel() {
        return vm;
    }

    /** The window content. */
    public StudioView view() {
        return view;
    }

    /** The stage. */
    public Stage stage() {
        return stage;
    }

    /** The stall monitor (live during a run). */
    public StallMonitor stalls() {
        return stalls;
    }

    /** The longest FX-thread stall of the last finished run in milliseconds, NaN before the first. */
    public double lastRunStallMillis() {
        return lastRunStallMillis;
    }

    /**
     * Puts the JIT compiler's threads at training's priority. They compile in bursts, most of all when a run's
     * first epoch ends and the gallery, the analysis and the map run their code for the first time; at the
     * window's priority they took the FX thread's core for tens of milliseconds then (docs/BENCHMARKS.md, section
     * 6). Compilation still gets its share, as training does.
     */
    private static void compileBelowTheWindow() {
        BackgroundPriority.lowerThreadsNamed(RUN_NICE, "C1 CompilerThre", "C2 CompilerThre");
    }

    /**
     * The nice value of the training thread in the window, and of the analysis, the map and the JIT compiler beside
     * it; t-SNE runs five below it (Tsne). Measured on the Clusters tab, whose first epoch costs the FX thread most:
     * at 5 the median run's longest gap was 30 ms and 1 of 20 runs had one over 50 ms (65.1 ms); at 10, 23.9 ms and 1
     * of 57 (50.7 ms), with training as fast (docs/BENCHMARKS.md, section 6).
     */
    static final int RUN_NICE = 10;

    /**
     * A single daemon thread; {@code nice} above 0 lowers its OS priority first (Linux; see BackgroundPriority). Once
     * {@link #close()} shuts it down, work handed to it is dropped instead of refused: the workers hand work to each
     * other (an analysis still running when the window closes passes its epoch to the map worker), and the window it
     * was for is gone.
     */
    static ExecutorService single(String name, int nice) {
        ThreadFactory factory = r -> {
            Runnable body = nice > 0 ? () -> {
                BackgroundPriority.lowerCurrentThread(nice);
                r.run();
            } : r;
            Thread t = new Thread(body, name);
            t.setDaemon(true);
            return t;
        };
        return new ThreadPoolExecutor(1, 1, 0, TimeUnit.MILLISECONDS, new LinkedBlockingQueue<>(), factory,
                new ThreadPoolExecutor.DiscardPolicy());
    }
}
