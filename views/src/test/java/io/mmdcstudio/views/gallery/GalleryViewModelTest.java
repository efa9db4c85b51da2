package io.mmdcstudio.views.gallery;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.mmdcstudio.engine.results.RunEdits;
import io.mmdcstudio.views.run.FakeEngine;
import java.util.List;
import org.junit.jupiter.api.Test;

class GalleryViewModelTest {

    /** 40 images; image i in cluster i % 2 with confidence i / 40 (later images more typical); epoch 3. */
    private static Assignments twoClusters() {
        return twoClusters(3);
    }

    /** {@link #twoClusters()} at {@code epoch} (-1: the final assignment). */
    private static Assignments twoClusters(int epoch) {
        var data = FakeEngine.dataset(8);
        int[] images = new int[40];
        int[] clusters = new int[40];
        float[] confidence = new float[40];
        for (int i = 0; i < 40; i++) {
            images[i] = i;
            clusters[i] = i % 2;
            confidence[i] = i / 40f;
        }
        return Assignments.of(epoch, 2, 40, images, clusters, confidence, data.labels(), data.classNames());
    }

    @Test
    void mostTypicalImagesComeFirst() {
        Assignments a = twoClusters();
        assertEquals(38, a.members()[0][0]);
        assertEquals(39, a.members()[1][0]);
        assertEquals(0, a.members()[0][19]);
        assertEquals(20, a.size(0));
    }

    @Test
    void captionsNameTheMajorityLabel() {
        // Cluster 0 holds the even images: five of each of the four classes.
        Assignments a = twoClusters();
        assertEquals("mostly bag (25%)", a.captions().get(0));
    }

    @Test
    void beforeTheFirstEpochEachPlannedClusterHasAnEmptyTitledRowAndAStartBringsThemBack() {
        GalleryViewModel vm = new GalleryViewModel();
        vm.setDataset(FakeEngine.dataset(8));
        vm.plan(3);
        assertEquals(List.of(0, 1, 2), vm.rows().stream().map(GalleryRow::cluster).toList());
        assertTrue(vm.rows().stream().allMatch(r -> r.first() && r.images().length == 0 && r.size() == 0));
        assertEquals("Cluster 2", vm.titleOf(vm.rows().get(2).cluster()));

        vm.columnsProperty().set(6);
        vm.show(twoClusters());
        vm.plan(5); // the settings change while a run's moment is shown: it stays
        assertEquals(2, vm.rows().stream().filter(GalleryRow::first).count());
        assertEquals(20, vm.rows().get(0).size());

        vm.clear(); // Start
        assertEquals(5, vm.rows().size());
        vm.plan(0);
        assertTrue(vm.rows().isEmpty());
    }

    @Test
    void aCollapsedClusterShowsTwoRowsAndExpandsToAll() {
        GalleryViewModel vm = new GalleryViewModel();
        vm.setDataset(FakeEngine.dataset(8));
        vm.columnsProperty().set(6);
        vm.show(twoClusters());
        List<GalleryRow> rows = vm.rows();
        assertEquals(2 * GalleryViewModel.COLLAPSED_ROWS, rows.size());
        GalleryRow first = rows.get(0);
        assertTrue(first.first());
        assertTrue(first.expandable());
        assertEquals(20, first.size());
        assertArrayEquals(new int[] {38, 36, 34, 32, 30, 28}, first.images());
        assertEquals(1, rows.get(1).line());
        vm.toggleExpanded(0);
        assertEquals(4 + GalleryViewModel.COLLAPSED_ROWS, vm.rows().size(), "20 images in rows of 6");
        assertArrayEquals(new int[] {2, 0}, vm.rows().get(3).images());
        vm.columnsProperty().set(10);
        assertEquals(2 + GalleryViewModel.COLLAPSED_ROWS, vm.rows().size(), "rows follow the width");
    }

    @Test
    void anEmptyClusterStillHasItsTitleRow() {
        var data = FakeEngine.dataset(8);
        Assignments a = Assignments.of(0, 3, 40, new int[] {0, 1}, new int[] {0, 2}, new float[] {1, 1},
                data.labels(), data.classNames());
        GalleryViewModel vm = new GalleryViewModel();
        vm.setDataset(data);
        vm.show(a);
        assertEquals(3, vm.rows().size());
        assertEquals(0, vm.rows().get(1).images().length);
        assertEquals(1, vm.rows().get(1).cluster());
    }

    @Test
    void selectingAnImageDescribesIt() {
        GalleryViewModel vm = new GalleryViewModel();
        vm.setDataset(FakeEngine.dataset(8));
        vm.show(twoClusters());
        vm.select(13);
        ImageDetails d = vm.selectedProperty().get();
        assertEquals(1, d.cluster());
        assertEquals(13 / 40f, d.confidence());
        assertEquals("coat", d.label());
        assertEquals("/data/class1/img13.png", d.item());
    }

    /** The final assignment (epoch -1) of {@link #twoClusters}, which corrections apply to. */
    private static Assignments finalTwoClusters() {
        return twoClusters(-1);
    }

    @Test
    void movedImagesChangeClusterAndPinsAndNamesShow() {
        GalleryViewModel vm = new GalleryViewModel();
        var data = FakeEngine.dataset(8);
        vm.setDataset(data);
        vm.show(finalTwoClusters());
        vm.pick(4, false);
        vm.pick(6, true);
        assertEquals(List.of(data.items().get(4), data.items().get(6)), vm.pickedItems());
        vm.setEdits(RunEdits.none().withMoved(vm.pickedItems(), 1).withPinned(List.of(data.items().get(6)), true)
                .withName(1, "Coats"));

        assertEquals(1, vm.assignmentsProperty().get().clusterOf()[4]);
        assertEquals(18, vm.assignmentsProperty().get().size(0));
        assertEquals(22, vm.assignmentsProperty().get().size(1));
        assertTrue(vm.isPinned(6));
        assertFalse(vm.isPinned(4));
        assertEquals("Coats", vm.titleOf(1));
        assertEquals("Cluster 0", vm.titleOf(0));
        assertEquals(1, vm.selectedProperty().get().cluster(), "the details follow the move");
    }

    @Test
    void aMergedClusterLosesItsRowAndItsImagesJoinTheOther() {
        GalleryViewModel vm = new GalleryViewModel();
        vm.setDataset(FakeEngine.dataset(8));
        vm.columnsProperty().set(50);
        vm.show(finalTwoClusters());
        vm.setEdits(RunEdits.none().withMerge(0, 1));
        assertEquals(1, vm.rows().size());
        assertEquals(1, vm.rows().get(0).cluster());
        assertEquals(40, vm.rows().get(0).size());
        assertEquals(List.of(1), vm.survivingClusters());
    }

    @Test
    void snapshotsDuringARunIgnoreCorrections() {
        GalleryViewModel vm = new GalleryViewModel();
        vm.setDataset(FakeEngine.dataset(8));
        vm.setEdits(RunEdits.none().withMerge(0, 1));
        vm.show(twoClusters());
        assertEquals(20, vm.assignmentsProperty().get().size(0));
    }
}
