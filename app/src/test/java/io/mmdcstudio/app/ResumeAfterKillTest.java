package io.mmdcstudio.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.mmdcstudio.engine.results.ResultFiles;
import io.mmdcstudio.engine.results.RunManifest;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledOnOs;
import org.junit.jupiter.api.condition.OS;
import org.junit.jupiter.api.io.TempDir;

/** A training process killed with SIGKILL after a checkpoint resumes with {@code --resume} and finishes the run. */
class ResumeAfterKillTest {

    private static final List<String> PASSED_ON = List.of("ai.djl.offline", "PYTORCH_LIBRARY_PATH", "PYTORCH_VERSION",
            "PYTORCH_FLAVOR", "DJL_CACHE_DIR", "mmdc.home", "mmdc.cache.dir");

    @Test
    @EnabledOnOs({OS.LINUX, OS.MAC})
    void aKilledRunResumesFromItsLastCheckpoint(@TempDir Path tmp) throws Exception {
        String data = Path.of(System.getProperty("mmdc.home"), "sample-data").toString();
        Path out = tmp.resolve("run");
        String[] args = {"train", "--data", data, "--clusters", "10", "--epochs", "4", "--train-subset", "200",
                "--seed", "3", "--out", out.toString()};
        List<String> command = new ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-cp",
                System.getProperty("java.class.path")));
        PASSED_ON.forEach(p -> command.add("-D" + p + "=" + System.getProperty(p)));
        command.add(Main.class.getName());
        command.addAll(List.of(args));
        Process child = new ProcessBuilder(command).redirectErrorStream(true)
                .redirectOutput(tmp.resolve("child.log").toFile()).start();
        Path checkpoint = out.resolve(TrainCommand.CHECKPOINT);
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(240);
        while (!Files.exists(checkpoint) && child.isAlive() && System.nanoTime() < deadline) {
            Thread.sleep(50);
        }
        assertTrue(child.isAlive(), "killed while still training: " + Files.readString(tmp.resolve("child.log")));
        child.destroyForcibly(); // SIGKILL right after the first checkpoint: no shutdown hook, no cleanup
        assertTrue(child.waitFor(30, TimeUnit.SECONDS));
        assertFalse(Files.exists(out.resolve(ResultFiles.MANIFEST)), "the killed run wrote no result");

        String[] resume = java.util.Arrays.copyOf(args, args.length + 1);
        resume[args.length] = "--resume";
        Cli.Outcome o = Cli.mmdc(resume);

        assertEquals(0, o.code(), o.err());
        RunManifest m = ResultFiles.readManifest(out);
        assertEquals(4, m.epochsCompleted());
        assertEquals(4, m.history().size(), "the epochs before the kill are kept, not redone");
        assertEquals(1000, ResultFiles.readAssignments(out).size());
    }
}
