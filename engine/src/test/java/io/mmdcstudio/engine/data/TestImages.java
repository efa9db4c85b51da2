package io.mmdcstudio.engine.data;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.awt.image.DataBuffer;
import java.awt.image.Raster;
import java.awt.image.WritableRaster;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Random;
import java.util.zip.CRC32;
import java.util.zip.GZIPOutputStream;
import javax.imageio.IIOImage;
import javax.imageio.ImageIO;
import javax.imageio.ImageWriteParam;
import javax.imageio.ImageWriter;
import javax.imageio.stream.ImageOutputStream;

/** Builds test images and files byte by byte, so that every hostile case is produced by the tests themselves. */
final class TestImages {

    private TestImages() {
    }

    /** An opaque RGB image filled with one colour. */
    static BufferedImage solid(int width, int height, Color color) {
        BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = image.createGraphics();
        g.setColor(color);
        g.fillRect(0, 0, width, height);
        g.dispose();
        return image;
    }

    /** Random colour noise: compresses badly, so a JPEG of it has plenty of entropy-coded data to cut. */
    static BufferedImage noise(int width, int height, long seed) {
        Random random = new Random(seed);
        BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
        for (int y = 0; y < height; y++) {
            for (int x = 0; x < width; x++) {
                image.setRGB(x, y, random.nextInt(0x1000000));
            }
        }
        return image;
    }

    static Path write(BufferedImage image, String format, Path file) throws IOException {
        Files.createDirectories(file.toAbsolutePath().getParent());
        if (!ImageIO.write(image, format, file.toFile())) {
            throw new IOException("no writer for " + format);
        }
        return file;
    }

    /** JPEG bytes at high quality, so colours survive well enough for exact-ish checks. */
    static byte[] jpeg(BufferedImage image) throws IOException {
        ImageWriter writer = ImageIO.getImageWritersByFormatName("jpeg").next();
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ImageOutputStream out = ImageIO.createImageOutputStream(bytes)) {
            writer.setOutput(out);
            ImageWriteParam param = writer.getDefaultWriteParam();
            param.setCompressionMode(ImageWriteParam.MODE_EXPLICIT);
            param.setCompressionQuality(0.95f);
            writer.write(null, new IIOImage(image, null, null), param);
        } finally {
            writer.dispose();
        }
        return bytes.toByteArray();
    }

    /**
     * Inserts an APP1 Exif segment holding only IFD0 tag 0x0112 (orientation) into a JPEG, after SOI and after
     * the JFIF APP0 segment if there is one.
     */
    static byte[] withExifOrientation(byte[] jpeg, int orientation) {
        byte[] exif = concat("Exif\0\0".getBytes(StandardCharsets.US_ASCII), exifTiff(orientation));
        return insertSegment(jpeg, 0xE1, exif);
    }

    /** Inserts an eXIf chunk (PNG 1.5) with the orientation tag right after a PNG's IHDR chunk. */
    static byte[] pngWithExifOrientation(byte[] png, int orientation) {
        byte[] tiff = exifTiff(orientation);
        ByteBuffer chunk = ByteBuffer.allocate(4 + 4 + tiff.length + 4);
        chunk.putInt(tiff.length).put("eXIf".getBytes(StandardCharsets.US_ASCII)).put(tiff);
        CRC32 crc = new CRC32();
        crc.update(chunk.array(), 4, 4 + tiff.length);
        chunk.putInt((int) crc.getValue());
        int afterIhdr = 8 + 4 + 4 + 13 + 4;
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.write(png, 0, afterIhdr);
        out.writeBytes(chunk.array());
        out.write(png, afterIhdr, png.length - afterIhdr);
        return out.toByteArray();
    }

    /** A big-endian TIFF structure whose IFD0 holds only the orientation tag. */
    private static byte[] exifTiff(int orientation) {
        ByteBuffer tiff = ByteBuffer.allocate(26);
        tiff.put("MM".getBytes(StandardCharsets.US_ASCII)).putShort((short) 42).putInt(8); // header, IFD0 at 8
        tiff.putShort((short) 1); // one entry
        tiff.putShort((short) 0x0112).putShort((short) 3).putInt(1).putShort((short) orientation).putShort((short) 0);
        tiff.putInt(0); // no next IFD
        return tiff.array();
    }

    static byte[] encode(BufferedImage image, String format) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        if (!ImageIO.write(image, format, bytes)) {
            throw new IOException("no writer for " + format);
        }
        return bytes.toByteArray();
    }

    /**
     * A CMYK JPEG: the JPEG writer writes a 4-band raster as-is, and an Adobe APP14 marker (transform 0) tells
     * readers that the four components are CMYK, stored inverted as Photoshop does (255 = no ink). {@code ink}
     * gives C, M, Y, K ink (0..255) for the left and right halves.
     */
    static byte[] cmykJpeg(int width, int height, int[] leftInk, int[] rightInk) throws IOException {
        WritableRaster raster = Raster.createInterleavedRaster(DataBuffer.TYPE_BYTE, width, height, 4, null);
        for (int y = 0; y < height; y++) {
            for (int x = 0; x < width; x++) {
                int[] ink = x < width / 2 ? leftInk : rightInk;
                raster.setPixel(x, y, new int[] {255 - ink[0], 255 - ink[1], 255 - ink[2], 255 - ink[3]});
            }
        }
        ImageWriter writer = ImageIO.getImageWritersByFormatName("jpeg").next();
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ImageOutputStream out = ImageIO.createImageOutputStream(bytes)) {
            writer.setOutput(out);
            writer.write(null, new IIOImage(raster, null, null), null);
        } finally {
            writer.dispose();
        }
        byte[] adobe = {'A', 'd', 'o', 'b', 'e', 0, 100, 0, 0, 0, 0, 0};
        return insertSegment(bytes.toByteArray(), 0xEE, adobe);
    }

    private static byte[] insertSegment(byte[] jpeg, int marker, byte[] payload) {
        int at = 2;
        if ((jpeg[2] & 0xFF) == 0xFF && (jpeg[3] & 0xFF) == 0xE0) {
            at = 4 + (((jpeg[4] & 0xFF) << 8) | (jpeg[5] & 0xFF));
        }
        int length = payload.length + 2;
        byte[] segment = concat(new byte[] {(byte) 0xFF, (byte) marker, (byte) (length >> 8), (byte) length}, payload);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.write(jpeg, 0, at);
        out.writeBytes(segment);
        out.write(jpeg, at, jpeg.length - at);
        return out.toByteArray();
    }

    /** A PNG signature and a valid IHDR claiming {@code width × height} pixels, then garbage instead of data. */
    static byte[] pngHeaderOnly(int width, int height) {
        ByteBuffer ihdr = ByteBuffer.allocate(17);
        ihdr.put("IHDR".getBytes(StandardCharsets.US_ASCII)).putInt(width).putInt(height)
                .put((byte) 8).put((byte) 2).put((byte) 0).put((byte) 0).put((byte) 0);
        CRC32 crc = new CRC32();
        crc.update(ihdr.array());
        ByteBuffer png = ByteBuffer.allocate(8 + 4 + 17 + 4 + 64);
        png.put(new byte[] {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1A, '\n'});
        png.putInt(13).put(ihdr.array()).putInt((int) crc.getValue());
        new Random(1).ints(64).forEach(i -> png.put((byte) i));
        return png.array();
    }

    /** IDX bytes: magic 0x000008DD, the sizes, the data. */
    static byte[] idx(int[] dims, byte[] data) {
        ByteBuffer buffer = ByteBuffer.allocate(4 + 4 * dims.length + data.length);
        buffer.putInt(0x0800 | dims.length);
        for (int d : dims) {
            buffer.putInt(d);
        }
        return buffer.put(data).array();
    }

    static byte[] gzip(byte[] data) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (GZIPOutputStream out = new GZIPOutputStream(bytes)) {
            out.write(data);
        }
        return bytes.toByteArray();
    }

    static byte[] concat(byte[] a, byte[] b) {
        byte[] out = new byte[a.length + b.length];
        System.arraycopy(a, 0, out, 0, a.length);
        System.arraycopy(b, 0, out, a.length, b.length);
        return out;
    }

    /** Channel {@code c} at (x, y) of image {@code i} of a dataset, as 0..255. */
    static int pixel(ImageDataset d, int i, int c, int x, int y) {
        return d.pixels()[((i * d.channels() + c) * d.height() + y) * d.width() + x] & 0xFF;
    }

    /** R, G, B at (x, y) of image {@code i} (gray datasets repeat the one channel). */
    static int[] rgb(ImageDataset d, int i, int x, int y) {
        int[] out = new int[3];
        for (int c = 0; c < 3; c++) {
            out[c] = pixel(d, i, d.channels() == 3 ? c : 0, x, y);
        }
        return out;
    }

    /** Options for tests: AUTO everything, the given cache folder (null: none), two threads. */
    static LoadOptions options(int size, Path cacheDir) {
        return LoadOptions.defaults(size).withCacheDir(cacheDir).withThreads(2);
    }

    /** The index of the item whose path ends with {@code suffix}. */
    static int indexOf(ImageDataset d, String suffix) {
        for (int i = 0; i < d.size(); i++) {
            if (d.items().get(i).endsWith(suffix)) {
                return i;
            }
        }
        throw new AssertionError("no item ends with " + suffix + " in " + d.items());
    }
}
