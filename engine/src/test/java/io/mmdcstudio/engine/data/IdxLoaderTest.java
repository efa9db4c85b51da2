package io.mmdcstudio.engine.data;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** IDX files as MNIST ships them: generated here, gzip or plain, alone or as train + test pairs. */
class IdxLoaderTest {

    @TempDir
    Path dir;

    /** Image i has every pixel equal to {@code first + i}; label i is {@code i % 3}. */
    private static byte[] pixels(int count, int rows, int cols, int first) {
        byte[] data = new byte[count * rows * cols];
        for (int i = 0; i < count; i++) {
            Arrays.fill(data, i * rows * cols, (i + 1) * rows * cols, (byte) (first + i));
        }
        return data;
    }

    private Path writePair(String prefix, int count, int size, int first, boolean gzip) throws IOException {
        byte[] images = TestImages.idx(new int[] {count, size, size}, pixels(count, size, size, first));
        byte[] labels = TestImages.idx(new int[] {count}, labelBytes(count));
        String gz = gzip ? ".gz" : "";
        Path imagesFile = Files.write(dir.resolve(prefix + "-images-idx3-ubyte" + gz), gzip ? TestImages.gzip(images) : images);
        Files.write(dir.resolve(prefix + "-labels-idx1-ubyte" + gz), gzip ? TestImages.gzip(labels) : labels);
        return imagesFile;
    }

    private static byte[] labelBytes(int count) {
        byte[] labels = new byte[count];
        for (int i = 0; i < count; i++) {
            labels[i] = (byte) (i % 3);
        }
        return labels;
    }

    @ParameterizedTest(name = "gzip={0}")
    @ValueSource(booleans = {false, true})
    void roundTripsAnImagesFileWithItsLabels(boolean gzip) throws Exception {
        Path images = writePair("train", 5, 6, 10, gzip);

        ImageDataset d = DatasetLoader.load(images, TestImages.options(6, null));

        assertEquals(5, d.size());
        assertEquals(1, d.channels());
        assertEquals(6, d.width());
        assertArrayEquals(pixels(5, 6, 6, 10), d.pixels());
        assertArrayEquals(new int[] {0, 1, 2, 0, 1}, d.labels());
        assertEquals(List.of("0", "1", "2"), d.classNames());
        assertEquals(images.getFileName() + "#3", d.items().get(3));
        assertTrue(d.skipped().isEmpty());
    }

    @Test
    void recognisesGzipByItsBytesNotItsName() throws Exception {
        byte[] images = TestImages.idx(new int[] {2, 4, 4}, pixels(2, 4, 4, 1));
        Path file = Files.write(dir.resolve("digits.bin"), TestImages.gzip(images));

        ImageDataset d = DatasetLoader.load(file, TestImages.options(4, null));

        assertArrayEquals(pixels(2, 4, 4, 1), d.pixels());
        assertEquals(null, d.labels(), "no labels file by that name");
    }

    @Test
    void mergesTrainThenTestFromAFolder() throws Exception {
        writePair("t10k", 2, 4, 100, true);
        writePair("train", 3, 4, 1, true);

        ImageDataset d = DatasetLoader.load(dir, TestImages.options(4, null));

        assertEquals(List.of("train-images-idx3-ubyte.gz#0", "train-images-idx3-ubyte.gz#1",
                "train-images-idx3-ubyte.gz#2", "t10k-images-idx3-ubyte.gz#0", "t10k-images-idx3-ubyte.gz#1"),
                d.items());
        int[] firstPixels = IntStream.range(0, 5).map(i -> TestImages.pixel(d, i, 0, 0, 0)).toArray();
        assertArrayEquals(new int[] {1, 2, 3, 100, 101}, firstPixels);
        assertArrayEquals(new int[] {0, 1, 2, 0, 1}, d.labels());
    }

    @Test
    void loadsAnUncompressedCopyOnlyOnceWhenBothExist() throws Exception {
        writePair("train", 3, 4, 1, true);
        writePair("train", 3, 4, 1, false);

        ImageDataset d = DatasetLoader.load(dir, TestImages.options(4, null));

        assertEquals(3, d.size());
        assertEquals("train-images-idx3-ubyte#0", d.items().get(0));
    }

    @Test
    void reportsATruncatedFileClearly() throws Exception {
        Path images = writePair("train", 5, 6, 10, false);
        byte[] bytes = Files.readAllBytes(images);
        Files.write(images, Arrays.copyOf(bytes, bytes.length - 50));

        DataException e = assertThrows(DataException.class,
                () -> DatasetLoader.load(images, TestImages.options(6, null)));

        assertEquals("IDX file is truncated: " + images + " holds 130 of 180 bytes of data", e.getMessage());
    }

    @Test
    void reportsATruncatedGzipFileClearly() throws Exception {
        Path images = writePair("train", 50, 6, 10, true);
        byte[] bytes = Files.readAllBytes(images);
        Files.write(images, Arrays.copyOf(bytes, bytes.length / 2));

        DataException e = assertThrows(DataException.class,
                () -> DatasetLoader.load(images, TestImages.options(6, null)));

        assertTrue(e.getMessage().startsWith("IDX file is truncated: " + images), e.getMessage());
    }

    @Test
    void rejectsLabelsThatDoNotMatchTheImages() throws Exception {
        Path images = writePair("train", 5, 6, 10, false);
        Files.write(dir.resolve("train-labels-idx1-ubyte"), TestImages.idx(new int[] {4}, new byte[4]));

        DataException e = assertThrows(DataException.class,
                () -> DatasetLoader.load(images, TestImages.options(6, null)));

        assertTrue(e.getMessage().contains("has 4 labels for 5 images"), e.getMessage());
    }

    @Test
    void asksForTheImagesFileWhenGivenALabelsFile() throws Exception {
        writePair("train", 5, 6, 10, false);

        DataException e = assertThrows(DataException.class, () -> DatasetLoader.load(
                dir.resolve("train-labels-idx1-ubyte"), TestImages.options(6, null)));

        assertTrue(e.getMessage().startsWith("This is an IDX labels file"), e.getMessage());
    }

    @Test
    void resizesToAnotherInputSizeAndExpandsToRgbOnRequest() throws Exception {
        Path images = writePair("train", 3, 4, 50, false);

        ImageDataset d = DatasetLoader.load(images,
                TestImages.options(8, null).withChannels(ChannelMode.RGB));

        assertEquals(3, d.channels());
        assertEquals(8, d.height());
        for (int c = 0; c < 3; c++) {
            assertEquals(52, TestImages.pixel(d, 2, c, 7, 7));
        }
    }

    @Test
    void namesFashionMnistClassesInAFashionFolder() throws Exception {
        Path fashion = Files.createDirectory(dir.resolve("fashion-mnist"));
        byte[] labels = {0, 9};
        Files.write(fashion.resolve("train-images-idx3-ubyte"), TestImages.idx(new int[] {2, 2, 2}, new byte[8]));
        Files.write(fashion.resolve("train-labels-idx1-ubyte"), TestImages.idx(new int[] {2}, labels));

        ImageDataset d = DatasetLoader.load(fashion, TestImages.options(2, null));

        assertEquals("T-shirt/top", d.classNames().get(0));
        assertEquals("Ankle boot", d.classNames().get(9));
    }

    @Test
    void takesClassNamesFromASiblingClassesFile() throws Exception {
        writePair("train", 3, 4, 1, false);
        Files.writeString(dir.resolve("classes.txt"), "zero\none\ntwo\n");

        ImageDataset d = DatasetLoader.load(dir, TestImages.options(4, null));

        assertEquals(List.of("zero", "one", "two"), d.classNames());
    }

    @Test
    void fingerprintsTheFileContent() throws Exception {
        Path images = writePair("train", 3, 4, 1, false);
        String before = DatasetLoader.load(images, TestImages.options(4, null)).fingerprint();
        assertEquals(before, DatasetLoader.load(images, TestImages.options(4, null)).fingerprint());

        writePair("train", 3, 4, 2, false);

        assertNotEquals(before, DatasetLoader.load(images, TestImages.options(4, null)).fingerprint());
    }
}
