package io.mmdcstudio.engine.data;

import java.util.Objects;

/** The outcome of decoding one file: a square image or the reason it could not be used. */
sealed interface Decoded permits Decoded.Image, Decoded.Failure {

    /**
     * A decoded square image, planar (CHW), {@code channels * size * size} bytes starting at {@code offset} of
     * {@code data}. The offset lets cached images stay inside the cache file's buffer without a copy per image.
     *
     * @param channels 1 for grayscale content, 3 for colour
     */
    record Image(int channels, byte[] data, int offset) implements Decoded {
        public Image {
            Objects.requireNonNull(data, "data");
        }

        /** A freshly decoded image that owns its whole array. */
        public Image(int channels, byte[] data) {
            this(channels, data, 0);
        }

        boolean isGray() {
            return channels == 1;
        }
    }

    /**
     * A file that could not be used.
     *
     * @param reason    for the user, e.g. "truncated file: image data ends early"
     * @param permanent true when the reason follows from the file's bytes alone (corrupt, not an image), so it may
     *                  be cached under the file's size and modification time; false when it may change without
     *                  the file changing (permissions, memory, the pixel limit)
     */
    record Failure(String reason, boolean permanent) implements Decoded {
        public Failure {
            Objects.requireNonNull(reason, "reason");
        }
    }
}
