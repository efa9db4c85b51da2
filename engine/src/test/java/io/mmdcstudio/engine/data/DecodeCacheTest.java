package io.mmdcstudio.engine.data;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.Color;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Re-opening a folder reuses decoded images; changes are noticed; a broken cache is never an error. */
class DecodeCacheTest {

    @TempDir
    Path root;

    @TempDir
    Path cacheDir;

    private LoadOptions options() {
        return TestImages.options(8, cacheDir);
    }

    @BeforeEach
    void fourImages() throws Exception {
        Color[] colours = {Color.RED, Color.GREEN, Color.BLUE, Color.GRAY};
        for (int i = 0; i < colours.length; i++) {
            TestImages.write(TestImages.solid(16, 12, colours[i]), "png", root.resolve("img" + i + ".png"));
        }
    }

    private FolderLoader.Result load() throws DataException {
        return FolderLoader.load(root, options(), LoadProgress.NONE);
    }

    private Path cacheFile() {
        return new DecodeCache(cacheDir, root, 8).file();
    }

    @Test
    void secondLoadDecodesNothingAndGivesTheSameData() throws Exception {
        FolderLoader.Result first = load();
        List<String> messages = new ArrayList<>();

        FolderLoader.Result second = FolderLoader.load(root, options(), (done, total, m) -> messages.add(m));

        assertEquals(4, first.decoded());
        assertEquals(0, second.decoded());
        assertEquals(4, second.fromCache());
        assertTrue(messages.stream().noneMatch(m -> m.startsWith("Decoding")), messages::toString);
        assertArrayEquals(first.dataset().pixels(), second.dataset().pixels());
        assertEquals(first.dataset().items(), second.dataset().items());
        assertEquals(first.dataset().fingerprint(), second.dataset().fingerprint());
    }

    @Test
    void doesNotRewriteAnUnchangedCache() throws Exception {
        load();
        FileTime written = FileTime.fromMillis(1_000_000_000_000L);
        Files.setLastModifiedTime(cacheFile(), written);

        load();

        assertEquals(written, Files.getLastModifiedTime(cacheFile()));
    }

    @Test
    void decodesAChangedFileAgain() throws Exception {
        FolderLoader.Result first = load();
        Path changed = root.resolve("img1.png");
        TestImages.write(TestImages.solid(16, 12, Color.YELLOW), "png", changed);
        Files.setLastModifiedTime(changed, FileTime.fromMillis(Files.getLastModifiedTime(changed).toMillis() + 5000));

        FolderLoader.Result second = load();

        assertEquals(1, second.decoded());
        assertEquals(3, second.fromCache());
        assertNotEquals(first.dataset().fingerprint(), second.dataset().fingerprint());
        assertArrayEquals(new int[] {255, 255, 0}, TestImages.rgb(second.dataset(), 1, 4, 4));
    }

    @Test
    void decodesNewFilesAndForgetsRemovedOnes() throws Exception {
        load();
        Files.delete(root.resolve("img0.png"));
        TestImages.write(TestImages.solid(16, 12, Color.CYAN), "png", root.resolve("img9.png"));

        FolderLoader.Result second = load();
        FolderLoader.Result third = load();

        assertEquals(1, second.decoded());
        assertEquals(4, second.dataset().size());
        assertEquals(0, third.decoded());
    }

    @Test
    void ignoresACorruptCacheFileAndRebuildsIt() throws Exception {
        FolderLoader.Result first = load();
        byte[] bytes = Files.readAllBytes(cacheFile());
        bytes[bytes.length / 2] ^= 0x55;
        Files.write(cacheFile(), bytes);

        FolderLoader.Result second = load();
        FolderLoader.Result third = load();

        assertEquals(4, second.decoded());
        assertArrayEquals(first.dataset().pixels(), second.dataset().pixels());
        assertEquals(0, third.decoded());
    }

    @Test
    void ignoresAForeignOrEmptyCacheFile() throws Exception {
        Files.createDirectories(cacheFile().getParent());
        Files.writeString(cacheFile(), "not a cache");
        assertEquals(4, load().decoded());

        Files.write(cacheFile(), new byte[0]);
        assertEquals(4, load().decoded());
    }

    @Test
    void keepsSeparateCachesPerInputSize() throws Exception {
        load();

        FolderLoader.Result other = FolderLoader.load(root, TestImages.options(4, cacheDir), LoadProgress.NONE);

        assertEquals(4, other.decoded());
        assertEquals(4, other.dataset().width());
        assertEquals(0, load().decoded());
    }

    @Test
    void neverWritesIntoTheImageFolder() throws Exception {
        List<Path> before = listAll(root);

        load();
        load();

        assertEquals(before, listAll(root));
        assertFalse(listAll(cacheDir).stream().anyMatch(p -> p.toString().endsWith(".tmp")));
    }

    private static List<Path> listAll(Path dir) throws Exception {
        try (Stream<Path> files = Files.walk(dir)) {
            return files.sorted().toList();
        }
    }
}
