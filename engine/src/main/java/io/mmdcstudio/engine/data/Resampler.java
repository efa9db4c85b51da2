package io.mmdcstudio.engine.data;

/**
 * Scales an image so that its shorter side equals the target size and centre-crops it to a square, in one
 * separable pass.
 *
 * <p>Cropping the centred square of the source first and then scaling it gives the same result as scaling then
 * cropping, with less work. Downscaling uses exact area averaging (every source pixel weighted by how much of it
 * an output pixel covers), which does not alias however large the factor; upscaling (e.g. 28 px IDX digits to
 * 64 px) uses bilinear interpolation, because area averaging would degrade to nearest neighbour.
 */
final class Resampler {

    private Resampler() {
    }

    /**
     * Crops and scales an interleaved 8-bit image.
     *
     * @param src      interleaved samples, {@code width * height * channels} bytes, row-major
     * @param channels samples per pixel
     * @param size     side of the output square
     * @return planar (CHW) output, {@code channels * size * size} bytes
     */
    static byte[] cropResize(byte[] src, int width, int height, int channels, int size) {
        double side = Math.min(width, height);
        Taps horizontal = Taps.of(width, (width - side) / 2, side, size);
        Taps vertical = Taps.of(height, (height - side) / 2, side, size);
        // Vertical pass first: it runs along whole source rows, a contiguous loop the JIT vectorises, and leaves
        // only size rows for the horizontal pass, whose taps differ per pixel.
        int firstColumn = horizontal.firstSource();
        int rowLength = (horizontal.lastSource() - firstColumn + 1) * channels;
        float[] rows = new float[size * rowLength];
        for (int y = 0; y < size; y++) {
            verticalPass(src, (width * vertical.first[y] + firstColumn) * channels, width * channels, vertical, y,
                    rows, y * rowLength, rowLength);
        }
        byte[] out = new byte[channels * size * size];
        for (int y = 0; y < size; y++) {
            horizontalPass(rows, y * rowLength, firstColumn, channels, size, horizontal, y, out);
        }
        return out;
    }

    private static void verticalPass(byte[] src, int start, int stride, Taps taps, int y, float[] dst, int dstStart,
            int length) {
        for (int t = 0; t < taps.count[y]; t++) {
            float w = taps.weights[y * taps.maxTaps + t];
            int from = start + t * stride;
            for (int i = 0; i < length; i++) {
                dst[dstStart + i] += w * (src[from + i] & 0xFF);
            }
        }
    }

    private static void horizontalPass(float[] rows, int rowStart, int firstColumn, int channels, int size,
            Taps taps, int y, byte[] out) {
        for (int x = 0; x < size; x++) {
            int from = rowStart + (taps.first[x] - firstColumn) * channels;
            int base = x * taps.maxTaps;
            for (int c = 0; c < channels; c++) {
                float sum = 0;
                for (int t = 0; t < taps.count[x]; t++) {
                    sum += taps.weights[base + t] * rows[from + t * channels + c];
                }
                out[(c * size + y) * size + x] = (byte) Math.max(0, Math.min(255, Math.round(sum)));
            }
        }
    }

    /** For each output pixel along one axis: the first source pixel and the weights of the consecutive pixels. */
    private static final class Taps {
        final int[] first;
        final int[] count;
        final float[] weights;
        final int maxTaps;

        private Taps(int outputs, int maxTaps) {
            this.first = new int[outputs];
            this.count = new int[outputs];
            this.weights = new float[outputs * maxTaps];
            this.maxTaps = maxTaps;
        }

        int outputs() {
            return first.length;
        }

        int firstSource() {
            return first[0];
        }

        int lastSource() {
            return first[outputs() - 1] + count[outputs() - 1] - 1;
        }

        /** Taps mapping the source span [offset, offset + span) of an axis of {@code length} pixels to {@code size}. */
        static Taps of(int length, double offset, double span, int size) {
            double scale = span / size;
            return scale >= 1 ? area(length, offset, scale, size) : bilinear(length, offset, scale, size);
        }

        private static Taps area(int length, double offset, double scale, int size) {
            Taps taps = new Taps(size, (int) Math.ceil(scale) + 1);
            for (int i = 0; i < size; i++) {
                double lo = offset + i * scale;
                double hi = lo + scale;
                int k0 = Math.min(length - 1, (int) Math.floor(lo));
                int k1 = Math.min(length - 1, Math.max(k0, (int) Math.ceil(hi) - 1));
                taps.first[i] = k0;
                taps.count[i] = k1 - k0 + 1;
                for (int k = k0; k <= k1; k++) {
                    double cover = Math.min(hi, k + 1) - Math.max(lo, k);
                    taps.weights[i * taps.maxTaps + k - k0] = (float) (Math.max(0, cover) / scale);
                }
            }
            return taps;
        }

        private static Taps bilinear(int length, double offset, double scale, int size) {
            Taps taps = new Taps(size, 2);
            for (int i = 0; i < size; i++) {
                double centre = offset + (i + 0.5) * scale - 0.5;
                double clamped = Math.max(0, Math.min(length - 1, centre));
                int k0 = Math.min(length - 1, (int) Math.floor(clamped));
                int k1 = Math.min(length - 1, k0 + 1);
                float t = (float) (clamped - k0);
                taps.first[i] = k0;
                taps.count[i] = k1 - k0 + 1;
                taps.weights[i * 2] = k1 == k0 ? 1f : 1f - t;
                taps.weights[i * 2 + 1] = t;
            }
            return taps;
        }
    }
}
