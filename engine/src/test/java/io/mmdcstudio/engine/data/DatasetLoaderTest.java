package io.mmdcstudio.engine.data;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.Color;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What the loader accepts, how it orders and fingerprints, channel modes, progress and options. */
class DatasetLoaderTest {

    @TempDir
    Path root;

    @Test
    void reportsAPathThatDoesNotExist() {
        Path missing = root.resolve("nope");

        DataException e = assertThrows(DataException.class,
                () -> DatasetLoader.load(missing, TestImages.options(8, null)));

        assertEquals("Not found: " + missing, e.getMessage());
    }

    @Test
    void reportsAFileThatIsNeitherFolderNorIdx() throws Exception {
        Path text = Files.writeString(root.resolve("readme.txt"), "hello");

        DataException e = assertThrows(DataException.class,
                () -> DatasetLoader.load(text, TestImages.options(8, null)));

        assertEquals("Not a folder or IDX file: " + text, e.getMessage());
    }

    @Test
    void reportsAFolderWithoutImages() throws Exception {
        Files.writeString(root.resolve("notes.txt"), "no images here");

        DataException e = assertThrows(DataException.class,
                () -> DatasetLoader.load(root, TestImages.options(8, null)));

        assertTrue(e.getMessage().startsWith("No images in " + root), e.getMessage());
    }

    @Test
    void ignoresHiddenFilesHiddenFoldersAndOtherExtensions() throws Exception {
        TestImages.write(TestImages.solid(8, 8, Color.RED), "png", root.resolve("b.PNG"));
        TestImages.write(TestImages.solid(8, 8, Color.RED), "png", root.resolve("a.jpeg.png"));
        TestImages.write(TestImages.solid(8, 8, Color.RED), "png", root.resolve(".hidden.png"));
        TestImages.write(TestImages.solid(8, 8, Color.RED), "png", root.resolve(".thumbs/x.png"));
        TestImages.write(TestImages.solid(8, 8, Color.RED), "png", root.resolve("c.png.bak"));

        ImageDataset d = DatasetLoader.load(root, TestImages.options(8, null));

        assertEquals(List.of(root.resolve("a.jpeg.png").toString(), root.resolve("b.PNG").toString()), d.items());
        assertTrue(d.skipped().isEmpty());
    }

    @Test
    void ordersImagesByRelativePathWhateverTheCreationOrder() throws Exception {
        for (String name : new String[] {"z/1.png", "b.png", "a/2.png", "a/10.png"}) {
            TestImages.write(TestImages.solid(8, 8, Color.RED), "png", root.resolve(name));
        }

        List<String> items = DatasetLoader.load(root, TestImages.options(8, null)).items();

        assertEquals(List.of("a/10.png", "a/2.png", "b.png", "z/1.png"),
                items.stream().map(i -> root.relativize(Path.of(i)).toString()).toList());
    }

    @Test
    void choosesChannelsByMode() throws Exception {
        TestImages.write(TestImages.solid(8, 8, new Color(200, 100, 50)), "png", root.resolve("colour.png"));
        TestImages.write(TestImages.solid(8, 8, new Color(90, 90, 90)), "png", root.resolve("gray.png"));

        ImageDataset auto = DatasetLoader.load(root, TestImages.options(4, null));
        ImageDataset gray = DatasetLoader.load(root, TestImages.options(4, null).withChannels(ChannelMode.GRAY));

        assertEquals(3, auto.channels());
        assertArrayEquals(new int[] {90, 90, 90}, TestImages.rgb(auto, 1, 0, 0), "gray replicated");
        assertEquals(1, gray.channels());
        assertEquals((77 * 200 + 150 * 100 + 29 * 50 + 128) >> 8, TestImages.pixel(gray, 0, 0, 0, 0), "BT.601 luma");
    }

    @Test
    void givesOneChannelWhenEveryImageIsGrayAndThreeWhenAsked() throws Exception {
        TestImages.write(TestImages.solid(8, 8, new Color(90, 90, 90)), "png", root.resolve("gray.png"));

        assertEquals(1, DatasetLoader.load(root, TestImages.options(4, null)).channels());
        ImageDataset rgb = DatasetLoader.load(root, TestImages.options(4, null).withChannels(ChannelMode.RGB));
        assertEquals(3, rgb.channels());
        assertArrayEquals(new int[] {90, 90, 90}, TestImages.rgb(rgb, 0, 2, 2));
    }

    @Test
    void changesTheFingerprintWhenAFileChanges() throws Exception {
        Path file = TestImages.write(TestImages.solid(8, 8, Color.RED), "png", root.resolve("a.png"));
        String before = DatasetLoader.load(root, TestImages.options(4, null)).fingerprint();

        assertEquals(before, DatasetLoader.load(root, TestImages.options(4, null)).fingerprint());
        Files.setLastModifiedTime(file, FileTime.fromMillis(Files.getLastModifiedTime(file).toMillis() + 5000));
        assertNotEquals(before, DatasetLoader.load(root, TestImages.options(4, null)).fingerprint());
    }

    @Test
    void reportsDecodingProgressUpToTheTotal() throws Exception {
        for (int i = 0; i < 5; i++) {
            TestImages.write(TestImages.solid(8, 8, Color.RED), "png", root.resolve(i + ".png"));
        }
        List<int[]> reports = new ArrayList<>();

        DatasetLoader.load(root, TestImages.options(4, null), (done, total, message) -> {
            if (message.startsWith("Decoding")) {
                reports.add(new int[] {done, total});
            }
        });

        assertArrayEquals(new int[] {5, 5}, reports.get(reports.size() - 1));
        assertTrue(reports.stream().allMatch(r -> r[0] <= r[1]));
    }

    @Test
    void failsEarlyWhenTheDataCannotFitInOneArray() {
        DataException e = assertThrows(DataException.class, () -> DatasetAssembler.checkFits(1_000_000, 3, 1024));

        assertTrue(e.getMessage().startsWith("Too much data for one dataset"), e.getMessage());
    }
}
