package io.mmdcstudio.engine.data;

import java.util.List;
import java.util.Locale;

/** Copies decoded square images into one NCHW block, converting gray and colour to the chosen channel count. */
final class DatasetAssembler {

    /** Largest Java array; {@link ImageDataset#pixels()} is one array. */
    private static final long MAX_BYTES = Integer.MAX_VALUE - 8;

    private DatasetAssembler() {
    }

    /** Fails early, before any decoding, when the images cannot fit into one array even with one channel. */
    static void checkFits(long images, int channels, int size) throws DataException {
        long bytes = images * channels * size * size;
        if (bytes > MAX_BYTES) {
            throw new DataException(String.format(Locale.ROOT,
                    "Too much data for one dataset: %,d images of %d×%d×%d need %,d MB, at most %,d MB fit; "
                            + "use a smaller input size or fewer images",
                    images, channels, size, size, bytes >> 20, MAX_BYTES >> 20));
        }
    }

    /** The channel count for these images: AUTO is 1 only when every image is gray. */
    static int channels(ChannelMode mode, List<Decoded.Image> images) {
        return switch (mode) {
            case GRAY -> 1;
            case RGB -> 3;
            case AUTO -> images.stream().allMatch(Decoded.Image::isGray) ? 1 : 3;
        };
    }

    static ImageDataset assemble(List<String> items, List<Decoded.Image> images, LoadOptions options,
            List<SkippedFile> skipped, String fingerprint) throws DataException {
        int size = options.inputSize();
        int channels = channels(options.channels(), images);
        checkFits(images.size(), channels, size);
        int plane = size * size;
        byte[] pixels = new byte[images.size() * channels * plane];
        for (int i = 0; i < images.size(); i++) {
            copy(images.get(i), pixels, i * channels * plane, channels, plane);
        }
        return new ImageDataset(items, channels, size, size, pixels, null, List.of(), skipped, fingerprint);
    }

    private static void copy(Decoded.Image image, byte[] out, int at, int channels, int plane) {
        byte[] src = image.data();
        int from = image.offset();
        if (image.channels() == channels) {
            System.arraycopy(src, from, out, at, channels * plane);
        } else if (channels == 3) {
            for (int c = 0; c < 3; c++) {
                System.arraycopy(src, from, out, at + c * plane, plane);
            }
        } else {
            for (int p = 0; p < plane; p++) {
                int r = src[from + p] & 0xFF;
                int g = src[from + plane + p] & 0xFF;
                int b = src[from + 2 * plane + p] & 0xFF;
                // ITU-R BT.601 luma in fixed point (weights sum to 256).
                out[at + p] = (byte) ((77 * r + 150 * g + 29 * b + 128) >> 8);
            }
        }
    }
}
