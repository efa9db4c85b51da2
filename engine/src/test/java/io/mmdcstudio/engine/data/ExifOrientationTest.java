package io.mmdcstudio.engine.data;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A viewer that mirrors then rotates as ExifOrientation says shows the same picture as the decoder makes. */
class ExifOrientationTest {

    private static final int N = 4;

    /** Mirror left-right if asked, then rotate clockwise in quarter turns: what the image panel's view does. */
    private static byte[] viewerTransform(byte[] img, int orientation) {
        byte[] out = img.clone();
        if (ExifOrientation.mirrored(orientation)) {
            byte[] m = new byte[N * N];
            for (int y = 0; y < N; y++) {
                for (int x = 0; x < N; x++) {
                    m[y * N + x] = out[y * N + (N - 1 - x)];
                }
            }
            out = m;
        }
        for (int turn = 0; turn < ExifOrientation.rotation(orientation) / 90; turn++) {
            byte[] r = new byte[N * N];
            for (int y = 0; y < N; y++) {
                for (int x = 0; x < N; x++) {
                    r[y * N + x] = out[(N - 1 - x) * N + y]; // clockwise: new (x, y) comes from old (y, N-1-x)
                }
            }
            out = r;
        }
        return out;
    }

    @Test
    void everyOrientationTurnsTheViewLikeTheDecoderTurnsThePixels() {
        byte[] img = new byte[N * N];
        for (int i = 0; i < img.length; i++) {
            img[i] = (byte) i;
        }
        for (int o = 1; o <= 8; o++) {
            assertArrayEquals(Orientation.apply(img, 1, N, o), viewerTransform(img, o), "orientation " + o);
        }
    }

    @Test
    void theTagIsReadFromTheFileAndAbsentOrUnknownMeansUpright(@TempDir Path dir) throws Exception {
        Path rotated = Files.write(dir.resolve("p.JPG"), TestImages.withExifOrientation(
                TestImages.jpeg(TestImages.solid(40, 20, java.awt.Color.RED)), 6));
        assertEquals(6, ExifOrientation.of(rotated));
        assertEquals(1, ExifOrientation.of(Files.write(dir.resolve("plain.jpg"),
                TestImages.jpeg(TestImages.solid(4, 4, java.awt.Color.RED)))));
        assertEquals(1, ExifOrientation.of(Files.writeString(dir.resolve("notes.txt"), "hello")));
        assertEquals(1, ExifOrientation.of(Files.writeString(dir.resolve("broken.jpg"), "not a jpeg")));
    }
}
