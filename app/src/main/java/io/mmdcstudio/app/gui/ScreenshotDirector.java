package io.mmdcstudio.app.gui;

import io.mmdcstudio.views.gallery.Assignments;
import io.mmdcstudio.views.run.RunState;
import io.mmdcstudio.views.studio.StudioView;
import io.mmdcstudio.views.studio.Theme;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import javafx.animation.Animation;
import javafx.animation.KeyFrame;
import javafx.animation.PauseTransition;
import javafx.animation.Timeline;
import javafx.application.Platform;
import javafx.embed.swing.SwingFXUtils;
import javafx.scene.image.WritableImage;
import javafx.util.Duration;
import javax.imageio.ImageIO;

/**
 * Takes the documentation screenshots from inside the app: starts a run on the opened data, waits for a given
 * epoch, then snapshots the main window, the gallery, the map, the confusion matrix and the dark theme into a
 * folder, and quits. Driven by system properties so that {@code scripts/screenshots.sh} needs no robot:
 * <ul>
 *   <li>{@value #DIR_PROPERTY}: the output folder (setting it turns the director on)</li>
 *   <li>{@value #EPOCH_PROPERTY}: the one-based epoch after which to shoot (default 4)</li>
 *   <li>{@value #EPOCHS_PROPERTY}: epochs of the run, overriding the preset (optional)</li>
 *   <li>{@value #FINISH_PROPERTY}: "true" lets the run finish and adds {@code screenshot-result.png} (the
 *       summary and Save) and {@code screenshot-labels.png} (a few images labelled for "Refine with labels")
 *       instead of cancelling after the pictures</li>
 *   <li>{@value #RESTART_PROPERTY}: "true" presses Start once more after the cancelled run (its charts, gallery
 *       and map still full) and prints the FX-thread stalls of that second run's first epochs, the same number
 *       as before the pictures: Start after a run has more to empty than the first one</li>
 *   <li>{@value #WATCH_PROPERTY}: the tab shown while the measured epochs run: {@code Training} (default),
 *       {@code Clusters}, {@code Map} or {@code Confusion matrix}; each redraws different things at an epoch's
 *       end, so the stall figures are worth taking on every one. {@code cycle} goes to the next tab every
 *       {@value #CYCLE_MILLIS} ms instead, as a person looking around during a run would, and prints the longest
 *       gap after each switch ({@link TabSwitchGaps})</li>
 * </ul>
 * Last, {@code screenshot-export.png}: the export sheet with a preview of a move into a temporary folder.
 */
final class ScreenshotDirector {

    static final String DIR_PROPERTY = "mmdc.screenshots";
    static final String EPOCH_PROPERTY = "mmdc.screenshots.afterEpoch";
    static final String EPOCHS_PROPERTY = "mmdc.screenshots.epochs";
    static final String FINISH_PROPERTY = "mmdc.screenshots.finish";
    static final String RESTART_PROPERTY = "mmdc.screenshots.restart";
    static final String WATCH_PROPERTY = "mmdc.screenshots.watch";
    /** {@value #WATCH_PROPERTY} for a tab after tab while the measured epochs run. */
    private static final String CYCLE = "cycle";
    private static final double CYCLE_MILLIS = 1500;
    private static final List<String> TABS = List.of(StudioView.TRAINING, StudioView.CLUSTERS, StudioView.MAP,
            StudioView.CONFUSION);

    private static final double WIDTH = 1280;
    private static final double HEIGHT = 800;

    private final Path dir;
    private final int afterEpoch;
    private final String epochs;
    private boolean finish;
    private boolean restart;
    private final String watch;
    private final Deque<Step> steps = new ArrayDeque<>();
    private StudioWindow window;
    private boolean started;
    private boolean shooting;
    private boolean exportShot;
    private Timeline cycling;
    private final TabSwitchGaps switchGaps = new TabSwitchGaps();

    private record Step(double delayMillis, Runnable action) {}

    private ScreenshotDirector(Path dir, int afterEpoch, String epochs, boolean finish, boolean restart,
            String watch) {
        this.dir = dir;
        this.watch = watch;
        this.afterEpoch = afterEpoch;
        this.epochs = epochs;
        this.finish = finish;
        this.restart = restart && !finish;
    }

    /** A director when {@value #DIR_PROPERTY} is set. */
    static Optional<ScreenshotDirector> fromSystemProperties() {
        String dir = System.getProperty(DIR_PROPERTY);
        if (dir == null || dir.isBlank()) {
            return Optional.empty();
        }
        return Optional.of(new ScreenshotDirector(Path.of(dir), Integer.getInteger(EPOCH_PROPERTY, 4),
                System.getProperty(EPOCHS_PROPERTY), Boolean.getBoolean(FINISH_PROPERTY),
                Boolean.getBoolean(RESTART_PROPERTY), tabNamed(System.getProperty(WATCH_PROPERTY, "Training"))));
    }

    /** The tab whose title starts with {@code name}, ignoring case ("confusion" for "Confusion matrix"). */
    private static String tabNamed(String name) {
        String wanted = name.toLowerCase(Locale.ROOT);
        if (wanted.equals(CYCLE)) {
            return CYCLE;
        }
        return TABS.stream().filter(t -> t.toLowerCase(Locale.ROOT).startsWith(wanted)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException(WATCH_PROPERTY + "=" + name
                        + ": no such tab (Training, Clusters, Map, Confusion or cycle)"));
    }

    /** Shows the watched tab, or starts going from tab to tab. */
    private void startWatching() {
        if (!watch.equals(CYCLE)) {
            window.view().selectTab(watch);
            return;
        }
        int[] next = {0};
        window.view().selectTab(TABS.get(next[0]++));
        switchGaps.clear();
        switchGaps.start();
        cycling = new Timeline(new KeyFrame(Duration.millis(CYCLE_MILLIS), e -> {
            String tab = TABS.get(next[0]++ % TABS.size());
            window.view().selectTab(tab);
            switchGaps.switched(tab);
        }));
        cycling.setCycleCount(Animation.INDEFINITE);
        // Half a period late: Start comes CYCLE_MILLIS after this, and a switch in its frame would measure both.
        cycling.setDelay(Duration.millis(CYCLE_MILLIS / 2));
        cycling.play();
    }

    private void stopWatching() {
        if (cycling != null) {
            cycling.stop();
            cycling = null;
            switchGaps.stop();
            System.err.println("mmdc:   longest gap in the " + TabSwitchGaps.FRAMES
                    + " frames after each tab switch (ms): " + switchGaps.summary());
        }
    }

    void attach(StudioWindow w) {
        window = w;
        w.stage().setMaximized(false);
        w.stage().setWidth(WIDTH);
        w.stage().setHeight(HEIGHT);
        w.viewModel().themeProperty().set(Theme.LIGHT);
        w.viewModel().data().datasetProperty().addListener((obs, was, now) -> {
            if (now != null && !started) {
                started = true;
                if (epochs != null) {
                    w.viewModel().settings().field("epochs").textProperty().set(epochs);
                }
                startWatching();
                // Let the baseline start first: it is quick and its line belongs in the picture.
                after(1500, () -> w.viewModel().run().start());
            }
        });
        w.viewModel().gallery().assignmentsProperty().addListener((obs, was, now) -> {
            if (now != null && now.epoch() + 1 >= afterEpoch && !shooting) {
                shooting = true;
                shoot(w, now);
            }
        });
    }

    private void shoot(StudioWindow w, Assignments a) {
        // The figure for the run so far: taking pictures (full-scene snapshots, a theme switch) stalls by design.
        stopWatching();
        printStalls(w, "in the " + (a.epoch() + 1) + " epochs before the screenshots");
        StudioView view = w.view();
        steps.add(new Step(1500, () -> view.selectTab(StudioView.TRAINING)));
        steps.add(new Step(500, () -> save(w, "screenshot-main.png")));
        steps.add(new Step(0, () -> {
            view.selectTab(StudioView.CLUSTERS);
            int largest = 0;
            for (int c = 1; c < a.k(); c++) {
                largest = a.size(c) > a.size(largest) ? c : largest;
            }
            w.viewModel().gallery().select(a.size(largest) > 0 ? a.members()[largest][0] : 0);
        }));
        steps.add(new Step(700, () -> save(w, "screenshot-gallery.png")));
        steps.add(new Step(0, () -> view.selectTab(StudioView.MAP)));
        steps.add(new Step(900, () -> save(w, "screenshot-map.png")));
        steps.add(new Step(0, () -> view.selectTab(StudioView.CONFUSION)));
        steps.add(new Step(600, () -> save(w, "screenshot-confusion.png")));
        steps.add(new Step(0, () -> {
            w.viewModel().themeProperty().set(Theme.DARK);
            view.selectTab(StudioView.MAP);
        }));
        steps.add(new Step(900, () -> save(w, "screenshot-dark.png")));
        steps.add(new Step(0, () -> {
            w.viewModel().themeProperty().set(Theme.LIGHT);
            view.selectTab(StudioView.TRAINING);
            if (!finish) {
                w.viewModel().run().cancel();
            }
        }));
        steps.add(new Step(200, this::quitWhenStopped));
        next();
    }

    private static void printStalls(StudioWindow w, String when) {
        var st = w.stalls();
        System.err.printf(Locale.ROOT, "mmdc: longest FX-thread stall %s: %.1f ms after frame %d (%d "
                + "pulses in %.1f s, %d gaps over %.0f ms); longest hand-over of run events: %.1f ms (%.1f ms of CPU)%n",
                when, st.maxGapMillis(), st.longestGapFrame(), st.pulses(), st.measuredMillis() / 1000,
                st.noticeableStalls(),
                io.mmdcstudio.views.fx.StallMonitor.NOTICEABLE_MS, w.viewModel().uiQueue().longestDrainMillis(),
                w.viewModel().uiQueue().longestDrainCpuMillis());
        st.stalls().forEach(gap -> System.err.printf(Locale.ROOT,
                "mmdc:   stall of %.1f ms at %.3f s after Start, after frame %d%n", gap.gapMillis(),
                gap.atMillis() / 1000, gap.frame()));
    }

    /** Starts the second run of {@value #RESTART_PROPERTY} and reports it once it has as many epochs as the first. */
    private void restart() {
        restart = false;
        startWatching();
        window.viewModel().run().start();
        steps.add(new Step(250, this::reportSecondRun));
    }

    private void reportSecondRun() {
        Assignments a = window.viewModel().gallery().assignmentsProperty().get();
        boolean far = stateOf() == RunState.RUNNING && a != null && a.epoch() + 1 >= afterEpoch;
        if (!far && stateOf() != null && stateOf().active()) {
            steps.addFirst(new Step(250, this::reportSecondRun));
            return;
        }
        stopWatching();
        printStalls(window, "in the first " + afterEpoch + " epochs of a second run");
        window.viewModel().run().cancel();
        steps.add(new Step(200, this::quitWhenStopped));
    }

    private void quitWhenStopped() {
        // Wait for the run to hand back its result, so the stall figure covers the whole run.
        if (stateOf() != null && stateOf().active()) {
            steps.addFirst(new Step(250, this::quitWhenStopped));
            return;
        }
        if (restart) {
            restart();
            return;
        }
        if (finish) {
            finish = false;
            steps.add(new Step(1500, () -> save(window, "screenshot-result.png")));
            steps.add(new Step(0, this::labelAFew));
            steps.add(new Step(900, () -> save(window, "screenshot-labels.png")));
            steps.add(new Step(1000, this::quitWhenStopped));
            return;
        }
        if (!exportShot && window.viewModel().run().outputProperty().get() != null) {
            exportShot = true;
            shootExport();
            return;
        }
        System.err.println("mmdc: screenshots written to " + dir.toAbsolutePath());
        Platform.exit();
    }

    /**
     * The Clusters tab after a person labelled a few images for "Refine with labels": the most typical image of
     * each of the first three clusters, as a drop on its own cluster would label it; the first one shown.
     */
    private void labelAFew() {
        var vm = window.viewModel();
        Assignments a = vm.gallery().assignmentsProperty().get();
        window.view().selectTab(StudioView.CLUSTERS);
        int shown = -1;
        for (int c = 0; c < Math.min(3, a.k()); c++) {
            if (a.size(c) > 0) {
                int image = a.members()[c][0];
                vm.corrections().label(java.util.List.of(vm.data().dataset().items().get(image)), c);
                shown = shown < 0 ? image : shown;
            }
        }
        vm.gallery().select(Math.max(0, shown));
    }

    /**
     * The export sheet with a preview of a move: the clusters named after their most frequent label (as a person
     * would accept the suggestions), the target a temporary folder that nothing is written to.
     */
    private void shootExport() {
        var vm = window.viewModel();
        int k = vm.run().outputProperty().get().k();
        for (int c = 0; c < k; c++) {
            vm.corrections().acceptSuggestion(c);
        }
        try {
            Path target = Files.createTempDirectory("mmdc-export-preview").resolve("sorted");
            window.view().openExport();
            vm.export().targetProperty().set(target);
        } catch (IOException e) {
            System.err.println("mmdc: no export screenshot: " + e.getMessage());
            steps.add(new Step(0, this::quitWhenStopped));
            return;
        }
        vm.export().modeProperty().set(io.mmdcstudio.engine.export.ExportMode.MOVE);
        vm.export().preview();
        // Each step's action only queues what follows; next() runs it after the action returns.
        steps.add(new Step(500, this::shootExportWhenPlanned));
    }

    private void shootExportWhenPlanned() {
        if (window.viewModel().export().planProperty().get() == null) {
            steps.addFirst(new Step(250, this::shootExportWhenPlanned));
            return;
        }
        steps.add(new Step(700, () -> {
            javafx.stage.Stage sheet = window.view().exportStage();
            if (sheet != null) {
                WritableImage shot = sheet.getScene().snapshot(null);
                Thread writer = new Thread(() -> write(shot, "screenshot-export.png"), "mmdc-screenshot");
                writer.start();
                sheet.close();
            }
        }));
        steps.add(new Step(500, this::quitWhenStopped));
    }

    private RunState stateOf() {
        return window == null ? null : window.viewModel().run().stateProperty().get();
    }

    /** Runs the next step after its delay; each step's action runs before the one after it is scheduled. */
    private void next() {
        Step step = steps.poll();
        if (step == null) {
            return;
        }
        after(step.delayMillis(), () -> {
            step.action().run();
            next();
        });
    }

    private static void after(double millis, Runnable action) {
        PauseTransition wait = new PauseTransition(Duration.millis(Math.max(1, millis)));
        wait.setOnFinished(e -> action.run());
        wait.play();
    }

    private void save(StudioWindow w, String name) {
        WritableImage shot = w.stage().getScene().snapshot(null);
        // Converting and encoding take a few hundred milliseconds: not on the FX thread, which keeps drawing.
        Thread writer = new Thread(() -> write(shot, name), "mmdc-screenshot");
        writer.setDaemon(false);
        writer.start();
    }

    private void write(WritableImage shot, String name) {
        BufferedImage image = SwingFXUtils.fromFXImage(shot, null);
        try {
            Files.createDirectories(dir);
            Path tmp = dir.resolve(name + ".tmp");
            if (!ImageIO.write(image, "png", tmp.toFile())) {
                throw new IOException("no PNG writer");
            }
            Files.move(tmp, dir.resolve(name), StandardCopyOption.REPLACE_EXISTING);
            System.err.println("mmdc: wrote " + dir.resolve(name));
        } catch (IOException e) {
            System.err.println("mmdc: could not write " + dir.resolve(name) + ": " + e.getMessage());
        }
    }
}
