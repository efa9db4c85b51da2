package io.mmdcstudio.engine.data;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.Color;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Ground-truth labels from subfolder names and from a CSV file. */
class LabelsTest {

    @TempDir
    Path root;

    private void image(String relative) throws Exception {
        TestImages.write(TestImages.solid(8, 8, Color.ORANGE), "png", root.resolve(relative));
    }

    private ImageDataset load(LoadOptions options) throws DataException {
        return DatasetLoader.load(root, options);
    }

    @Test
    void labelsImagesByTheirFirstLevelSubfolder() throws Exception {
        image("dog/a.png");
        image("cat/b.png");
        image("cat/deeper/c.png");

        ImageDataset d = load(TestImages.options(4, null));

        assertEquals(List.of("cat", "dog"), d.classNames());
        assertArrayEquals(new int[] {0, 0, 1}, d.labels()); // cat/b, cat/deeper/c, dog/a
    }

    @Test
    void hasNoLabelsWhenAnImageLiesDirectlyInTheRoot() throws Exception {
        image("dog/a.png");
        image("loose.png");

        ImageDataset d = load(TestImages.options(4, null));

        assertNull(d.labels());
        assertTrue(d.classNames().isEmpty());
    }

    @Test
    void hasNoLabelsWhenAskedForNone() throws Exception {
        image("dog/a.png");

        assertNull(load(TestImages.options(4, null).withLabels(LabelMode.NONE, null)).labels());
    }

    @Test
    void sortsNumericClassNamesAsNumbers() throws Exception {
        for (String c : new String[] {"10", "9", "2"}) {
            image(c + "/x.png");
        }

        assertEquals(List.of("2", "9", "10"), load(TestImages.options(4, null)).classNames());
    }

    @Test
    void readsCsvLabelsWithHeaderRelativeAbsoluteAndQuotedPaths() throws Exception {
        image("a.png");
        image("b,c.png");
        image("sub/d.png");
        image("unlisted.png");
        Path csv = Files.writeString(root.resolve("labels.csv"), String.join("\n",
                "path,label",
                "a.png,bird",
                "\"b,c.png\", fish ",
                root.resolve("sub/d.png") + ",bird",
                "nowhere.png,ghost",
                ""));

        ImageDataset d = load(TestImages.options(4, null).withLabels(LabelMode.CSV, csv));

        assertEquals(List.of("bird", "fish"), d.classNames());
        assertEquals(Arrays.asList(0, 1, 0, Labels.UNKNOWN), Arrays.stream(d.labels()).boxed().toList());
    }

    @Test
    void rejectsACsvThatNamesNoLoadedImage() throws Exception {
        image("a.png");
        Path csv = Files.writeString(root.resolve("labels.csv"), "x.png,1\ny.png,2\n");

        DataException e = assertThrows(DataException.class,
                () -> load(TestImages.options(4, null).withLabels(LabelMode.CSV, csv)));

        assertEquals("None of the 2 rows of " + csv + " names a loaded image", e.getMessage());
    }

    @Test
    void reportsAMissingCsvFile() throws Exception {
        image("a.png");
        Path csv = root.resolve("missing.csv");

        DataException e = assertThrows(DataException.class,
                () -> load(TestImages.options(4, null).withLabels(LabelMode.CSV, csv)));

        assertEquals("Labels file not found: " + csv, e.getMessage());
    }

    @Test
    void splitsCsvLinesWithQuotesAndEscapedQuotes() {
        assertEquals(List.of("a \"b\", c", "d", ""), CsvLabels.splitLine("\"a \"\"b\"\", c\",d,"));
        assertEquals(List.of("x", "y"), CsvLabels.splitLine("\uFEFFx,y"));
    }
}
