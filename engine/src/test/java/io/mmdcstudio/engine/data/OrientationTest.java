package io.mmdcstudio.engine.data;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertSame;

import java.util.Arrays;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/** The eight EXIF orientations, on a 3×3 image whose pixels are numbered 0..8 row by row. */
class OrientationTest {

    private static final byte[] NUMBERED = {0, 1, 2, 3, 4, 5, 6, 7, 8};

    @ParameterizedTest(name = "orientation {0} displays as {1}")
    @CsvSource({
        "2, 2 1 0 5 4 3 8 7 6", // mirrored horizontally
        "3, 8 7 6 5 4 3 2 1 0", // rotated 180°
        "4, 6 7 8 3 4 5 0 1 2", // mirrored vertically
        "5, 0 3 6 1 4 7 2 5 8", // transposed
        "6, 6 3 0 7 4 1 8 5 2", // rotated 90° clockwise
        "7, 8 5 2 7 4 1 6 3 0", // transversed
        "8, 2 5 8 1 4 7 0 3 6", // rotated 90° counter-clockwise
    })
    void transformsAsTheExifSpecificationSays(int orientation, String expected) {
        byte[] out = Orientation.apply(NUMBERED, 1, 3, orientation);

        assertArrayEquals(bytes(expected), out);
    }

    @ParameterizedTest
    @ValueSource(ints = {0, 1, 9, -3})
    void leavesNormalAndUnknownValuesAlone(int orientation) {
        assertSame(NUMBERED, Orientation.apply(NUMBERED, 1, 3, orientation));
    }

    @ParameterizedTest
    @ValueSource(ints = {2, 3, 4, 5, 6, 7, 8})
    void transformsEveryChannelPlaneAlike(int orientation) {
        byte[] threePlanes = new byte[27];
        for (int c = 0; c < 3; c++) {
            System.arraycopy(NUMBERED, 0, threePlanes, c * 9, 9);
        }
        byte[] out = Orientation.apply(threePlanes, 3, 3, orientation);
        byte[] one = Orientation.apply(NUMBERED, 1, 3, orientation);

        for (int c = 0; c < 3; c++) {
            assertArrayEquals(one, Arrays.copyOfRange(out, c * 9, c * 9 + 9));
        }
    }

    private static byte[] bytes(String spaced) {
        String[] parts = spaced.trim().split(" ");
        byte[] out = new byte[parts.length];
        for (int i = 0; i < parts.length; i++) {
            out[i] = Byte.parseByte(parts[i]);
        }
        return out;
    }
}
