package io.mmdcstudio.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code mmdc export} and {@code mmdc undo} as a script calls them, on a copy of part of the sample data. */
class ExportCommandTest {

    @TempDir
    Path tmp;

    private Path data;
    private Path run;

    /** Three sample classes, 20 images each, copied, and a pixel k-means run on them (seconds). */
    @BeforeEach
    void baselineRun() throws IOException {
        data = tmp.resolve("photos");
        for (String label : List.of("sneaker", "trouser", "bag")) {
            try (Stream<Path> files = Files.list(Path.of(System.getProperty("mmdc.home"), "sample-data", label))) {
                Files.createDirectories(data.resolve(label));
                for (Path f : files.sorted().limit(20).toList()) {
                    Files.copy(f, data.resolve(label).resolve(f.getFileName()));
                }
            }
        }
        run = tmp.resolve("run");
        Cli.Outcome o = Cli.mmdc("baseline", "--data", data.toString(), "--clusters", "3", "--method", "kmeans-pixels",
                "--out", run.toString());
        assertEquals(0, o.code(), o.err());
    }

    private Map<String, Long> snapshot(Path dir) throws IOException {
        Map<String, Long> files = new TreeMap<>();
        try (Stream<Path> walk = Files.walk(dir)) {
            for (Path f : walk.filter(Files::isRegularFile).toList()) {
                files.put(dir.relativize(f).toString(), Files.size(f));
            }
        }
        return files;
    }

    @Test
    void dryRunListsEveryStepWithCountsAndChangesNothing() throws IOException {
        Map<String, Long> before = snapshot(data);
        Cli.Outcome o = Cli.mmdc("export", "--run", run.toString(), "--to", tmp.resolve("sorted").toString(),
                "--mode", "move", "--dry-run");

        assertEquals(0, o.code(), o.err());
        assertEquals(60, o.out().lines().filter(l -> l.startsWith("move ")).count());
        assertTrue(o.out().contains("dry run: would move 60 images"), o.out());
        assertTrue(o.out().contains("name clashes: 0"), o.out());
        assertFalse(Files.exists(tmp.resolve("sorted")));
        assertEquals(before, snapshot(data));
    }

    @Test
    void moveThenUndoRestoresTheFolderExactly() throws IOException {
        Map<String, Long> before = snapshot(data);
        Cli.Outcome moved = Cli.mmdc("export", "--run", run.toString(), "--to", tmp.resolve("sorted").toString(),
                "--mode", "move");
        assertEquals(0, moved.code(), moved.err());
        assertTrue(snapshot(data).isEmpty());
        assertEquals(60 + 3, snapshot(tmp.resolve("sorted")).size(), "60 images, named CSV and JSON, journal");
        String journal = moved.out().lines().filter(l -> l.startsWith("undo journal: ")).findFirst().orElseThrow()
                .substring("undo journal: ".length());

        Cli.Outcome undone = Cli.mmdc("undo", journal);

        assertEquals(0, undone.code(), undone.err());
        assertTrue(undone.out().contains("undone: 60 files"), undone.out());
        assertEquals(before, snapshot(data));
    }

    @Test
    void exportUsesTheClusterNamesOfEditsJson() throws IOException {
        Files.writeString(run.resolve("edits.json"), """
                {"format": "mmdc-studio-edits", "formatVersion": 1, "names": {"0": "first", "1": "second"},
                 "merged": {"2": 1}, "moved": {}, "pinned": []}""");
        Cli.Outcome o = Cli.mmdc("export", "--run", run.toString(), "--to", tmp.resolve("sorted").toString());

        assertEquals(0, o.code(), o.err());
        try (Stream<Path> dirs = Files.list(tmp.resolve("sorted"))) {
            assertEquals(List.of("first", "second"), dirs.filter(Files::isDirectory)
                    .map(p -> p.getFileName().toString()).sorted().toList());
        }
        List<String> csv = Files.readAllLines(tmp.resolve("sorted/mmdc-assignments.csv"));
        assertEquals("item,cluster,name,confidence,label,exported_to", csv.get(0));
        assertEquals(61, csv.size());
        assertEquals(60, snapshot(data).size(), "copy leaves the originals");
    }

    @Test
    void badJournalsAndRunsAreOneLineAndExitTwo() throws IOException {
        Path notJournal = Files.writeString(tmp.resolve("x.json"), "{\"format\": \"something-else\"}");
        Cli.Outcome o = Cli.mmdc("undo", notJournal.toString());
        assertEquals(2, o.code());
        assertTrue(o.err().startsWith("mmdc: ") && o.err().contains("not an MMDC Studio export-journal file"), o.err());

        Cli.Outcome noRun = Cli.mmdc("export", "--run", tmp.resolve("nope").toString(), "--to", tmp.toString());
        assertEquals(2, noRun.code());
        assertEquals(1, noRun.err().lines().count(), noRun.err());

        Cli.Outcome badMode = Cli.mmdc("export", "--run", run.toString(), "--to", tmp.resolve("s").toString(),
                "--mode", "shred");
        assertEquals(2, badMode.code());
        assertFalse(Files.exists(tmp.resolve("s")));
    }
}
