package io.mmdcstudio.engine.data;

import static io.mmdcstudio.engine.data.TestImages.rgb;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.Transparency;
import java.awt.color.ColorSpace;
import java.awt.image.BufferedImage;
import java.awt.image.ComponentColorModel;
import java.awt.image.DataBuffer;
import java.awt.image.IndexColorModel;
import java.awt.image.WritableRaster;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Base64;
import javax.imageio.IIOImage;
import javax.imageio.ImageIO;
import javax.imageio.ImageTypeSpecifier;
import javax.imageio.ImageWriteParam;
import javax.imageio.ImageWriter;
import javax.imageio.metadata.IIOMetadata;
import javax.imageio.plugins.tiff.BaselineTIFFTagSet;
import javax.imageio.plugins.tiff.TIFFDirectory;
import javax.imageio.plugins.tiff.TIFFField;
import javax.imageio.stream.ImageOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Formats and colour models: each decodes to the colours a viewer would show. */
class ImageDecodingTest {

    @TempDir
    Path root;

    private ImageDataset loadOne(Path file, int size) throws DataException {
        ImageDataset d = DatasetLoader.load(file.getParent(), TestImages.options(size, null));
        assertEquals(1, d.size(), () -> "skipped: " + d.skipped());
        return d;
    }

    private static void assertColour(int[] expected, int[] actual, int tolerance) {
        for (int c = 0; c < 3; c++) {
            int diff = Math.abs(expected[c] - actual[c]);
            assertTrue(diff <= tolerance, () -> String.format("expected ~%s, got %s",
                    Arrays.toString(expected), Arrays.toString(actual)));
        }
    }

    @Test
    void compositesTransparentPixelsOnWhite() throws Exception {
        BufferedImage image = new BufferedImage(16, 16, BufferedImage.TYPE_INT_ARGB);
        for (int y = 0; y < 16; y++) {
            for (int x = 0; x < 16; x++) {
                image.setRGB(x, y, x < 8 ? 0x00FF0000 : 0x80000000); // transparent red | half-opaque black
            }
        }
        ImageDataset d = loadOne(TestImages.write(image, "png", root.resolve("alpha.png")), 16);

        assertEquals(1, d.channels(), "white and gray are gray");
        assertColour(new int[] {255, 255, 255}, rgb(d, 0, 3, 8), 0);
        assertColour(new int[] {127, 127, 127}, rgb(d, 0, 12, 8), 1);
    }

    @Test
    void convertsAdobeCmykJpegToRgb() throws Exception {
        byte[] cmyk = TestImages.cmykJpeg(32, 16, new int[] {0, 0, 0, 0}, new int[] {255, 0, 0, 0});
        Path file = Files.write(root.resolve("cmyk.jpg"), cmyk);

        ImageDataset d = loadOne(file, 16);

        assertColour(new int[] {255, 255, 255}, rgb(d, 0, 2, 8), 8);
        int[] cyan = rgb(d, 0, 13, 8);
        assertTrue(cyan[0] < 60 && cyan[1] > 150 && cyan[2] > 200, () -> "not cyan: " + Arrays.toString(cyan));
    }

    /** A 40×20 picture whose centre square has red in its top-left quadrant. */
    private static BufferedImage redCornerPicture() {
        BufferedImage image = TestImages.solid(40, 20, Color.WHITE);
        Graphics2D g = image.createGraphics();
        g.setColor(Color.RED);
        g.fillRect(10, 0, 10, 10);
        g.dispose();
        return image;
    }

    /** {@link #redCornerPicture()} as a JPEG, stored with an EXIF orientation. */
    private ImageDataset loadOriented(int orientation) throws Exception {
        byte[] jpeg = TestImages.jpeg(redCornerPicture());
        Path file = Files.write(root.resolve("photo" + orientation + ".jpg"),
                orientation == 1 ? jpeg : TestImages.withExifOrientation(jpeg, orientation));
        return loadOne(file, 20);
    }

    private static boolean isRed(int[] rgb) {
        return rgb[0] > 200 && rgb[1] < 60 && rgb[2] < 60;
    }

    @Test
    void leavesAnImageWithoutExifOrientationAsStored() throws Exception {
        ImageDataset d = loadOriented(1);

        assertTrue(isRed(rgb(d, 0, 5, 5)));
        assertTrue(!isRed(rgb(d, 0, 15, 5)) && !isRed(rgb(d, 0, 5, 15)));
    }

    @Test
    void rotatesClockwiseForExifOrientation6() throws Exception {
        ImageDataset d = loadOriented(6);

        assertTrue(isRed(rgb(d, 0, 15, 5)), "top-left corner moved to the top right");
        assertTrue(!isRed(rgb(d, 0, 5, 5)) && !isRed(rgb(d, 0, 5, 15)));
    }

    @Test
    void rotatesCounterClockwiseForExifOrientation8() throws Exception {
        ImageDataset d = loadOriented(8);

        assertTrue(isRed(rgb(d, 0, 5, 15)), "top-left corner moved to the bottom left");
        assertTrue(!isRed(rgb(d, 0, 5, 5)) && !isRed(rgb(d, 0, 15, 5)));
    }

    @Test
    void honoursExifOrientationInPngToo() throws Exception {
        byte[] png = TestImages.pngWithExifOrientation(TestImages.encode(redCornerPicture(), "png"), 6);
        ImageDataset d = loadOne(Files.write(root.resolve("rotated.png"), png), 20);

        assertArrayEquals(new int[] {255, 0, 0}, rgb(d, 0, 15, 5), "top-left corner moved to the top right");
        assertArrayEquals(new int[] {255, 255, 255}, rgb(d, 0, 5, 5));
    }

    /**
     * {@link #redCornerPicture()} as lossless WebP with an EXIF chunk holding orientation 6. No pure-Java WebP
     * writer exists, so the 108 bytes were made once with libwebp: {@code cwebp -lossless pic.ppm -o pic.webp;
     * webpmux -set exif exif.bin pic.webp -o pic6.webp}, exif.bin being the TIFF structure of
     * {@code TestImages.withExifOrientation}.
     */
    private static final String WEBP_ORIENTATION_6 = "UklGRmQAAABXRUJQVlA4WAoAAAAIAAAAJwAAEwAAVlA4TCMAAAAvJ8AEAA8w//M///MfWlDUtg3Ugz/XMsh/IxDR/wmgg2sPAQBFWElGGgAAAE1NACoAAAAIAAEBEgADAAAAAQAGAAAAAAAA";

    @Test
    void decodesWebpAndHonoursItsExifOrientation() throws Exception {
        byte[] webp = Base64.getDecoder().decode(WEBP_ORIENTATION_6);
        ImageDataset d = loadOne(Files.write(root.resolve("photo.webp"), webp), 20);

        assertArrayEquals(new int[] {255, 0, 0}, rgb(d, 0, 15, 5), "top-left corner moved to the top right");
        assertArrayEquals(new int[] {255, 255, 255}, rgb(d, 0, 5, 5));
    }

    @Test
    void honoursTheTiffOrientationTag() throws Exception {
        Path file = root.resolve("rotated.tif");
        writeTiffWithOrientation(redCornerPicture(), 8, file);

        ImageDataset d = loadOne(file, 20);

        assertArrayEquals(new int[] {255, 0, 0}, rgb(d, 0, 5, 15), "top-left corner moved to the bottom left");
        assertArrayEquals(new int[] {255, 255, 255}, rgb(d, 0, 5, 5));
    }

    /** The JDK's TIFF writer takes extra IFD fields through {@link TIFFDirectory}. */
    private static void writeTiffWithOrientation(BufferedImage image, int orientation, Path file) throws Exception {
        ImageWriter writer = null;
        for (var it = ImageIO.getImageWritersByFormatName("tiff"); it.hasNext(); ) {
            ImageWriter candidate = it.next();
            if (candidate.getClass().getName().startsWith("com.sun.")) {
                writer = candidate;
            }
        }
        assertTrue(writer != null, "the JDK's TIFF writer");
        ImageWriteParam param = writer.getDefaultWriteParam();
        IIOMetadata defaults = writer.getDefaultImageMetadata(new ImageTypeSpecifier(image), param);
        TIFFDirectory ifd = TIFFDirectory.createFromMetadata(defaults);
        ifd.addTIFFField(new TIFFField(
                BaselineTIFFTagSet.getInstance().getTag(BaselineTIFFTagSet.TAG_ORIENTATION), orientation));
        try (ImageOutputStream out = ImageIO.createImageOutputStream(file.toFile())) {
            writer.setOutput(out);
            writer.write(null, new IIOImage(image, null, ifd.getAsMetadata()), param);
        } finally {
            writer.dispose();
        }
    }

    @Test
    void readsGrayPngValuesAsStoredNotAsLinearLight() throws Exception {
        BufferedImage gray = new BufferedImage(8, 8, BufferedImage.TYPE_BYTE_GRAY);
        WritableRaster raster = gray.getRaster();
        for (int y = 0; y < 8; y++) {
            for (int x = 0; x < 8; x++) {
                raster.setSample(x, y, 0, 100);
            }
        }
        ImageDataset d = loadOne(TestImages.write(gray, "png", root.resolve("gray.png")), 8);

        assertEquals(1, d.channels());
        assertEquals(100, TestImages.pixel(d, 0, 0, 4, 4));
    }

    @Test
    void scalesSixteenBitGrayAndRgbToEightBits() throws Exception {
        BufferedImage gray16 = new BufferedImage(8, 8, BufferedImage.TYPE_USHORT_GRAY);
        fill(gray16.getRaster(), 0x8080);
        ComponentColorModel rgb16Model = new ComponentColorModel(ColorSpace.getInstance(ColorSpace.CS_sRGB),
                new int[] {16, 16, 16}, false, false, Transparency.OPAQUE, DataBuffer.TYPE_USHORT);
        BufferedImage rgb16 = new BufferedImage(rgb16Model, rgb16Model.createCompatibleWritableRaster(8, 8),
                false, null);
        fill(rgb16.getRaster(), 0xFFFF, 0x8080, 0);
        TestImages.write(gray16, "png", root.resolve("gray16.png"));
        TestImages.write(rgb16, "png", root.resolve("rgb16.png"));

        ImageDataset d = DatasetLoader.load(root, TestImages.options(8, null));

        assertEquals(2, d.size(), () -> "skipped: " + d.skipped());
        assertColour(new int[] {128, 128, 128}, rgb(d, TestImages.indexOf(d, "gray16.png"), 4, 4), 0);
        assertColour(new int[] {255, 128, 0}, rgb(d, TestImages.indexOf(d, "rgb16.png"), 4, 4), 0);
    }

    private static void fill(WritableRaster raster, int... bands) {
        for (int y = 0; y < raster.getHeight(); y++) {
            for (int x = 0; x < raster.getWidth(); x++) {
                raster.setPixel(x, y, bands);
            }
        }
    }

    @Test
    void decodesPaletteImagesAndTakesTheFirstGifFrame() throws Exception {
        byte[] r = {(byte) 255, 0};
        byte[] g = {0, 0};
        byte[] b = {0, (byte) 255};
        IndexColorModel palette = new IndexColorModel(1, 2, r, g, b);
        BufferedImage red = new BufferedImage(8, 8, BufferedImage.TYPE_BYTE_BINARY, palette);
        BufferedImage blue = new BufferedImage(8, 8, BufferedImage.TYPE_BYTE_BINARY, palette);
        fill(blue.getRaster(), 1);
        writeTwoFrameGif(root.resolve("anim.gif"), red, blue);

        ImageDataset d = loadOne(root.resolve("anim.gif"), 8);

        assertColour(new int[] {255, 0, 0}, rgb(d, 0, 4, 4), 0);
    }

    private static void writeTwoFrameGif(Path file, BufferedImage first, BufferedImage second) throws Exception {
        ImageWriter writer = ImageIO.getImageWritersByFormatName("gif").next();
        try (ImageOutputStream out = ImageIO.createImageOutputStream(file.toFile())) {
            writer.setOutput(out);
            writer.prepareWriteSequence(null);
            writer.writeToSequence(new IIOImage(first, null, null), null);
            writer.writeToSequence(new IIOImage(second, null, null), null);
            writer.endWriteSequence();
        } finally {
            writer.dispose();
        }
    }

    @Test
    void decodesBmpAndTiff() throws Exception {
        TestImages.write(TestImages.solid(12, 12, new Color(10, 200, 30)), "bmp", root.resolve("x.bmp"));
        TestImages.write(TestImages.solid(12, 12, new Color(200, 10, 30)), "tiff", root.resolve("y.TIF"));

        ImageDataset d = DatasetLoader.load(root, TestImages.options(6, null));

        assertEquals(2, d.size(), () -> "skipped: " + d.skipped());
        assertColour(new int[] {10, 200, 30}, rgb(d, 0, 3, 3), 0);
        assertColour(new int[] {200, 10, 30}, rgb(d, 1, 3, 3), 0);
    }

    @Test
    void scalesTheShorterSideAndCropsTheCentre() throws Exception {
        // 60×20: left third blue, middle third green, right third red. The centre square is all green.
        BufferedImage image = TestImages.solid(60, 20, Color.BLUE);
        Graphics2D g = image.createGraphics();
        g.setColor(Color.GREEN);
        g.fillRect(20, 0, 20, 20);
        g.setColor(Color.RED);
        g.fillRect(40, 0, 20, 20);
        g.dispose();

        ImageDataset d = loadOne(TestImages.write(image, "png", root.resolve("wide.png")), 10);

        for (int x = 0; x < 10; x++) {
            assertArrayEquals(new int[] {0, 255, 0}, rgb(d, 0, x, 5));
        }
    }

    @Test
    void downscalesALargeImageWithSubsamplingToTheRightColours() throws Exception {
        BufferedImage image = TestImages.solid(2000, 1500, Color.WHITE);
        Graphics2D g = image.createGraphics();
        g.setColor(Color.BLACK);
        g.fillRect(250, 0, 750, 1500); // left half of the centre 1500×1500 square
        g.dispose();
        Path file = Files.write(root.resolve("big.jpg"), TestImages.jpeg(image));

        ImageDataset d = loadOne(file, 16);

        assertColour(new int[] {0, 0, 0}, rgb(d, 0, 3, 8), 4);
        assertColour(new int[] {255, 255, 255}, rgb(d, 0, 12, 8), 4);
    }

    @Test
    void skipsImagesAboveTheConfiguredPixelLimit() throws Exception {
        TestImages.write(TestImages.solid(30, 20, Color.RED), "png", root.resolve("big.png"));
        TestImages.write(TestImages.solid(10, 10, Color.RED), "png", root.resolve("small.png"));

        ImageDataset d = DatasetLoader.load(root, TestImages.options(8, null).withMaxPixels(500));

        assertEquals(1, d.size());
        assertEquals("image too large: 30×20 pixels, limit 0.0005 MP", d.skipped().get(0).reason());
    }
}
