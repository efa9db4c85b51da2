package io.mmdcstudio.views.confusion;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.util.List;
import org.junit.jupiter.api.Test;

class ConfusionTableTest {

    private static final List<String> NAMES = List.of("a", "b", "c");

    @Test
    void clustersAreOrderedByTheirMatchedLabelSoAgreementIsDiagonal() {
        int[] labels = {0, 0, 1, 1, 2, 2};
        int[] images = {0, 1, 2, 3, 4, 5};
        int[] clusters = {2, 2, 0, 0, 1, 1};
        ConfusionTable t = ConfusionTable.of(labels, NAMES, 3, images, clusters);
        assertArrayEquals(new int[] {2, 0, 1}, t.columnClusters());
        assertArrayEquals(new int[] {0, 1, 2}, t.columnClasses());
        assertArrayEquals(new int[] {2, 0, 0}, t.counts()[0]);
        assertEquals(1.0, t.accuracy(), 1e-12);
    }

    @Test
    void extraClustersComeLastUnmatched() {
        int[] labels = {0, 0, 1, 1};
        int[] images = {0, 1, 2, 3};
        int[] clusters = {3, 3, 1, 2};
        ConfusionTable t = ConfusionTable.of(labels, List.of("a", "b"), 4, images, clusters);
        assertEquals(4, t.columnClusters().length);
        assertEquals(3, t.columnClusters()[0]);
        assertEquals(-1, t.columnClasses()[3]);
        assertEquals(0.75, t.accuracy(), 1e-12);
    }

    @Test
    void onlyLabelledImagesCountAndNoneMeansNoTable() {
        int[] labels = {0, -1, 1};
        ConfusionTable t = ConfusionTable.of(labels, List.of("a", "b"), 2, new int[] {0, 1, 2}, new int[] {0, 0, 1});
        assertEquals(2, t.labelled());
        assertNull(ConfusionTable.of(new int[] {-1}, List.of("a"), 2, new int[] {0}, new int[] {0}));
        assertNull(ConfusionTable.of(null, List.of(), 2, new int[] {0}, new int[] {0}));
    }
}
