package io.mmdcstudio.engine.data;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeFalse;

import java.awt.Color;
import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** A folder full of bad input: the load goes on with the good files and reports each bad one with its reason. */
class HostileFolderTest {

    @TempDir
    Path root;

    @TempDir
    Path cache;

    @BeforeEach
    void buildHostileFolder() throws Exception {
        TestImages.write(TestImages.solid(20, 20, Color.RED), "png", root.resolve("good.png"));
        TestImages.write(TestImages.solid(20, 20, Color.BLUE), "png", root.resolve("a/b/c/deep.png"));
        TestImages.write(new BufferedImage(20, 20, BufferedImage.TYPE_INT_ARGB), "png", root.resolve("clear.png"));
        Files.write(root.resolve("cmyk.jpg"), TestImages.cmykJpeg(32, 16, new int[4], new int[] {255, 0, 0, 0}));
        Files.write(root.resolve("rotated.jpg"),
                TestImages.withExifOrientation(TestImages.jpeg(TestImages.solid(40, 20, Color.RED)), 6));
        Files.write(root.resolve("empty.jpg"), new byte[0]);
        byte[] jpeg = TestImages.jpeg(TestImages.noise(64, 48, 7));
        Files.write(root.resolve("truncated.jpg"), Arrays.copyOf(jpeg, jpeg.length / 2));
        Files.writeString(root.resolve("notes.jpg"), "This is a text file with an image extension.\n");
        Files.write(root.resolve("bomb.png"), TestImages.pngHeaderOnly(100_000, 100_000));
        Files.createSymbolicLink(root.resolve("a/b/loop"), root);
        Files.createSymbolicLink(root.resolve("dangling.png"), root.resolve("missing.png"));
    }

    private Map<String, String> reasonsByName(ImageDataset d) {
        return d.skipped().stream().collect(Collectors.toMap(
                s -> Path.of(s.path()).getFileName().toString(), SkippedFile::reason));
    }

    @Test
    void keepsTheGoodFilesAndReportsEveryBadOneWithItsReason() throws Exception {
        ImageDataset d = DatasetLoader.load(root, TestImages.options(16, cache));

        assertEquals(Stream.of("a/b/c/deep.png", "clear.png", "cmyk.jpg", "good.png", "rotated.jpg")
                .map(name -> root.resolve(name).toString()).toList(), d.items());
        assertArrayEquals(new int[] {255, 255, 255}, TestImages.rgb(d, 1, 8, 8), "transparent is white");
        Map<String, String> reasons = reasonsByName(d);
        assertEquals("empty file (0 bytes)", reasons.get("empty.jpg"));
        assertTrue(reasons.get("truncated.jpg").startsWith("truncated file"), reasons.get("truncated.jpg"));
        assertTrue(reasons.get("notes.jpg").startsWith("not an image"), reasons.get("notes.jpg"));
        assertEquals("image too large: 100000×100000 pixels, limit 100 MP", reasons.get("bomb.png"));
        assertTrue(reasons.get("loop").startsWith("symbolic link loop"), reasons.get("loop"));
        assertTrue(reasons.get("dangling.png").startsWith("broken symbolic link"), reasons.get("dangling.png"));
        assertEquals(6, d.skipped().size(), d.skipped().toString());
    }

    @Test
    void findsImagesInNestedFoldersInRelativePathOrder() throws Exception {
        ImageDataset d = DatasetLoader.load(root, TestImages.options(16, null));

        assertEquals(0, TestImages.indexOf(d, "a/b/c/deep.png"));
        assertEquals(3, TestImages.indexOf(d, "good.png"));
        assertEquals(List.of(0, 0, 255), Arrays.stream(TestImages.rgb(d, 0, 8, 8)).boxed().toList());
    }

    @Test
    void reportsTheSameReasonsWhenTheyComeFromTheCache() throws Exception {
        ImageDataset first = DatasetLoader.load(root, TestImages.options(16, cache));
        FolderLoader.Result second = FolderLoader.load(root, TestImages.options(16, cache), LoadProgress.NONE);

        assertEquals(first.skipped(), second.dataset().skipped());
        // The bomb is re-checked every time (the limit may change); content failures come from the cache.
        assertEquals(1, second.decoded());
    }

    @ParameterizedTest
    @ValueSource(strings = {"png", "gif", "bmp", "tiff", "jpg"})
    void skipsFilesCutInHalfInEveryFormat(String format) throws Exception {
        byte[] whole = TestImages.encode(TestImages.noise(64, 48, 3), format);
        Path cut = Files.write(root.resolve("cut." + format), Arrays.copyOf(whole, whole.length / 2));

        ImageDataset d = DatasetLoader.load(root, TestImages.options(16, null));

        String reason = reasonsByName(d).get(cut.getFileName().toString());
        assertTrue(reason.startsWith("truncated file") || reason.startsWith("corrupt image"), reason);
    }

    @Test
    void skipsAFileItCannotReadWhenPermissionsApply() throws Exception {
        Path locked = TestImages.write(TestImages.solid(8, 8, Color.GREEN), "png", root.resolve("locked.png"));
        Files.setPosixFilePermissions(locked, PosixFilePermissions.fromString("---------"));
        // Root (as in CI containers) reads anything; SkipReasonsTest covers the mapping without file permissions.
        assumeFalse(Files.isReadable(locked), "running as root: chmod 000 does not stop reads");

        ImageDataset d = DatasetLoader.load(root, TestImages.options(16, null));

        assertEquals("cannot read file: permission denied", reasonsByName(d).get("locked.png"));
    }

    @Test
    void throwsWithTheReportWhenNothingIsUsable() throws Exception {
        for (String usable : List.of("good.png", "a/b/c/deep.png", "clear.png", "cmyk.jpg", "rotated.jpg")) {
            Files.delete(root.resolve(usable));
        }

        DataException e = assertThrows(DataException.class,
                () -> DatasetLoader.load(root, TestImages.options(16, null)));

        assertEquals("No usable images in " + root + ": 6 files skipped (see report)", e.getMessage());
        assertEquals(6, e.skipped().size());
    }
}
