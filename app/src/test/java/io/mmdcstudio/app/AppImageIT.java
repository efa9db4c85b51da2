package io.mmdcstudio.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.mmdcstudio.engine.io.Json;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The app image that jpackage builds (app/target/dist, in {@code pre-integration-test}), run the way an installed
 * app runs: its own launcher, its own Java runtime, the libtorch and sample data it carries, a user who has never
 * run it (an empty home) and no network configuration at all. The in-process tests cannot see any of this: a
 * module missing from the jlink'ed runtime, a wrong {@code $APPDIR} path in the launcher's options, DJL falling
 * back to downloading into {@code ~/.djl.ai}, or JavaFX extracting its libraries into {@code ~/.openjfx}.
 */
class AppImageIT {

    /** The image folder; failsafe sets it (app/pom.xml). */
    static final Path IMAGE = Path.of(System.getProperty("mmdc.appImage", "target/dist/MMDC Studio"));

    /** A 1-epoch run of the quick preset on 1,000 28 px images takes about 40 s on 2 cores. */
    static final long TIMEOUT_MINUTES = 8;

    @Test
    void launcherTrainsOnTheBundledSampleDataAndWritesOnlyItsOwnCache(@TempDir Path tmp) throws Exception {
        Path home = Files.createDirectories(tmp.resolve("home"));
        Path out = tmp.resolve("run");
        Path log = tmp.resolve("launcher.log");
        Path appDir = appDir();
        Path sample = appDir.resolve("sample-data");
        assertTrue(Files.isDirectory(sample.resolve("bag")), "the image carries sample-data/ in " + appDir);
        List<Path> imageBefore = filesUnder(IMAGE);

        ProcessBuilder pb = new ProcessBuilder(launcher().toString(), "train", "--data", sample.toString(),
                "--clusters", "10", "--epochs", "1", "--seed", "3", "--out", out.toString());
        Map<String, String> env = pb.environment();
        // Whatever could point DJL or our caches elsewhere is removed, so the defaults are what is tested.
        for (String name : List.of("XDG_CACHE_HOME", "XDG_CONFIG_HOME", "DJL_CACHE_DIR", "ENGINE_CACHE_DIR",
                "PYTORCH_LIBRARY_PATH", "PYTORCH_VERSION", "PYTORCH_FLAVOR", "JDK_JAVA_OPTIONS", "_JAVA_OPTIONS")) {
            env.remove(name);
        }
        env.put("HOME", home.toString());
        // Java takes user.home from the password database, not from $HOME; this JVM-wide variable is the only way
        // to move it through a jpackage launcher, whose JVM options are fixed in its .cfg.
        env.put("JAVA_TOOL_OPTIONS", "-Duser.home=" + home);
        pb.redirectErrorStream(true).redirectOutput(log.toFile());

        long start = System.nanoTime();
        Process p = pb.start();
        boolean finished = p.waitFor(TIMEOUT_MINUTES, TimeUnit.MINUTES);
        if (!finished) {
            p.destroyForcibly().waitFor();
        }
        String output = Files.readString(log, StandardCharsets.UTF_8);
        System.out.printf("app image launcher: %.1f s%n", (System.nanoTime() - start) / 1e9);
        assertTrue(finished, "the launcher did not finish within " + TIMEOUT_MINUTES + " min:\n" + output);
        assertEquals(0, p.exitValue(), output);

        JsonNode run = Json.mapper().readTree(out.resolve("run.json").toFile());
        assertEquals(1, run.get("history").size(), "one epoch");
        assertEquals(1000, run.at("/data/images").asInt(), "the whole bundled sample was read");
        assertEquals(0, run.get("skipped").size(), "no bundled image was skipped: " + run.get("skipped"));
        assertEquals(3, run.at("/provenance/seed").asLong());
        List<String> lines = Files.readAllLines(out.resolve("assignments.csv"));
        assertEquals("item,cluster,confidence,label", lines.get(0));
        assertEquals(1001, lines.size());

        // Nothing outside our cache folder: no ~/.djl.ai (DJL offline with the bundled libtorch), no
        // ~/.openjfx (JavaFX's libraries are in the image), nothing else.
        List<Path> written = filesUnder(home).stream().map(home::relativize).collect(Collectors.toList());
        assertFalse(written.isEmpty(), "the image cache was written to ~/.cache/mmdc-studio");
        for (Path f : written) {
            assertTrue(f.startsWith(Path.of(".cache", "mmdc-studio")), "written outside ~/.cache/mmdc-studio: " + written);
        }
        // And the installation itself stays as installed (e.g. DJL extracting into the natives folder).
        assertEquals(imageBefore, filesUnder(IMAGE), "files appeared in or vanished from the app image");
    }

    @Test
    void launcherOptionsPointIntoTheImageAndKeepDjlOffline() throws IOException {
        // The window's default folder and the libtorch location come from these options; a typo in
        // installers/launcher.args would otherwise only show on a user's machine.
        Path cfg = appDir().resolve(IMAGE.getFileName().toString().replaceFirst("\\.app$", "") + ".cfg");
        String text = Files.readString(cfg, StandardCharsets.UTF_8);
        assertTrue(text.contains("java-options=-Dmmdc.home=$APPDIR\n"), text);
        assertTrue(text.contains("java-options=-DPYTORCH_LIBRARY_PATH=$APPDIR/natives\n"), text);
        assertTrue(text.contains("java-options=-Dai.djl.offline=true\n"), text);
        assertTrue(Files.isRegularFile(appDir().resolve("natives").resolve(System.mapLibraryName("torch_cpu"))),
                "libtorch is pre-extracted in the image");
    }

    /** The folder that {@code $APPDIR} names, per jpackage's layout on each OS. */
    static Path appDir() {
        String os = System.getProperty("os.name").toLowerCase(Locale.ROOT);
        if (os.contains("win")) {
            return IMAGE.resolve("app");
        }
        if (os.contains("mac")) {
            return IMAGE.resolve("Contents/app");
        }
        return IMAGE.resolve("lib/app");
    }

    static Path launcher() {
        String name = IMAGE.getFileName().toString();
        String os = System.getProperty("os.name").toLowerCase(Locale.ROOT);
        if (os.contains("win")) {
            return IMAGE.resolve(name + ".exe");
        }
        if (os.contains("mac")) {
            return IMAGE.resolve("Contents/MacOS").resolve(name.replaceFirst("\\.app$", ""));
        }
        return IMAGE.resolve("bin").resolve(name);
    }

    static List<Path> filesUnder(Path dir) throws IOException {
        try (Stream<Path> s = Files.walk(dir)) {
            return s.filter(Files::isRegularFile).sorted().collect(Collectors.toList());
        }
    }
}
