package io.mmdcstudio.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.mmdcstudio.engine.io.Json;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The command line as scripts and outside checks use it: exact flags, files, exit codes. */
class CommandLineTest {

    static final Path SAMPLE = Path.of(System.getProperty("mmdc.home", "..")).resolve("sample-data");



    @Test
    void trainOnSampleDataWritesRunJsonAndAssignments(@TempDir Path tmp) throws Exception {
        Path out = tmp.resolve("run");
        Cli.Outcome o = Cli.mmdc("train", "--data", SAMPLE.toString(), "--clusters", "10", "--epochs", "1", "--seed", "3",
                "--out", out.toString());
        assertEquals(0, o.code(), o.err());
        JsonNode run = Json.mapper().readTree(out.resolve("run.json").toFile());
        assertEquals("mmdc", run.get("method").asText());
        assertEquals(3, run.at("/provenance/seed").asLong());
        assertEquals(1, run.get("history").size());
        assertTrue(run.at("/metrics/acc").asDouble() > 0.1, "metrics exist with subfolder labels");
        assertTrue(run.at("/metrics/nmi").isNumber());
        assertTrue(run.at("/metrics/ari").isNumber());
        assertTrue(run.get("skipped").isArray());
        assertEquals("subfolders", run.at("/data/labels").asText());
        List<String> lines = Files.readAllLines(out.resolve("assignments.csv"));
        assertEquals("item,cluster,confidence,label", lines.get(0));
        assertEquals(run.at("/data/images").asInt() + 1, lines.size());
        assertTrue(lines.get(1).matches(".+\\.png,\\d,[01]\\.\\d{4},\\S+"), lines.get(1));
        assertTrue(o.out().contains("ACC"), o.out());
    }

    @Test
    void sameSeedWritesTheSameAssignments(@TempDir Path tmp) throws Exception {
        String[] common = {"train", "--data", SAMPLE.toString(), "--clusters", "10", "--epochs", "1", "--seed", "5",
                "--train-subset", "300", "--out"};
        assertEquals(0, Cli.mmdc(concat(common, tmp.resolve("a").toString())).code());
        assertEquals(0, Cli.mmdc(concat(common, tmp.resolve("b").toString())).code());
        assertEquals(Files.readString(tmp.resolve("a/assignments.csv")), Files.readString(tmp.resolve("b/assignments.csv")));
    }

    @Test
    void baselineWritesTheSameFiles(@TempDir Path tmp) throws Exception {
        Path out = tmp.resolve("base");
        Cli.Outcome o = Cli.mmdc("baseline", "--data", SAMPLE.toString(), "--clusters", "10", "--method", "kmeans-pixels",
                "--out", out.toString());
        assertEquals(0, o.code(), o.err());
        JsonNode run = Json.mapper().readTree(out.resolve("run.json").toFile());
        assertEquals("kmeans-pixels", run.get("method").asText());
        assertTrue(run.at("/metrics/acc").asDouble() > 0.3, "pixel k-means does better than chance on the sample");
        assertTrue(Files.exists(out.resolve("assignments.csv")));
    }

    @Test
    void missingFolderIsOneLineAndNothingIsWritten(@TempDir Path tmp) {
        Path out = tmp.resolve("never");
        Cli.Outcome o = Cli.mmdc("train", "--data", tmp.resolve("nope").toString(), "--clusters", "3", "--out", out.toString());
        assertEquals(2, o.code());
        assertEquals(1, o.err().strip().lines().count(), o.err());
        assertFalse(Files.exists(out), "nothing half-written");
    }

    @Test
    void moreClustersThanImagesIsRefusedBeforeWriting(@TempDir Path tmp) throws Exception {
        Path few = tmp.resolve("few");
        Files.createDirectories(few);
        Files.copy(Files.list(SAMPLE.resolve("bag")).sorted().findFirst().orElseThrow(), few.resolve("a.png"));
        Files.copy(Files.list(SAMPLE.resolve("coat")).sorted().findFirst().orElseThrow(), few.resolve("b.png"));
        Path out = tmp.resolve("out");
        Cli.Outcome o = Cli.mmdc("train", "--data", few.toString(), "--clusters", "3", "--out", out.toString());
        assertEquals(2, o.code());
        assertTrue(o.err().contains("More clusters (3) than images (2)"), o.err());
        assertFalse(Files.exists(out.resolve("run.json")));
    }

    @Test
    void unknownPresetAndBadFlagsAreUsageErrors() {
        assertEquals(2, Cli.mmdc("train", "--data", SAMPLE.toString(), "--clusters", "10", "--preset", "fast").code());
        assertEquals(2, Cli.mmdc("train", "--data", SAMPLE.toString()).code());
        assertEquals(2, Cli.mmdc("train", "--clusters", "x").code());
        assertEquals(2, Cli.mmdc("baseline", "--data", SAMPLE.toString(), "--clusters", "10", "--method", "dbscan").code());
    }

    private static String[] concat(String[] a, String b) {
        String[] r = java.util.Arrays.copyOf(a, a.length + 1);
        r[a.length] = b;
        return r;
    }
}
