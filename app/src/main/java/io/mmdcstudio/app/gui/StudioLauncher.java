package io.mmdcstudio.app.gui;

import javafx.application.Application;

/**
 * Starts the desktop application. {@code Main} calls this rather than being an {@code Application} itself: with
 * JavaFX on the class path, a main class that extends {@code Application} fails to start ("JavaFX runtime
 * components are missing").
 */
public final class StudioLauncher {

    private StudioLauncher() {}

    /** Opens the window and returns when it is closed. */
    public static void launch(String... args) {
        Application.launch(StudioApp.class, args);
    }
}
