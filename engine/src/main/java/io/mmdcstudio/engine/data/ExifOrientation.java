package io.mmdcstudio.engine.data;

import java.nio.file.Path;
import java.util.Locale;

/**
 * The EXIF orientation of an image file (1..8, 1 = stored as displayed), for viewers that show the original file
 * and must turn it the way the decoder does (JavaFX's {@code Image} ignores the tag). The format is taken from the
 * file name; unknown formats, files without EXIF and unreadable metadata all read as 1.
 */
public final class ExifOrientation {

    private ExifOrientation() {}

    /** The orientation tag of {@code file}, or 1. Reads the file's header: call it off the UI thread. */
    public static int of(Path file) {
        String name = file.getFileName() == null ? "" : file.getFileName().toString().toLowerCase(Locale.ROOT);
        int dot = name.lastIndexOf('.');
        String ext = dot < 0 ? "" : name.substring(dot + 1);
        return switch (ext) {
            case "jpg", "jpeg", "jpe", "png", "webp", "tif", "tiff" -> Orientation.read(file, ext.equals("jpe") ? "jpeg" : ext);
            default -> Orientation.NORMAL;
        };
    }

    /** Clockwise rotation, in degrees, to apply after {@link #mirrored} to show the image upright. */
    public static int rotation(int orientation) {
        return switch (orientation) {
            case 3, 4 -> 180;
            case 6, 7 -> 90;
            case 5, 8 -> 270;
            default -> 0;
        };
    }

    /** Whether the image must be mirrored left-right (before the {@link #rotation}) to show it upright. */
    public static boolean mirrored(int orientation) {
        return orientation == 2 || orientation == 4 || orientation == 5 || orientation == 7;
    }
}
