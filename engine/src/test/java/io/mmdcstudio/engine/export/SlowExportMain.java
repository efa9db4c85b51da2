package io.mmdcstudio.engine.export;

import io.mmdcstudio.engine.results.Assignment;
import io.mmdcstudio.engine.results.RunEdits;
import java.nio.file.Path;
import java.util.List;

/**
 * A separate process for {@link ExportKillTest}: builds the fixture, then moves it slowly (a pause after every file,
 * from the progress listener) and prints each step, so the test can kill it half-way.
 */
public final class SlowExportMain {

    private SlowExportMain() {}

    public static void main(String[] args) throws Exception {
        Path dir = Path.of(args[0]);
        int n = Integer.parseInt(args[1]);
        List<Assignment> rows = ExportFixture.make(dir.resolve("src"), n, 3, 11);
        System.out.println("ready");
        System.out.flush();
        ExportPlan plan = ExportPlanner.plan(rows, 3, RunEdits.none(), dir.resolve("out"), ExportMode.MOVE, dir);
        Exporter.execute(plan, rows, ClusterFolders.of(3, RunEdits.none()), dir, p -> {
            System.out.println("done " + p.done());
            System.out.flush();
            try {
                Thread.sleep(3);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }, () -> false);
        System.out.println("finished");
    }
}
