package io.mmdcstudio.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.mmdcstudio.engine.results.Assignment;
import io.mmdcstudio.engine.results.ResultFiles;
import io.mmdcstudio.engine.results.RunEdits;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code mmdc train --continue RUN}: corrections in RUN/edits.json hold, names carry over, baselines are refused. */
class ContinueCommandTest {

    @TempDir
    Path tmp;

    @Test
    void continuedRunKeepsMovedAndPinnedImagesWhereThePersonPutThem() throws Exception {
        String data = Path.of(System.getProperty("mmdc.home"), "sample-data").toString();
        Path run = tmp.resolve("run");
        Cli.Outcome first = Cli.mmdc("train", "--data", data, "--clusters", "10", "--epochs", "1", "--train-subset",
                "300", "--out", run.toString());
        assertEquals(0, first.code(), first.err());
        List<Assignment> rows = ResultFiles.readAssignments(run);
        Assignment moved = rows.get(3);
        Assignment pinned = rows.get(500);
        int target = (moved.cluster() + 1) % 10;
        RunEdits.none().withMoved(List.of(moved.item()), target).withPinned(List.of(pinned.item()), true)
                .withName(target, "chosen").write(run);

        Path next = tmp.resolve("next");
        Cli.Outcome o = Cli.mmdc("train", "--data", data, "--continue", run.toString(), "--epochs", "1", "--out",
                next.toString());

        assertEquals(0, o.code(), o.err());
        assertTrue(o.err().contains("with 2 corrected image(s) fixed"), o.err());
        List<Assignment> after = ResultFiles.readAssignments(next);
        assertEquals(target, after.get(3).cluster());
        assertEquals(pinned.cluster(), after.get(500).cluster());
        assertEquals("chosen", RunEdits.read(next).nameOf(target));
    }

    @Test
    void aBaselineRunCannotBeContinued() {
        String data = Path.of(System.getProperty("mmdc.home"), "sample-data").toString();
        Path run = tmp.resolve("base");
        assertEquals(0, Cli.mmdc("baseline", "--data", data, "--clusters", "10", "--method", "kmeans-pixels", "--out",
                run.toString()).code());

        Cli.Outcome o = Cli.mmdc("train", "--data", data, "--continue", run.toString(), "--out", tmp.resolve("x").toString());

        assertEquals(2, o.code());
        assertTrue(o.err().contains("has no checkpoint.bin"), o.err());
    }
}
