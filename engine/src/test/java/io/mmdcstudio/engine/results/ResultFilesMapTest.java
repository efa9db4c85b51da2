package io.mmdcstudio.engine.results;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Reading assignments back (RFC 4180) and writing maps, for {@code mmdc map}. */
class ResultFilesMapTest {

    static final List<Assignment> ROWS = List.of(
            new Assignment("plain.png", 0, 0.5, "cat"),
            new Assignment("with, comma.png", 1, 0.25, "dog, big"),
            new Assignment("say \"cheese\".png", 2, 1.0, null),
            new Assignment("two\nlines.png", 0, 0.125, "cat"));

    static RunManifest manifest(int images) {
        return new RunManifest(RunManifest.FORMAT, RunManifest.FORMAT_VERSION, "mmdc",
                new RunManifest.DataInfo("data", images, 1, 28, 28, "fp", "csv", List.of("cat", "dog, big")), null,
                3, new RunManifest.Provenance("MMDC Studio", "none", "17", "test", 1, "cpu", 1, "t0", "t1"),
                List.of(), null, new int[] {2, 1, 1}, Map.of("total", 1.0, "load", 0.0), false, 1, 0, List.of());
    }

    @Test
    void assignmentsReadBackAsWrittenEvenWithCommasQuotesAndLineBreaks(@TempDir Path dir) throws IOException {
        ResultFiles.write(dir, manifest(ROWS.size()), ROWS, new float[][] {{1}, {2}, {3}, {4}});
        assertEquals(ROWS, ResultFiles.readAssignments(dir));
    }

    @Test
    void aMapIsOneRowPerItemWithItsCluster(@TempDir Path dir) throws IOException {
        Path file = dir.resolve(ResultFiles.MAP);
        ResultFiles.writeMap(file, ROWS, new float[][] {{0.5f, -1f}, {2f, 3.25f}, {1e-3f, 0f}, {-7f, 8f}});
        assertEquals("item,x,y,cluster\nplain.png,0.5,-1.0,0\n\"with, comma.png\",2.0,3.25,1\n"
                + "\"say \"\"cheese\"\".png\",0.001,0.0,2\n\"two\nlines.png\",-7.0,8.0,0\n", Files.readString(file));
    }

    @Test
    void aFileWithoutTheHeaderOrWithAnUnclosedQuoteIsRefused(@TempDir Path dir) throws IOException {
        Files.writeString(dir.resolve(ResultFiles.ASSIGNMENTS), "path,cluster\na,1\n");
        assertThrows(IOException.class, () -> ResultFiles.readAssignments(dir));
        Files.writeString(dir.resolve(ResultFiles.ASSIGNMENTS), "item,cluster,confidence\n\"a,1,0.5\n");
        assertThrows(IOException.class, () -> ResultFiles.readAssignments(dir));
    }
}
