package io.mmdcstudio.views.fx;

import javafx.scene.Node;
import javafx.scene.shape.SVGPath;

/**
 * Small vector icons for buttons. Drawn as paths rather than font glyphs, which depend on the fonts a system
 * happens to have. Coloured by CSS ({@code .icon}: {@code -fx-fill}).
 */
public final class Icons {

    private Icons() {}

    /** A triangle pointing right (Start, Resume). */
    public static Node play() {
        return icon("M2 1 L12 7 L2 13 Z");
    }

    /** Two bars (Pause). */
    public static Node pause() {
        return icon("M2 1 H5.5 V13 H2 Z M8.5 1 H12 V13 H8.5 Z");
    }

    /** A square (Cancel). */
    public static Node stop() {
        return icon("M2 2 H12 V12 H2 Z");
    }

    /** A folder (Open). */
    public static Node folder() {
        return icon("M1 3 H5.5 L7 4.5 H13 V12 H1 Z");
    }

    /** A file with lines (Open IDX). */
    public static Node file() {
        return icon("M3 1 H9 L12 4 V13 H3 Z M5 7 H10 V8 H5 Z M5 9.5 H10 V10.5 H5 Z");
    }

    /** A disk (Save). */
    public static Node save() {
        return icon("M1 1 H11 L13 3 V13 H1 Z M3.5 2.5 V5.5 H9.5 V2.5 Z M4 8.5 H10 V11.5 H4 Z");
    }

    /** A half-filled circle (theme switch). */
    public static Node contrast() {
        // Left half filled, right half a thin ring: no overlapping parts, so the default fill rule is enough.
        return icon("M7 1 A6 6 0 0 0 7 13 Z M7 1 A6 6 0 0 1 7 13 L7 11.8 A4.8 4.8 0 0 0 7 2.2 Z");
    }

    /** Two arrows towards the middle (reset zoom). */
    public static Node fit() {
        return icon("M1 1 H5 V2.5 H2.5 V5 H1 Z M9 1 H13 V5 H11.5 V2.5 H9 Z M1 9 H2.5 V11.5 H5 V13 H1 Z "
                + "M11.5 9 H13 V13 H9 V11.5 H11.5 Z");
    }

    private static Node icon(String path) {
        SVGPath p = new SVGPath();
        p.setContent(path);
        p.getStyleClass().add("icon");
        return p;
    }
}
