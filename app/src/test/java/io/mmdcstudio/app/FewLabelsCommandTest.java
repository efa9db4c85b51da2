package io.mmdcstudio.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.mmdcstudio.engine.io.Json;
import io.mmdcstudio.engine.results.Assignment;
import io.mmdcstudio.engine.results.ResultFiles;
import io.mmdcstudio.engine.results.RunEdits;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code mmdc train --few-labels FEW.csv}: the semi-supervised mode from the command line. */
class FewLabelsCommandTest {

    private static final Path DATA = Path.of(System.getProperty("mmdc.home"), "sample-data");

    @TempDir
    Path tmp;

    /** A FEW.csv with a header and the first image (by name) of each of the sample's class folders. */
    private Path onePerClass() throws IOException {
        List<String> rows = new ArrayList<>(List.of("path,label"));
        try (Stream<Path> classes = Files.list(DATA)) {
            for (Path folder : classes.filter(Files::isDirectory).sorted().toList()) {
                try (Stream<Path> images = Files.list(folder)) {
                    Path first = images.sorted().findFirst().orElseThrow();
                    rows.add(DATA.relativize(first) + "," + folder.getFileName());
                }
            }
        }
        return Files.write(tmp.resolve("few.csv"), rows);
    }

    @Test
    void fewLabelsRunKeepsLabelledImagesInTheirClassAndNamesTheClusters() throws Exception {
        Path few = onePerClass();
        Path out = tmp.resolve("run");
        Cli.Outcome o = Cli.mmdc("train", "--data", DATA.toString(), "--clusters", "10", "--epochs", "2",
                "--train-subset", "300", "--few-labels", few.toString(), "--out", out.toString());

        assertEquals(0, o.code(), o.err());
        assertTrue(o.err().contains("semi-supervised with 10 labelled image(s) in 10 class(es)"), o.err());
        assertTrue(o.err().contains("epoch 2/2: supervised loss"), "the console names the supervised epoch; " + o.err());
        assertEquals("mmdc-few-labels", Json.mapper().readTree(out.resolve("run.json").toFile()).get("method").asText(),
                "run.json names the mode");
        List<String> lines = Files.readAllLines(few);
        List<Assignment> rows = ResultFiles.readAssignments(out);
        assertEquals(1000, rows.size());
        RunEdits names = RunEdits.read(out);
        for (String line : lines.subList(1, lines.size())) {
            String item = DATA.resolve(line.split(",")[0]).toAbsolutePath().normalize().toString();
            String label = line.split(",")[1];
            Assignment a = rows.stream().filter(r -> r.item().equals(item)).findFirst().orElseThrow();
            assertEquals(label, names.nameOf(a.cluster()), "a labelled image sits in the cluster named after its class");
        }
        assertEquals("ankle_boot", names.nameOf(0), "classes in sorted order: cluster j is class j");
    }

    @Test
    void aRowNamingNoImageExitsWithOneClearLine() throws Exception {
        Path few = Files.write(tmp.resolve("few.csv"), List.of("path,label", "bag/00678.png,bag", "bag/nope.png,bag"));
        Cli.Outcome o = Cli.mmdc("train", "--data", DATA.toString(), "--clusters", "10", "--few-labels", few.toString(),
                "--out", tmp.resolve("x").toString());

        assertEquals(2, o.code(), o.err());
        assertTrue(o.err().contains("1 row(s) of " + few + " name no image") && o.err().contains("bag/nope.png"),
                o.err());
        assertEquals(1, o.err().strip().lines().filter(l -> l.contains("name no image")).count(), o.err());
    }

    @Test
    void moreClassesThanClustersExitsWithTwo() throws Exception {
        Path few = Files.write(tmp.resolve("few.csv"),
                List.of("bag/00678.png,bag", "coat/" + firstIn("coat") + ",coat", "dress/" + firstIn("dress") + ",dress"));
        Cli.Outcome o = Cli.mmdc("train", "--data", DATA.toString(), "--clusters", "2", "--few-labels", few.toString(),
                "--out", tmp.resolve("x").toString());

        assertEquals(2, o.code(), o.err());
        assertTrue(o.err().contains("names 3 classes, more than the 2 clusters"), o.err());
    }

    @Test
    void aNegativeConsistencyWeightExitsWithTwo() throws Exception {
        Cli.Outcome o = Cli.mmdc("train", "--data", DATA.toString(), "--clusters", "10", "--few-labels",
                onePerClass().toString(), "--consistency-weight", "-1", "--out", tmp.resolve("x").toString());

        assertEquals(2, o.code(), o.err());
        assertTrue(o.err().contains("consistency weight must not be negative"), o.err());
    }

    @Test
    void supervisedOnlyNeedsFewLabels() {
        Cli.Outcome o = Cli.mmdc("train", "--data", DATA.toString(), "--clusters", "10", "--supervised-only",
                "--out", tmp.resolve("x").toString());

        assertEquals(2, o.code(), o.err());
        assertTrue(o.err().contains("--supervised-only needs --few-labels"), o.err());
    }

    private static String firstIn(String folder) throws IOException {
        try (Stream<Path> images = Files.list(DATA.resolve(folder))) {
            return images.map(p -> p.getFileName().toString()).sorted().findFirst().orElseThrow();
        }
    }
}
