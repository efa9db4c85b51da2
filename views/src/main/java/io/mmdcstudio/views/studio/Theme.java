package io.mmdcstudio.views.studio;

/** The window's colour scheme. */
public enum Theme {
    /** Dark text on light surfaces. */
    LIGHT("studio-light.css"),
    /** Light text on dark surfaces. */
    DARK("studio-dark.css");

    private final String stylesheet;

    Theme(String stylesheet) {
        this.stylesheet = stylesheet;
    }

    /** The theme's stylesheet, as a URL string for {@code Scene.getStylesheets()}. */
    public String stylesheet() {
        return Theme.class.getResource(stylesheet).toExternalForm();
    }

    /** Whether backgrounds are dark (canvas views pick their ink by it). */
    public boolean dark() {
        return this == DARK;
    }

    /** The other theme. */
    public Theme toggled() {
        return this == LIGHT ? DARK : LIGHT;
    }
}
