package io.mmdcstudio.engine.data;

import com.drew.imaging.jpeg.JpegMetadataReader;
import com.drew.imaging.png.PngMetadataReader;
import com.drew.imaging.tiff.TiffMetadataReader;
import com.drew.imaging.webp.WebpMetadataReader;
import com.drew.metadata.Metadata;
import com.drew.metadata.exif.ExifIFD0Directory;
import com.drew.metadata.exif.ExifReader;
import java.io.BufferedInputStream;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;

/**
 * EXIF orientation (tag 0x0112): reading it and applying it to a decoded square image.
 *
 * <p>ImageIO never applies the tag, so a phone photo taken upright would otherwise arrive lying on its side.
 * The transform is applied after cropping and scaling: on a centred square crop all eight orientations commute
 * with "scale the shorter side, crop the centre", and transforming the small square is far cheaper.
 */
final class Orientation {

    /** The tag value meaning "stored as displayed". */
    static final int NORMAL = 1;

    private Orientation() {
    }

    /**
     * The orientation stored in the file's EXIF data (1..8), or {@link #NORMAL} when there is none, the format
     * carries no EXIF, or the metadata cannot be parsed (broken metadata never costs the user the image).
     *
     * @param formatName the ImageIO reader's format name
     */
    static int read(Path file, String formatName) {
        try {
            Metadata metadata = readMetadata(file, formatName.toLowerCase(Locale.ROOT));
            if (metadata == null) {
                return NORMAL;
            }
            ExifIFD0Directory ifd0 = metadata.getFirstDirectoryOfType(ExifIFD0Directory.class);
            Integer value = ifd0 == null ? null : ifd0.getInteger(ExifIFD0Directory.TAG_ORIENTATION);
            return value != null && value >= 1 && value <= 8 ? value : NORMAL;
        } catch (Exception | StackOverflowError e) {
            // Metadata parsers meet the same hostile bytes as decoders; a failure here only loses the rotation.
            return NORMAL;
        }
    }

    private static Metadata readMetadata(Path file, String format) throws Exception {
        switch (format) {
            case "tif", "tiff" -> {
                return TiffMetadataReader.readMetadata(file.toFile());
            }
            case "jpeg", "jpg", "png", "webp" -> {
                try (InputStream in = new BufferedInputStream(Files.newInputStream(file), 16 * 1024)) {
                    return switch (format) {
                        // Only the EXIF segment reader: the default set also parses ICC, XMP, IPTC etc.
                        case "png" -> PngMetadataReader.readMetadata(in);
                        case "webp" -> WebpMetadataReader.readMetadata(in);
                        default -> JpegMetadataReader.readMetadata(in, List.of(new ExifReader()));
                    };
                }
            }
            default -> {
                return null;
            }
        }
    }

    /**
     * Applies an EXIF orientation to a planar (CHW) square image.
     *
     * @return a new array, or {@code chw} itself for {@link #NORMAL} and unknown values
     */
    static byte[] apply(byte[] chw, int channels, int size, int orientation) {
        if (orientation < 2 || orientation > 8) {
            return chw;
        }
        byte[] out = new byte[chw.length];
        int last = size - 1;
        for (int c = 0; c < channels; c++) {
            int plane = c * size * size;
            for (int y = 0; y < size; y++) {
                for (int x = 0; x < size; x++) {
                    int source = switch (orientation) {
                        case 2 -> y * size + (last - x);            // mirror horizontally
                        case 3 -> (last - y) * size + (last - x);   // rotate 180°
                        case 4 -> (last - y) * size + x;            // mirror vertically
                        case 5 -> x * size + y;                     // transpose
                        case 6 -> (last - x) * size + y;            // rotate 90° clockwise
                        case 7 -> (last - x) * size + (last - y);   // transverse
                        default -> x * size + (last - y);           // 8: rotate 90° counter-clockwise
                    };
                    out[plane + y * size + x] = chw[plane + source];
                }
            }
        }
        return out;
    }
}
