package io.mmdcstudio.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.mmdcstudio.engine.results.Assignment;
import io.mmdcstudio.engine.results.ResultFiles;
import io.mmdcstudio.engine.results.RunManifest;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code mmdc map} on a small run folder made by hand: the CSV it writes and how it refuses bad input. */
class MapCommandTest {

    private static final int IMAGES = 90;



    /** Three well-separated groups of 30 in 6-D; every tenth item name holds a comma, one a quote. */
    private static List<Assignment> runFolder(Path dir, boolean withEmbeddings) throws Exception {
        SplittableRandom random = new SplittableRandom(3);
        List<Assignment> rows = new ArrayList<>();
        float[][] embeddings = new float[IMAGES][6];
        for (int i = 0; i < IMAGES; i++) {
            int cluster = i % 3;
            for (int j = 0; j < 6; j++) {
                embeddings[i][j] = (float) ((j == cluster ? 10 : 0) + random.nextDouble());
            }
            String item = i == 5 ? "say \"hi\".png" : i % 10 == 0 ? "img, " + i + ".png" : "img" + i + ".png";
            rows.add(new Assignment(item, cluster, 0.9, null));
        }
        RunManifest manifest = new RunManifest(RunManifest.FORMAT, RunManifest.FORMAT_VERSION, "mmdc",
                new RunManifest.DataInfo("data", IMAGES, 1, 28, 28, "fp", "none", List.of()), null, 3,
                new RunManifest.Provenance("MMDC Studio", "none", "17", "test", 1, "cpu", 1, "t0", "t1"), List.of(),
                null, new int[] {30, 30, 30}, Map.of("total", 1.0, "load", 0.0), false, 1, 0, List.of());
        ResultFiles.write(dir, manifest, rows, withEmbeddings ? embeddings : null);
        return rows;
    }

    @Test
    void mapWritesItemXYClusterForEveryImageInOrder(@TempDir Path tmp) throws Exception {
        Path run = tmp.resolve("run");
        List<Assignment> rows = runFolder(run, true);
        Cli.Outcome o = Cli.mmdc("map", "--run", run.toString(), "--perplexity", "10");
        assertEquals(0, o.code(), o.err());
        List<String> lines = Files.readAllLines(run.resolve("map.csv"));
        assertEquals("item,x,y,cluster", lines.get(0));
        assertEquals(IMAGES + 1, lines.size());
        for (int i = 0; i < IMAGES; i++) {
            String item = rows.get(i).item();
            String quoted = item.contains(",") || item.contains("\"") ? '"' + item.replace("\"", "\"\"") + '"' : item;
            String line = lines.get(i + 1);
            assertTrue(line.startsWith(quoted + ","), line);
            String[] xyc = line.substring(quoted.length() + 1).split(",");
            assertTrue(Float.isFinite(Float.parseFloat(xyc[0])) && Float.isFinite(Float.parseFloat(xyc[1])), line);
            assertEquals(rows.get(i).cluster(), Integer.parseInt(xyc[2]), line);
        }
        assertTrue(o.out().contains("map of 90 images written to"), o.out());
    }

    @Test
    void aboveMaxEmbeddedTheNoticeSaysHowManyWereLaidOut(@TempDir Path tmp) throws Exception {
        Path run = tmp.resolve("run");
        runFolder(run, true);
        Cli.Outcome o = Cli.mmdc("map", "--run", run.toString(), "--max-embedded", "40");
        assertEquals(0, o.code(), o.err());
        assertTrue(o.err().contains("Map shows t-SNE of 40 of 90 images; the others are placed next to their "
                + "nearest neighbours."), o.err());
        assertEquals(IMAGES + 1, Files.readAllLines(run.resolve("map.csv")).size());
    }

    @Test
    void outChoosesTheFile(@TempDir Path tmp) throws Exception {
        Path run = tmp.resolve("run");
        runFolder(run, true);
        Path file = tmp.resolve("elsewhere/my map.csv");
        assertEquals(0, Cli.mmdc("map", "--run", run.toString(), "--out", file.toString()).code());
        assertTrue(Files.readString(file).startsWith("item,x,y,cluster\n"));
        assertFalse(Files.exists(run.resolve("map.csv")));
    }

    @Test
    void aRunWithoutEmbeddingsIsOneLineAndExitCode2(@TempDir Path tmp) throws Exception {
        Path run = tmp.resolve("baseline");
        runFolder(run, false);
        Cli.Outcome o = Cli.mmdc("map", "--run", run.toString());
        assertEquals(2, o.code());
        assertEquals(1, o.err().strip().lines().count(), o.err());
        assertTrue(o.err().contains("embeddings.f32"), o.err());
        assertFalse(Files.exists(run.resolve("map.csv")));
    }

    @Test
    void aFolderThatIsNoRunOrABadPerplexityIsBadInput(@TempDir Path tmp) throws Exception {
        assertEquals(2, Cli.mmdc("map", "--run", tmp.resolve("nope").toString()).code());
        Files.writeString(tmp.resolve("embeddings.f32"), "not a run");
        assertEquals(2, Cli.mmdc("map", "--run", tmp.toString()).code());
        Path run = tmp.resolve("run");
        runFolder(run, true);
        assertEquals(2, Cli.mmdc("map", "--run", run.toString(), "--perplexity", "0").code());
        assertEquals(2, Cli.mmdc("map", "--run", run.toString(), "--max-embedded", "1").code());
        assertEquals(2, Cli.mmdc("map").code());
    }
}
