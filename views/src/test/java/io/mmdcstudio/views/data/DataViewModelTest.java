package io.mmdcstudio.views.data;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.mmdcstudio.engine.data.SkippedFile;
import io.mmdcstudio.views.fx.UiQueue;
import io.mmdcstudio.views.run.EngineGateway;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Opening real folders with the real loader (pure Java; no network is involved). */
class DataViewModelTest {

    static final Path SAMPLE = Path.of(System.getProperty("mmdc.home", "..")).resolve("sample-data");

    private final DataViewModel vm =
            new DataViewModel(EngineGateway.engine(), Runnable::run, new UiQueue(Runnable::run));

    @Test
    void aFolderWithBadFilesLoadsTheGoodOnesAndReportsEveryBadOne(@TempDir Path tmp) throws Exception {
        Path folder = tmp.resolve("mixed");
        Files.createDirectories(folder);
        try (Stream<Path> bags = Files.list(SAMPLE.resolve("bag")).sorted().limit(5)) {
            for (Path p : bags.toList()) {
                Files.copy(p, folder.resolve(p.getFileName()));
            }
        }
        Files.write(folder.resolve("broken.png"), new byte[] {(byte) 0x89, 'P', 'N', 'G', 1, 2, 3});
        Files.write(folder.resolve("empty.jpg"), new byte[0]);
        vm.open(folder, 32);
        assertFalse(vm.loadingProperty().get());
        assertEquals(5, vm.dataset().size());
        assertTrue(vm.summaryProperty().get().startsWith("5 images · no labels"), vm.summaryProperty().get());
        List<String> skipped = vm.problems().stream().map(SkippedFile::path).map(p -> Path.of(p).getFileName()
                .toString()).sorted().toList();
        assertEquals(List.of("broken.png", "empty.jpg"), skipped);
        assertTrue(vm.problems().stream().noneMatch(f -> f.reason().isBlank()));
        assertEquals(5, vm.samples().size());
    }

    @Test
    void theSampleDataIsSummarisedWithItsClasses() {
        vm.open(SAMPLE, 32);
        assertEquals("1,000 images · 10 classes (folder names) · grayscale · 32×32 px", vm.summaryProperty().get());
        assertEquals(DataViewModel.SAMPLES, vm.samples().size());
        assertTrue(vm.problems().isEmpty());
    }

    @Test
    void aMissingFolderIsAnErrorAndKeepsNothingHalfOpen(@TempDir Path tmp) {
        vm.open(tmp.resolve("nope"), 32);
        assertTrue(vm.errorProperty().get().startsWith("Not found"), vm.errorProperty().get());
        assertNull(vm.dataset());
        assertFalse(vm.loadingProperty().get());
    }
}
