package io.mmdcstudio.app.gui;

import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;
import org.testfx.util.WaitForAsyncUtils;

/** Reading the window's state on the FX thread from a test, and waiting for it with a useful time-out message. */
final class FxTests {

    private FxTests() {}

    /** {@code read} run on the FX thread (10 s at most). */
    static <T> T fx(Callable<T> read) throws Exception {
        return WaitForAsyncUtils.asyncFx(read).get(10, TimeUnit.SECONDS);
    }

    /** Waits for {@code condition}, read on the FX thread; on time-out the error says {@code where} things stood. */
    static void waitFor(int seconds, Callable<Boolean> condition, Callable<String> where) throws Exception {
        try {
            WaitForAsyncUtils.waitFor(seconds, TimeUnit.SECONDS, () -> fx(condition));
        } catch (java.util.concurrent.TimeoutException e) {
            throw new AssertionError("waited " + seconds + " s; " + fx(where), e);
        }
    }

    /**
     * The window as a test's {@code @Start} method opens it: settings from {@code settingsDir} (never the user's),
     * and {@code data} opened, if present. The {@code @Start} method itself stays in each test class: TestFX 4.0.18
     * looks it up with getDeclaredMethods, so it cannot be inherited.
     */
    static StudioWindow showWindow(javafx.stage.Stage stage, java.nio.file.Path settingsDir,
            java.util.Optional<java.nio.file.Path> data) {
        return StudioWindow.show(stage, AppSettings.load(settingsDir.resolve("settings.properties")), data);
    }

    /**
     * Closes the window after a test. Menus first: one left open by a failed test would fail the next test as its
     * window closes.
     */
    static void closeWindow(StudioWindow window) throws Exception {
        WaitForAsyncUtils.asyncFx(() -> java.util.List.copyOf(javafx.stage.Window.getWindows()).stream()
                .filter(w -> w instanceof javafx.stage.PopupWindow).forEach(javafx.stage.Window::hide)).get();
        WaitForAsyncUtils.asyncFx(window::close).get(10, TimeUnit.SECONDS);
    }
}
