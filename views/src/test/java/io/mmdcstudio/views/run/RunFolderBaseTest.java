package io.mmdcstudio.views.run;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/** Where an opened run's relative item paths start from, so that export finds the images. */
class RunFolderBaseTest {

    @Test
    void aRelativeDataPathIsStrippedFromWhereTheImagesWereFound() {
        assertEquals(Path.of("/home/me/mmdc"), RunViewModel.baseOf(Path.of("/home/me/mmdc/sample-data"), "sample-data"));
        assertEquals(Path.of("/srv"), RunViewModel.baseOf(Path.of("/srv/photos/2024"), "photos/2024"));
    }

    @Test
    void anAbsoluteOrUnrelatedDataPathLeavesTheWorkingFolder() {
        assertEquals(Path.of(""), RunViewModel.baseOf(Path.of("/data/photos"), "/data/photos"));
        assertEquals(Path.of(""), RunViewModel.baseOf(Path.of("/data/photos"), "pictures"));
    }
}
