package org.heritageguide.kiosk;

import org.heritageguide.kiosk.audio.MicrophoneSource;
import org.heritageguide.kiosk.audio.SpeakerOutput;

import javafx.application.Application;
import javafx.geometry.Rectangle2D;
import javafx.stage.Screen;
import javafx.stage.Stage;
import javafx.stage.StageStyle;

/** The JavaFX application: one kiosk on the primary screen, with the terminal's microphone and speakers. */
public final class KioskApp extends Application {

    static volatile KioskSettings settings;
    private Kiosk kiosk;

    @Override
    public void start(Stage stage) {
        Rectangle2D bounds = Screen.getPrimary().getBounds();
        if (settings.fullScreen()) {
            stage.initStyle(StageStyle.UNDECORATED);
            stage.setX(bounds.getMinX());
            stage.setY(bounds.getMinY());
        }
        double width = settings.fullScreen() ? bounds.getWidth() : Math.min(1280, bounds.getWidth());
        double height = settings.fullScreen() ? bounds.getHeight() : Math.min(800, bounds.getHeight());
        kiosk = new Kiosk(settings, MicrophoneSource.factory(settings.microphone()), new SpeakerOutput());
        kiosk.show(stage, width, height);
    }

    @Override
    public void stop() {
        if (kiosk != null) {
            kiosk.shutdown();
        }
    }
}
