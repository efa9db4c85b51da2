package io.mmdcstudio.engine.export;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.mmdcstudio.engine.results.Assignment;
import io.mmdcstudio.engine.results.RunEdits;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

class ClusterFoldersTest {

    @Test
    void unnamedClustersGetZeroPaddedIndices() {
        List<String> folders = ClusterFolders.of(12, RunEdits.none());
        assertEquals("cluster-00", folders.get(0));
        assertEquals("cluster-11", folders.get(11));
    }

    @Test
    void namesAreMadeSafeAndUniqueIgnoringCase() {
        RunEdits edits = RunEdits.none().withName(0, "Shoes").withName(1, "shoes").withName(2, "../a:b*")
                .withName(3, " . ");
        assertEquals(List.of("Shoes", "shoes-2", "_a_b_", "cluster-03"), ClusterFolders.of(4, edits));
    }

    @Test
    void suggestionsComeFromTheMajorityLabel() {
        List<Assignment> rows = List.of(new Assignment("a", 0, 1, "Shirt"), new Assignment("b", 0, 1, "Shirt"),
                new Assignment("c", 0, 1, "Coat"), new Assignment("d", 1, 1, null));
        assertEquals(Arrays.asList("Shirt", null), ClusterFolders.suggestFromLabels(rows, 2));
    }
}
