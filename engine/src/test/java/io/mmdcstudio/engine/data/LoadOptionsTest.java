package io.mmdcstudio.engine.data;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/** Defaults and validation of the load options. */
class LoadOptionsTest {

    @Test
    void defaultsToAutoModesTheProcessorCountAndAHundredMegapixels() {
        LoadOptions o = LoadOptions.defaults(64);

        assertEquals(64, o.inputSize());
        assertEquals(ChannelMode.AUTO, o.channels());
        assertEquals(LabelMode.AUTO, o.labelMode());
        assertEquals(100_000_000L, o.maxPixels());
        assertEquals(Runtime.getRuntime().availableProcessors(), o.threads());
    }

    @Test
    void takesTheCacheFolderFromTheSystemPropertyFirst() {
        String old = System.getProperty(LoadOptions.CACHE_DIR_PROPERTY);
        try {
            System.setProperty(LoadOptions.CACHE_DIR_PROPERTY, "/somewhere/cache");
            assertEquals(Path.of("/somewhere/cache"), LoadOptions.defaults(32).cacheDir());
        } finally {
            if (old == null) {
                System.clearProperty(LoadOptions.CACHE_DIR_PROPERTY);
            } else {
                System.setProperty(LoadOptions.CACHE_DIR_PROPERTY, old);
            }
        }
    }

    @Test
    void otherwiseUsesTheXdgCacheHomeOrTheHomeCache() {
        String xdg = System.getenv("XDG_CACHE_HOME");
        Path expected = xdg != null && !xdg.isBlank() && Path.of(xdg).isAbsolute()
                ? Path.of(xdg, "mmdc-studio")
                : Path.of(System.getProperty("user.home"), ".cache", "mmdc-studio");
        String old = System.getProperty(LoadOptions.CACHE_DIR_PROPERTY);
        System.clearProperty(LoadOptions.CACHE_DIR_PROPERTY);
        try {
            assertEquals(expected, LoadOptions.defaultCacheDir());
        } finally {
            if (old != null) {
                System.setProperty(LoadOptions.CACHE_DIR_PROPERTY, old);
            }
        }
    }

    @Test
    void rejectsImpossibleValues() {
        LoadOptions o = LoadOptions.defaults(32);

        assertThrows(IllegalArgumentException.class, () -> o.withInputSize(0));
        assertThrows(IllegalArgumentException.class, () -> o.withInputSize(LoadOptions.MAX_INPUT_SIZE + 1));
        assertThrows(IllegalArgumentException.class, () -> o.withThreads(0));
        assertThrows(IllegalArgumentException.class, () -> o.withMaxPixels(0));
        assertThrows(IllegalArgumentException.class, () -> o.withLabels(LabelMode.CSV, null));
    }
}
