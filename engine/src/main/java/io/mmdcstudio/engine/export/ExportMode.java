package io.mmdcstudio.engine.export;

import java.util.Locale;

/** How an export puts an image into its cluster folder. */
public enum ExportMode {
    /** A copy; the original stays where it is (the default). */
    COPY,
    /** The original itself moves; undo moves it back. */
    MOVE,
    /** A symbolic link to the original. */
    LINK;

    /** Lower-case name, as on the command line. */
    public String label() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** The mode named {@code text} (copy, move or link), with a clear message otherwise. */
    public static ExportMode parse(String text) {
        for (ExportMode m : values()) {
            if (m.label().equals(text.toLowerCase(Locale.ROOT))) {
                return m;
            }
        }
        throw new IllegalArgumentException("unknown export mode '" + text + "'; choose copy, move or link");
    }
}
