package io.mmdcstudio.engine.data;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Reading FEW.csv: strict about rows naming no image, classes in sorted order, at most k of them. */
class FewLabelsCsvTest {

    @TempDir
    Path tmp;

    /** Five 1x1 IDX-style items, with ground-truth labels the reader must ignore. */
    private static ImageDataset idx() {
        List<String> items = List.of("t10k.gz#0", "t10k.gz#1", "t10k.gz#2", "t10k.gz#3", "t10k.gz#4");
        return new ImageDataset(items, 1, 1, 1, new byte[5], new int[] {4, 3, 2, 1, 0}, List.of("a", "b", "c", "d", "e"),
                List.of(), "fp");
    }

    private Path csv(String... rows) throws Exception {
        return Files.write(tmp.resolve("few.csv"), List.of(rows));
    }

    @Test
    void numericLabelsBecomeClassesInNumericOrderAndAHeaderIsSkipped() throws Exception {
        FewLabelsCsv.FewLabelSet few = FewLabelsCsv.read(csv("path,label", "t10k.gz#1,10", "t10k.gz#3,9",
                "\"t10k.gz#4\",10"), tmp, idx(), 3);
        assertEquals(List.of("9", "10"), few.classNames());
        assertArrayEquals(new int[] {-1, 1, -1, 0, 1}, few.classOf());
        assertEquals(3, few.labelledCount());
    }

    @Test
    void pathsResolveAgainstTheDataFolder() throws Exception {
        Path a = tmp.resolve("cats/a.png").toAbsolutePath().normalize();
        ImageDataset folder = new ImageDataset(List.of(a.toString()), 1, 1, 1, new byte[1], null, List.of(), List.of(),
                "fp");
        FewLabelsCsv.FewLabelSet few = FewLabelsCsv.read(csv("cats/a.png,cat"), tmp, folder, 2);
        assertArrayEquals(new int[] {0}, few.classOf());
    }

    @Test
    void aRowNamingNoImageIsAnErrorThatNamesIt() throws Exception {
        DataException e = assertThrows(DataException.class,
                () -> FewLabelsCsv.read(csv("t10k.gz#1,a", "t10k.gz#77,b"), tmp, idx(), 3));
        assertTrue(e.getMessage().contains("1 row(s)") && e.getMessage().contains("t10k.gz#77"), e.getMessage());
    }

    @Test
    void moreLabelsThanClustersIsAnError() throws Exception {
        DataException e = assertThrows(DataException.class,
                () -> FewLabelsCsv.read(csv("t10k.gz#0,a", "t10k.gz#1,b", "t10k.gz#2,c"), tmp, idx(), 2));
        assertTrue(e.getMessage().contains("3 classes, more than the 2 clusters"), e.getMessage());
    }

    @Test
    void anImageWithTwoLabelsIsAnError() throws Exception {
        DataException e = assertThrows(DataException.class,
                () -> FewLabelsCsv.read(csv("t10k.gz#0,a", "t10k.gz#0,b"), tmp, idx(), 2));
        assertTrue(e.getMessage().contains("both 'a' and 'b'"), e.getMessage());
    }
}
