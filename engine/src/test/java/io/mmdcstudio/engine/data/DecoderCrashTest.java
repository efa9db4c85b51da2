package io.mmdcstudio.engine.data;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.awt.Color;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import javax.imageio.ImageReadParam;
import javax.imageio.ImageReader;
import javax.imageio.ImageTypeSpecifier;
import javax.imageio.metadata.IIOMetadata;
import javax.imageio.spi.IIORegistry;
import javax.imageio.spi.ImageReaderSpi;
import javax.imageio.stream.ImageInputStream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A decoder that crashes costs one file, not the run. A reader plugged into ImageIO for files starting with
 * "CRASH" throws what buggy decoders throw on hostile input.
 */
class DecoderCrashTest {

    private static final CrashingReaderSpi SPI = new CrashingReaderSpi();

    @TempDir
    Path root;

    @BeforeAll
    static void plugInTheCrashingReader() {
        ImageDecoder.SkipReasons.megapixels(1); // loads ImageDecoder, whose plugin scan must not drop our reader
        IIORegistry.getDefaultInstance().registerServiceProvider(SPI, ImageReaderSpi.class);
    }

    @AfterAll
    static void unplugIt() {
        IIORegistry.getDefaultInstance().deregisterServiceProvider(SPI, ImageReaderSpi.class);
    }

    @Test
    void skipsFilesWhoseDecoderThrowsOrRunsOutOfMemory() throws Exception {
        TestImages.write(TestImages.solid(8, 8, Color.RED), "png", root.resolve("good.png"));
        Files.writeString(root.resolve("npe.jpg"), "CRASH npe");
        Files.writeString(root.resolve("oom.jpg"), "CRASH oom");

        ImageDataset d = DatasetLoader.load(root, TestImages.options(8, null));

        assertEquals(List.of(root.resolve("good.png").toString()), d.items());
        assertEquals(List.of(
                new SkippedFile(root.resolve("npe.jpg").toString(),
                        "decoder failed: NullPointerException: simulated decoder bug"),
                new SkippedFile(root.resolve("oom.jpg").toString(), "not enough memory to decode this image")),
                d.skipped());
    }

    /** Claims streams that start with "CRASH". */
    private static final class CrashingReaderSpi extends ImageReaderSpi {
        CrashingReaderSpi() {
            super("test", "1", new String[] {"crash"}, new String[] {"jpg"}, new String[0],
                    CrashingReader.class.getName(), new Class<?>[] {ImageInputStream.class}, null, false, null, null,
                    null, null, false, null, null, null, null);
        }

        @Override
        public boolean canDecodeInput(Object source) throws IOException {
            ImageInputStream in = (ImageInputStream) source;
            byte[] head = new byte[5];
            in.mark();
            try {
                in.readFully(head);
            } catch (IOException e) {
                return false;
            } finally {
                in.reset();
            }
            return new String(head, StandardCharsets.US_ASCII).equals("CRASH");
        }

        @Override
        public ImageReader createReaderInstance(Object extension) {
            return new CrashingReader(this);
        }

        @Override
        public String getDescription(Locale locale) {
            return "crashes on purpose";
        }
    }

    /** Reports a tiny image, then fails to decode it the way the file's text says. */
    private static final class CrashingReader extends ImageReader {
        CrashingReader(ImageReaderSpi spi) {
            super(spi);
        }

        @Override
        public int getNumImages(boolean allowSearch) {
            return 1;
        }

        @Override
        public int getWidth(int imageIndex) {
            return 8;
        }

        @Override
        public int getHeight(int imageIndex) {
            return 8;
        }

        @Override
        public Iterator<ImageTypeSpecifier> getImageTypes(int imageIndex) {
            return List.of(ImageTypeSpecifier.createFromBufferedImageType(BufferedImage.TYPE_INT_RGB)).iterator();
        }

        @Override
        public IIOMetadata getStreamMetadata() {
            return null;
        }

        @Override
        public IIOMetadata getImageMetadata(int imageIndex) {
            return null;
        }

        @Override
        public BufferedImage read(int imageIndex, ImageReadParam param) throws IOException {
            ImageInputStream in = (ImageInputStream) getInput();
            in.seek(0);
            String text = in.readLine();
            if (text.endsWith("oom")) {
                throw new OutOfMemoryError("simulated");
            }
            throw new NullPointerException("simulated decoder bug");
        }
    }
}
