package io.mmdcstudio.app.gui;

import io.mmdcstudio.views.studio.Theme;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Optional;
import java.util.Properties;

/**
 * What the window remembers between sessions (last folder, window size, theme), in a small properties file in
 * the user's config folder. A missing or unreadable file means defaults; writing is atomic.
 */
final class AppSettings {

    /** System property that moves the settings folder (tests use a temporary one). */
    static final String DIR_PROPERTY = "mmdc.config.dir";

    static final double DEFAULT_WIDTH = 1280;
    static final double DEFAULT_HEIGHT = 800;

    private final Path file;
    private final Properties values = new Properties();

    private AppSettings(Path file) {
        this.file = file;
    }

    /** {@code $mmdc.config.dir}, else {@code $XDG_CONFIG_HOME/mmdc-studio}, else {@code ~/.config/mmdc-studio}. */
    static Path defaultFile() {
        String property = System.getProperty(DIR_PROPERTY);
        Path dir;
        if (property != null && !property.isBlank()) {
            dir = Path.of(property);
        } else {
            String xdg = System.getenv("XDG_CONFIG_HOME");
            dir = xdg != null && !xdg.isBlank() && Path.of(xdg).isAbsolute() ? Path.of(xdg, "mmdc-studio")
                    : Path.of(System.getProperty("user.home"), ".config", "mmdc-studio");
        }
        return dir.resolve("settings.properties");
    }

    /** The settings in {@code file}, or defaults when it is missing or unreadable. */
    static AppSettings load(Path file) {
        AppSettings s = new AppSettings(file);
        if (Files.isRegularFile(file)) {
            try (InputStream in = Files.newInputStream(file)) {
                s.values.load(in);
            } catch (IOException | IllegalArgumentException e) {
                // A damaged settings file must never keep the window from opening: start from defaults.
                s.values.clear();
            }
        }
        return s;
    }

    /** Writes the settings (temporary sibling, then rename). */
    void save() throws IOException {
        Files.createDirectories(file.getParent());
        Path tmp = file.resolveSibling(file.getFileName() + ".tmp");
        try (OutputStream out = Files.newOutputStream(tmp)) {
            values.store(out, "MMDC Studio window settings");
        }
        try {
            Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (AtomicMoveNotSupportedException e) {
            Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING);
        }
    }

    /** Saves, reporting failure as an unchecked exception (for shutdown paths that cannot throw). */
    void saveQuietly() {
        try {
            save();
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot write " + file, e);
        }
    }

    /**
     * The app's own folder beside the settings for the checkpoint of the window's runs and the record of a run in
     * progress: a run cut short by a crash or a kill is offered for resuming at the next start.
     */
    Path workFolder() {
        Path dir = file.toAbsolutePath().getParent();
        return dir.resolve("window-run");
    }

    Optional<Path> lastFolder() {
        String v = values.getProperty("lastFolder");
        if (v == null || v.isBlank()) {
            return Optional.empty();
        }
        try {
            return Optional.of(Path.of(v));
        } catch (InvalidPathException e) {
            return Optional.empty();
        }
    }

    void setLastFolder(Path p) {
        values.setProperty("lastFolder", p.toAbsolutePath().toString());
    }

    double width() {
        return number("window.width", DEFAULT_WIDTH, 640, 10_000);
    }

    double height() {
        return number("window.height", DEFAULT_HEIGHT, 480, 10_000);
    }

    boolean maximized() {
        return Boolean.parseBoolean(values.getProperty("window.maximized", "false"));
    }

    void setWindow(double width, double height, boolean maximized) {
        values.setProperty("window.width", Long.toString(Math.round(width)));
        values.setProperty("window.height", Long.toString(Math.round(height)));
        values.setProperty("window.maximized", Boolean.toString(maximized));
    }

    Theme theme() {
        try {
            return Theme.valueOf(values.getProperty("theme", Theme.LIGHT.name()));
        } catch (IllegalArgumentException e) {
            return Theme.LIGHT;
        }
    }

    void setTheme(Theme theme) {
        values.setProperty("theme", theme.name());
    }

    private double number(String key, double fallback, double min, double max) {
        try {
            double v = Double.parseDouble(values.getProperty(key, Double.toString(fallback)));
            return Double.isFinite(v) ? Math.max(min, Math.min(max, v)) : fallback;
        } catch (NumberFormatException e) {
            return fallback;
        }
    }
}
