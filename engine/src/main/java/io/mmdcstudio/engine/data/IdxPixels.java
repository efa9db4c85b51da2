package io.mmdcstudio.engine.data;

import io.mmdcstudio.engine.data.IdxFormat.IdxArray;

/** Turns the pixel arrays of IDX files into the dataset's NCHW block: as is, resized, and/or as RGB. */
final class IdxPixels {

    /** Images per resize task: large enough to amortise scheduling, small enough for smooth progress. */
    private static final int CHUNK = 2048;

    private IdxPixels() {
    }

    /**
     * @param arrays images files at [0, k)
     * @param n      total number of images
     */
    static byte[] toDataset(IdxArray[] arrays, int k, int n, LoadOptions options, LoadProgress progress)
            throws DataException {
        int rows = arrays[0].dims()[1];
        int cols = arrays[0].dims()[2];
        int size = options.inputSize();
        DatasetAssembler.checkFits(n, options.channels() == ChannelMode.RGB ? 3 : 1, size);
        byte[] gray = rows == size && cols == size ? concatenate(arrays, k, n, size * size)
                : resized(arrays, k, n, options, progress);
        return options.channels() == ChannelMode.RGB ? toRgb(gray, n, size * size) : gray;
    }

    private static byte[] concatenate(IdxArray[] arrays, int k, int n, int plane) {
        if (k == 1) {
            return arrays[0].data();
        }
        byte[] out = new byte[n * plane];
        int at = 0;
        for (int f = 0; f < k; f++) {
            byte[] data = arrays[f].data();
            System.arraycopy(data, 0, out, at, data.length);
            at += data.length;
        }
        return out;
    }

    private static byte[] resized(IdxArray[] arrays, int k, int n, LoadOptions options, LoadProgress progress)
            throws DataException {
        int rows = arrays[0].dims()[1];
        int cols = arrays[0].dims()[2];
        int size = options.inputSize();
        int plane = size * size;
        byte[] source = concatenate(arrays, k, n, rows * cols);
        byte[] out = new byte[n * plane];
        int chunks = (n + CHUNK - 1) / CHUNK;
        String message = "Resizing " + n + " images to " + size + "×" + size;
        Workers.run(options.threads(), chunks, c -> {
            for (int i = c * CHUNK; i < Math.min(n, (c + 1) * CHUNK); i++) {
                byte[] one = new byte[rows * cols];
                System.arraycopy(source, i * rows * cols, one, 0, one.length);
                System.arraycopy(Resampler.cropResize(one, cols, rows, 1, size), 0, out, i * plane, plane);
            }
        }, Workers.throttled(progress, chunks, message));
        return out;
    }

    private static byte[] toRgb(byte[] gray, int n, int plane) {
        byte[] out = new byte[n * 3 * plane];
        for (int i = 0; i < n; i++) {
            for (int c = 0; c < 3; c++) {
                System.arraycopy(gray, i * plane, out, (i * 3 + c) * plane, plane);
            }
        }
        return out;
    }
}
