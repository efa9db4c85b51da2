package io.mmdcstudio.engine.data;

import java.awt.image.BufferedImage;
import java.io.EOFException;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.channels.SeekableByteChannel;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Iterator;
import java.util.Locale;
import javax.imageio.IIOException;
import javax.imageio.ImageIO;
import javax.imageio.ImageReadParam;
import javax.imageio.ImageReader;
import javax.imageio.event.IIOReadWarningListener;
import javax.imageio.stream.ImageInputStream;

/**
 * Decodes one image file into a square, oriented, planar uint8 image. Never throws for bad input: every problem
 * becomes a {@link Decoded.Failure} with a reason for the user. Thread-safe (one reader per call).
 */
final class ImageDecoder {

    /**
     * Subsample while decoding as long as the shorter side stays at least this many times the target size:
     * decoding a 640×480 JPEG for 64 px with 3× subsampling takes less than half the time and a ninth of the
     * memory, and the area-averaging pass still has two or more source pixels per output pixel to smooth aliasing.
     */
    static final int SUBSAMPLING_MARGIN = 2;

    static {
        // TwelveMonkeys' readers (CMYK JPEG, TIFF, WebP) register through the service loader of this class path.
        ImageIO.scanForPlugins();
    }

    private final int size;
    private final long maxPixels;

    ImageDecoder(int size, long maxPixels) {
        this.size = size;
        this.maxPixels = maxPixels;
    }

    /** Decodes {@code file}, whose size in bytes the caller already knows from the folder scan. */
    Decoded decode(Path file, long fileSize) {
        if (fileSize == 0) {
            return new Decoded.Failure("empty file (0 bytes)", true);
        }
        try {
            checkReadable(file);
            try (ImageInputStream in = ImageIO.createImageInputStream(file.toFile())) {
                return decode(file, in);
            }
        } catch (IOException e) {
            return SkipReasons.forIoException(e);
        } catch (OutOfMemoryError e) {
            return new Decoded.Failure("not enough memory to decode this image", false);
        } catch (RuntimeException | StackOverflowError e) {
            // Decoders throw all sorts of unchecked exceptions on hostile input; that costs one file, not the run.
            return new Decoded.Failure("decoder failed: " + SkipReasons.describe(e), true);
        }
    }

    /** ImageIO turns an unreadable file into a vague "can't create cache file"; opening it ourselves says why. */
    private static void checkReadable(Path file) throws IOException {
        SeekableByteChannel channel = Files.newByteChannel(file);
        channel.close();
    }

    private Decoded decode(Path file, ImageInputStream in) throws IOException {
        if (in == null) {
            throw new NoSuchFileException(file.toString());
        }
        Iterator<ImageReader> readers = ImageIO.getImageReaders(in);
        if (!readers.hasNext()) {
            return new Decoded.Failure("not an image: the content matches no supported image format", true);
        }
        ImageReader reader = readers.next();
        try {
            reader.setInput(in, true, true);
            return decode(file, reader);
        } finally {
            reader.dispose();
        }
    }

    private Decoded decode(Path file, ImageReader reader) throws IOException {
        int width = reader.getWidth(0);
        int height = reader.getHeight(0);
        if (width < 1 || height < 1) {
            return new Decoded.Failure("corrupt image: it declares " + width + "×" + height + " pixels", true);
        }
        if ((long) width * height > maxPixels) {
            return new Decoded.Failure(tooLarge(width, height), false);
        }
        TruncationWatch watch = new TruncationWatch();
        reader.addIIOReadWarningListener(watch);
        ImageReadParam param = reader.getDefaultReadParam();
        int factor = subsampling(width, height);
        if (factor > 1) {
            param.setSourceSubsampling(factor, factor, 0, 0);
        }
        BufferedImage image = reader.read(0, param);
        if (watch.truncated) {
            return new Decoded.Failure("truncated file: the image data ends early", true);
        }
        return toSquare(image, Orientation.read(file, reader.getFormatName()));
    }

    private int subsampling(int width, int height) {
        return Math.max(1, Math.min(width, height) / (size * SUBSAMPLING_MARGIN));
    }

    private Decoded.Image toSquare(BufferedImage image, int orientation) {
        PixelReader.Pixels pixels = PixelReader.read(image);
        int channels = pixels.channels();
        byte[] chw = Orientation.apply(pixels.toSquare(size), channels, size, orientation);
        if (channels == 3 && planesEqual(chw, size * size)) {
            // Gray content stored as RGB or as a gray palette counts as gray for ChannelMode.AUTO.
            return new Decoded.Image(1, Arrays.copyOf(chw, size * size));
        }
        return new Decoded.Image(channels, chw);
    }

    private static boolean planesEqual(byte[] chw, int plane) {
        for (int i = 0; i < plane; i++) {
            if (chw[i] != chw[plane + i] || chw[i] != chw[2 * plane + i]) {
                return false;
            }
        }
        return true;
    }

    private String tooLarge(int width, int height) {
        return String.format(Locale.ROOT, "image too large: %d×%d pixels, limit %s MP", width, height,
                SkipReasons.megapixels(maxPixels));
    }

    /**
     * JPEG decoders return a half-grey picture for truncated files and only say so in a warning; such an image
     * would poison the clustering, so it counts as unusable. Milder warnings (extraneous bytes, a missing ICC
     * profile) leave a good image and are ignored.
     */
    private static final class TruncationWatch implements IIOReadWarningListener {
        boolean truncated;

        @Override
        public void warningOccurred(ImageReader source, String warning) {
            String w = warning == null ? "" : warning.toLowerCase(Locale.ROOT);
            if (w.contains("premature end") || w.contains("truncated")) {
                truncated = true;
            }
        }
    }

    /** Reasons for I/O failures, kept apart so they can be tested without a file that root cannot read. */
    static final class SkipReasons {
        private SkipReasons() {
        }

        static Decoded.Failure forIoException(IOException e) {
            if (e instanceof AccessDeniedException) {
                return new Decoded.Failure("cannot read file: permission denied", false);
            }
            if (e instanceof NoSuchFileException) {
                return new Decoded.Failure("file disappeared while loading", false);
            }
            if (e instanceof FileSystemException fse) {
                return new Decoded.Failure("cannot read file: " + fse.getReason(), false);
            }
            if (hasCause(e, EOFException.class)) {
                return new Decoded.Failure("truncated file: the image data ends early", true);
            }
            if (e instanceof IIOException) {
                String message = e.getMessage();
                return new Decoded.Failure("corrupt image: "
                        + (message == null || message.isBlank() ? describe(e) : message), true);
            }
            return new Decoded.Failure("cannot read file: " + describe(e), false);
        }

        static String describe(Throwable e) {
            String message = e.getMessage();
            Throwable cause = e.getCause();
            if ((message == null || message.isBlank()) && cause != null && cause != e) {
                return describe(cause);
            }
            String name = e.getClass().getSimpleName();
            return message == null || message.isBlank() ? name : name + ": " + message;
        }

        /** 100000000 → "100", 2500000 → "2.5", 100 → "0.0001". */
        static String megapixels(long pixels) {
            return BigDecimal.valueOf(pixels).movePointLeft(6).stripTrailingZeros().toPlainString();
        }

        private static boolean hasCause(Throwable e, Class<? extends Throwable> type) {
            for (Throwable t = e; t != null; t = t.getCause() == t ? null : t.getCause()) {
                if (type.isInstance(t)) {
                    return true;
                }
            }
            return false;
        }
    }
}
