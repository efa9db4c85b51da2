package io.mmdcstudio.engine.data;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import org.junit.jupiter.api.Test;

/** Shorter side to the target size, centre crop, area averaging down, bilinear up. */
class ResamplerTest {

    @Test
    void keepsAUniformImageUniformAtAnyScale() {
        byte[] src = new byte[37 * 23 * 3];
        for (int i = 0; i < src.length; i += 3) {
            src[i] = 10;
            src[i + 1] = (byte) 200;
            src[i + 2] = 77;
        }
        for (int size : new int[] {1, 5, 23, 64}) {
            byte[] out = Resampler.cropResize(src, 37, 23, 3, size);
            int plane = size * size;
            for (int p = 0; p < plane; p++) {
                assertEquals(10, out[p] & 0xFF);
                assertEquals(200, out[plane + p] & 0xFF);
                assertEquals(77, out[2 * plane + p] & 0xFF);
            }
        }
    }

    @Test
    void cropsTheCentreSquareWithoutScalingWhenTheShorterSideFits() {
        byte[] src = {
            1, 2, 3, 4,
            5, 6, 7, 8,
        };
        assertArrayEquals(new byte[] {2, 3, 6, 7}, Resampler.cropResize(src, 4, 2, 1, 2));
    }

    @Test
    void averagesAreasWhenShrinking() {
        // A one-pixel checkerboard has no detail left at half size: every output pixel is mid-gray.
        byte[] src = new byte[8 * 8];
        for (int y = 0; y < 8; y++) {
            for (int x = 0; x < 8; x++) {
                src[y * 8 + x] = (byte) ((x + y) % 2 == 0 ? 255 : 0);
            }
        }
        byte[] out = Resampler.cropResize(src, 8, 8, 1, 4);
        for (byte b : out) {
            assertTrue(Math.abs((b & 0xFF) - 128) <= 1, () -> Arrays.toString(out));
        }
    }

    @Test
    void averagesFractionalAreasExactly() {
        // 3 → 2: output 0 covers pixel 0 fully and half of pixel 1.
        byte[] src = {0, 90, (byte) 180};
        byte[] out = Resampler.cropResize(src, 3, 1, 1, 1);
        assertEquals(90, out[0] & 0xFF, "1×1 of the middle pixel, the centre crop of 3×1");
        byte[] square = new byte[9];
        for (int y = 0; y < 3; y++) {
            System.arraycopy(src, 0, square, y * 3, 3);
        }
        byte[] two = Resampler.cropResize(square, 3, 3, 1, 2);
        assertEquals(30, two[0] & 0xFF); // (0 * 1 + 90 * 0.5) / 1.5
        assertEquals(150, two[1] & 0xFF); // (90 * 0.5 + 180 * 1) / 1.5
    }

    @Test
    void interpolatesBilinearlyWhenEnlarging() {
        byte[] src = {0, (byte) 200, 0, (byte) 200};
        byte[] out = Resampler.cropResize(src, 2, 2, 1, 4);
        // Columns sit at source x = -0.25, 0.25, 0.75, 1.25: clamped, then interpolated.
        assertArrayEquals(new byte[] {0, 50, (byte) 150, (byte) 200}, Arrays.copyOfRange(out, 0, 4));
    }
}
