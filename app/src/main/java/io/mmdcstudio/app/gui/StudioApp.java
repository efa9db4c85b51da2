package io.mmdcstudio.app.gui;

import javafx.application.Application;
import javafx.stage.Stage;

/** The JavaFX application: one {@link StudioWindow}, with the remembered settings. */
public final class StudioApp extends Application {

    private StudioWindow window;

    @Override
    public void start(Stage stage) {
        AppSettings settings = AppSettings.load(AppSettings.defaultFile());
        window = StudioWindow.show(stage, settings, InitialData.choose(settings));
        ScreenshotDirector.fromSystemProperties().ifPresent(director -> director.attach(window));
    }

    @Override
    public void stop() {
        if (window != null) {
            window.close();
        }
    }
}
