package io.mmdcstudio.app.gui;

import io.mmdcstudio.engine.results.Assignment;
import io.mmdcstudio.engine.results.ResultFiles;
import io.mmdcstudio.engine.results.RunEdits;
import io.mmdcstudio.engine.session.SessionMap;
import io.mmdcstudio.engine.session.SessionState;
import io.mmdcstudio.views.studio.StudioView;
import io.mmdcstudio.views.studio.StudioViewModel;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/**
 * How long re-opening a large session takes, from Open session until the gallery, the map and the summary show
 * its last state. Not part of the suite: it needs a run folder with a map, e.g. for all 70,000 Fashion-MNIST
 * images:
 * <pre>
 * ./mmdc train --data /usr/share/datasets/fashion-mnist --clusters 10 --epochs 1 --train-subset 2000 --out /tmp/fm70k
 * ./mmdc map --run /tmp/fm70k
 * ./mvnw -B -ntp -o -pl app -am verify -Dtest=SessionReopenBench -Dsurefire.failIfNoSpecifiedTests=false \
 *     -Dmmdc.bench.session=/tmp/fm70k
 * </pre>
 * It makes the session from the run folder (its files, a few edits, the t-SNE map of map.csv, the Map tab), then
 * opens it three times and prints each time.
 */
@EnabledIfSystemProperty(named = "mmdc.bench.session", matches = ".+")
@ExtendWith(ApplicationExtension.class)
class SessionReopenBench {

    @TempDir
    static Path settingsDir;

    @TempDir
    Path tmp;

    private StudioWindow window;
    private StudioViewModel vm;

    @Start
    void start(Stage stage) {
        window = FxTests.showWindow(stage, settingsDir, Optional.empty());
        vm = window.viewModel();
    }

    @AfterEach
    void close() throws Exception {
        FxTests.closeWindow(window);
    }

    @Test
    void reopenALargeSession() throws Exception {
        Path run = Path.of(System.getProperty("mmdc.bench.session"));
        Path session = makeSession(run, tmp.resolve("bench" + SessionState.SUFFIX));
        parts(session);
        java.util.Map<String, Long> marks = new java.util.concurrent.ConcurrentHashMap<>();
        WaitForAsyncUtils.asyncFx(() -> {
            vm.data().datasetProperty().addListener((o, a, b) -> marks.putIfAbsent("images", System.nanoTime()));
            vm.run().summaryProperty().addListener((o, a, b) -> marks.putIfAbsent("summary", System.nanoTime()));
            vm.gallery().assignmentsProperty().addListener((o, a, b) -> {
                if (b != null) {
                    marks.putIfAbsent("gallery", System.nanoTime());
                }
            });
            vm.map().frameProperty().addListener((o, a, b) -> {
                if (b != null) {
                    marks.putIfAbsent("map", System.nanoTime());
                }
            });
        }).get();
        for (int attempt = 1; attempt <= 3; attempt++) {
            WaitForAsyncUtils.asyncFx(() -> vm.run().showMessage("")).get();
            marks.clear();
            long t0 = System.nanoTime();
            WaitForAsyncUtils.asyncFx(() -> vm.session().open(session)).get();
            WaitForAsyncUtils.waitFor(120, TimeUnit.SECONDS, () -> WaitForAsyncUtils.asyncFx(() ->
                    vm.run().messageProperty().get().startsWith("Opened the session")
                            && vm.gallery().assignmentsProperty().get() != null
                            && vm.map().frameProperty().get() != null
                            && vm.run().summaryProperty().get() != null).get());
            WaitForAsyncUtils.waitForFxEvents();
            double seconds = (System.nanoTime() - t0) / 1e9;
            int images = WaitForAsyncUtils.asyncFx(() -> vm.data().dataset().size()).get();
            int points = WaitForAsyncUtils.asyncFx(() -> vm.map().frameProperty().get().size()).get();
            System.err.printf(Locale.ROOT, "SessionReopenBench: attempt %d: %,d images, %,d map points, last state "
                    + "on screen after %.2f s (images %.2f, summary %.2f, map %.2f, gallery %.2f)%n", attempt, images,
                    points, seconds, at(marks, "images", t0), at(marks, "summary", t0), at(marks, "map", t0),
                    at(marks, "gallery", t0));
        }
    }

    private static double at(java.util.Map<String, Long> marks, String key, long t0) {
        Long t = marks.get(key);
        return t == null ? Double.NaN : (t - t0) / 1e9;
    }

    /** Where the time goes: each file and the images read on their own, as the window reads them. */
    private static void parts(Path session) throws Exception {
        var m = ResultFiles.readManifest(session);
        long t = System.nanoTime();
        var d = io.mmdcstudio.engine.data.DatasetLoader.load(Path.of(m.data().path()),
                io.mmdcstudio.engine.data.LoadOptions.defaults(m.config().inputSize()), (a, b, c) -> { });
        long images = System.nanoTime() - t;
        t = System.nanoTime();
        ResultFiles.readAssignments(session);
        long csv = System.nanoTime() - t;
        t = System.nanoTime();
        ResultFiles.readEmbeddings(session);
        long emb = System.nanoTime() - t;
        t = System.nanoTime();
        SessionMap.read(session);
        long map = System.nanoTime() - t;
        System.err.printf(Locale.ROOT, "SessionReopenBench: parts: %,d images at %d px %.2f s, assignments.csv "
                + "%.2f s, embeddings.f32 %.2f s, map.f32 %.3f s%n", d.size(), m.config().inputSize(), images / 1e9,
                csv / 1e9, emb / 1e9, map / 1e9);
    }

    /** A session folder from a run folder and its map.csv, as Save session would write it. */
    private static Path makeSession(Path run, Path session) throws IOException {
        Files.createDirectories(session);
        List<Assignment> rows = ResultFiles.readAssignments(run);
        float[][] embeddings = Files.isRegularFile(run.resolve(ResultFiles.EMBEDDINGS))
                ? ResultFiles.readEmbeddings(run) : null;
        ResultFiles.write(session, ResultFiles.readManifest(run), rows, embeddings);
        RunEdits.none().withName(0, "first").withPinned(List.of(rows.get(0).item()), true).write(session);
        readMapCsv(run.resolve(ResultFiles.MAP), rows.size()).write(session);
        String data = ResultFiles.readManifest(run).data().path();
        SessionState.of(Path.of(data).toAbsolutePath().toString(), StudioView.MAP, rows.get(1).item(), "t-SNE",
                "bench").write(session);
        return session;
    }

    /** map.csv (item,x,y,cluster; items without commas here) scaled into the map's [-1, 1] box. */
    private static SessionMap readMapCsv(Path file, int n) throws IOException {
        List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
        int[] rows = new int[n];
        float[] x = new float[n];
        float[] y = new float[n];
        float extent = 1e-9f;
        for (int i = 0; i < n; i++) {
            String[] f = lines.get(i + 1).split(",");
            rows[i] = i;
            x[i] = Float.parseFloat(f[1]);
            y[i] = Float.parseFloat(f[2]);
            extent = Math.max(extent, Math.max(Math.abs(x[i]), Math.abs(y[i])));
        }
        for (int i = 0; i < n; i++) {
            x[i] /= extent;
            y[i] /= extent;
        }
        return new SessionMap(rows, x, y);
    }
}
