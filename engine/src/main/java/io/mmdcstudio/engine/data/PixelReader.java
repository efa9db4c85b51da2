package io.mmdcstudio.engine.data;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.color.ColorSpace;
import java.awt.image.BufferedImage;
import java.awt.image.ColorModel;
import java.awt.image.ComponentColorModel;
import java.awt.image.DataBuffer;
import java.awt.image.DataBufferByte;
import java.awt.image.PixelInterleavedSampleModel;
import java.awt.image.Raster;
import java.util.Arrays;

/**
 * Turns any decoded {@link BufferedImage} into interleaved 8-bit gray or RGB samples, with transparency
 * composited on white.
 *
 * <p>Gray and sRGB images with 8- or 16-bit components are read straight from their raster: Java2D would treat
 * {@code CS_GRAY} as linear and brighten gray images, and would squeeze 16-bit data through slow generic loops.
 * Everything else (palettes, packed ints, CMYK already converted by the reader, ICC colour spaces, floats) is
 * drawn onto a white RGB canvas, where Java2D handles colour conversion and alpha correctly.
 */
final class PixelReader {

    /**
     * Interleaved samples of a whole image.
     *
     * @param channels    1 (gray) or 3 (R, G, B)
     * @param bandOffsets where colour component c sits within a pixel's samples (e.g. 2, 1, 0 for BGR data)
     */
    record Pixels(byte[] data, int width, int height, int channels, int[] bandOffsets) {
        Pixels(byte[] data, int width, int height, int channels) {
            this(data, width, height, channels, channels == 1 ? new int[] {0} : new int[] {0, 1, 2});
        }

        /** Scales and crops to a planar square (see {@link Resampler}), colour planes in R, G, B order. */
        byte[] toSquare(int size) {
            byte[] planes = Resampler.cropResize(data, width, height, channels, size);
            if (inOrder()) {
                return planes;
            }
            int plane = size * size;
            byte[] out = new byte[planes.length];
            for (int c = 0; c < channels; c++) {
                System.arraycopy(planes, bandOffsets[c] * plane, out, c * plane, plane);
            }
            return out;
        }

        private boolean inOrder() {
            for (int c = 0; c < channels; c++) {
                if (bandOffsets[c] != c) {
                    return false;
                }
            }
            return true;
        }
    }

    private PixelReader() {
    }

    static Pixels read(BufferedImage image) {
        ColorModel cm = image.getColorModel();
        if (isPlainComponentImage(cm)) {
            return readComponents(image.getRaster(), cm);
        }
        return readComponents(drawOnWhite(image).getRaster(), null);
    }

    private static boolean isPlainComponentImage(ColorModel cm) {
        if (!(cm instanceof ComponentColorModel)) {
            return false;
        }
        int transfer = cm.getTransferType();
        if (transfer != DataBuffer.TYPE_BYTE && transfer != DataBuffer.TYPE_USHORT) {
            return false;
        }
        ColorSpace cs = cm.getColorSpace();
        return cs.getType() == ColorSpace.TYPE_GRAY && cm.getNumColorComponents() == 1
                || cs.isCS_sRGB() && cm.getNumColorComponents() == 3;
    }

    private static BufferedImage drawOnWhite(BufferedImage image) {
        BufferedImage canvas = new BufferedImage(image.getWidth(), image.getHeight(), BufferedImage.TYPE_3BYTE_BGR);
        Graphics2D g = canvas.createGraphics();
        try {
            g.setColor(Color.WHITE);
            g.fillRect(0, 0, image.getWidth(), image.getHeight());
            g.drawImage(image, 0, 0, null);
        } finally {
            g.dispose();
        }
        return canvas;
    }

    /** Reads a byte/ushort component raster whose bands are the colour components, then (optionally) alpha. */
    private static Pixels readComponents(Raster raster, ColorModel cm) {
        int width = raster.getWidth();
        int height = raster.getHeight();
        int colours = cm == null ? 3 : cm.getNumColorComponents();
        boolean alpha = cm != null && cm.hasAlpha();
        if (!alpha && raster.getNumBands() == colours && isOneBytePerSample(raster)) {
            Pixels direct = sharedBuffer(raster, colours);
            if (direct != null) {
                return direct;
            }
            // Bands are already R, G, B or gray bytes, but not laid out as one plain array.
            byte[] out = new byte[width * height * colours];
            byte[] row = new byte[width * colours];
            for (int y = 0; y < height; y++) {
                raster.getDataElements(0, y, width, 1, row);
                System.arraycopy(row, 0, out, y * row.length, row.length);
            }
            return new Pixels(out, width, height, colours);
        }
        byte[] out = new byte[width * height * colours];
        readScaled(raster, cm, colours, alpha, out);
        return new Pixels(out, width, height, colours);
    }

    /**
     * The raster's own array when it is one plain interleaved block (what JPEG and 8-bit PNG decoders return):
     * the resampler reads it in place, sparing a copy of every decoded image.
     */
    private static Pixels sharedBuffer(Raster raster, int colours) {
        if (!(raster.getDataBuffer() instanceof DataBufferByte buffer) || buffer.getNumBanks() != 1
                || buffer.getOffset() != 0 || raster.getSampleModelTranslateX() != 0
                || raster.getSampleModelTranslateY() != 0
                || !(raster.getSampleModel() instanceof PixelInterleavedSampleModel model)
                || model.getPixelStride() != colours || model.getScanlineStride() != raster.getWidth() * colours) {
            return null;
        }
        int[] offsets = model.getBandOffsets();
        int[] sorted = offsets.clone();
        Arrays.sort(sorted);
        for (int c = 0; c < colours; c++) {
            if (sorted[c] != c) {
                return null;
            }
        }
        return new Pixels(buffer.getData(), raster.getWidth(), raster.getHeight(), colours, offsets);
    }

    /** True for plain 8-bit samples; false for 16-bit and for packed 1/2/4-bit gray (PNG bit depths below 8). */
    private static boolean isOneBytePerSample(Raster raster) {
        if (raster.getTransferType() != DataBuffer.TYPE_BYTE) {
            return false;
        }
        for (int size : raster.getSampleModel().getSampleSize()) {
            if (size != 8) {
                return false;
            }
        }
        return true;
    }

    private static void readScaled(Raster raster, ColorModel cm, int colours, boolean alpha, byte[] out) {
        int width = raster.getWidth();
        int bands = raster.getNumBands();
        double[] max = new double[bands];
        for (int b = 0; b < bands; b++) {
            max[b] = (1 << raster.getSampleModel().getSampleSize(b)) - 1;
        }
        boolean premultiplied = cm != null && cm.isAlphaPremultiplied();
        int[] row = new int[width * bands];
        for (int y = 0; y < raster.getHeight(); y++) {
            raster.getPixels(0, y, width, 1, row);
            for (int x = 0; x < width; x++) {
                double a = alpha ? row[x * bands + colours] / max[colours] : 1.0;
                for (int c = 0; c < colours; c++) {
                    double v = row[x * bands + c] / max[c] * 255.0;
                    // Composite on white: straight alpha scales the colour, premultiplied already did.
                    double composed = (premultiplied ? v : v * a) + 255.0 * (1.0 - a);
                    out[(y * width + x) * colours + c] = (byte) Math.max(0, Math.min(255, Math.round(composed)));
                }
            }
        }
    }
}
