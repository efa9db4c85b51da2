package io.mmdcstudio.engine.export;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledOnOs;
import org.junit.jupiter.api.condition.OS;
import org.junit.jupiter.api.io.TempDir;

/** Kills (SIGKILL) a process in the middle of a move: no file may be lost, and undo must restore every one. */
class ExportKillTest {

    private static final int FILES = 600;

    @TempDir
    Path tmp;

    @Test
    @EnabledOnOs({OS.LINUX, OS.MAC})
    void aMoveKilledHalfWayLosesNothingAndUndoRestoresEveryFile() throws Exception {
        Process child = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"), SlowExportMain.class.getName(), tmp.toString(),
                Integer.toString(FILES)).redirectErrorStream(true).start();
        int done = 0;
        try (BufferedReader out = new BufferedReader(new InputStreamReader(child.getInputStream(), StandardCharsets.UTF_8))) {
            String line;
            while ((line = out.readLine()) != null && done < FILES / 3) {
                if (line.startsWith("done ")) {
                    done = Integer.parseInt(line.substring(5));
                }
            }
            child.destroyForcibly(); // SIGKILL: no shutdown hooks, no finally blocks
            assertTrue(child.waitFor(30, TimeUnit.SECONDS));
        }
        assertTrue(done >= FILES / 3, "the child got a third of the way");
        ExportFixture.make(tmp.resolve("expected"), FILES, 3, 11); // the same seeded content the child made
        Map<String, Integer> expected = ExportFixture.contents(tmp.resolve("expected"));
        Map<String, Integer> inSource = ExportFixture.contents(tmp.resolve("src"));
        Map<String, Integer> inTarget = ExportFixture.contents(tmp.resolve("out"));
        assertFalse(inTarget.isEmpty(), "the kill came after some files moved");
        assertEquals(expected.keySet(), union(inSource, inTarget), "no file lost");
        assertFalse(inSource.isEmpty(), "the kill came before every file moved");

        Path journal;
        try (Stream<Path> files = Files.list(tmp.resolve("out"))) {
            journal = files.filter(p -> p.getFileName().toString().endsWith(".journal.json")).findFirst().orElseThrow();
        }
        assertNull(ExportJournal.read(journal).completedAt());
        ExportReport undone = Undo.undo(journal, ExportProgress.Listener.NONE, () -> false);

        assertTrue(undone.problems().isEmpty(), undone.problems().toString());
        assertEquals(expected, ExportFixture.contents(tmp.resolve("src")));
        assertTrue(ExportFixture.contents(tmp.resolve("out")).isEmpty());
        try (Stream<Path> files = Files.walk(tmp.resolve("src"))) {
            assertEquals(FILES, files.filter(Files::isRegularFile).count());
        }
    }

    private static java.util.Set<String> union(Map<String, Integer> a, Map<String, Integer> b) {
        java.util.Set<String> all = new java.util.HashSet<>(a.keySet());
        all.addAll(b.keySet());
        return all;
    }
}
