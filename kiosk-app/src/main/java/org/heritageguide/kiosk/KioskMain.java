package org.heritageguide.kiosk;

import java.util.List;
import java.util.logging.Logger;

import javafx.application.Application;

/**
 * Starts the kiosk: {@code java -jar kiosk-app.jar [--server URL] [--site ID] ...}; see
 * {@link KioskSettings} for every setting. (A class apart from the {@link Application}, so that JavaFX
 * runs from the class path.)
 */
public final class KioskMain {

    private KioskMain() {
    }

    public static void main(String[] args) {
        KioskSettings settings;
        try {
            settings = KioskSettings.load(List.of(args), System.getenv(), System.getProperties());
        } catch (IllegalArgumentException e) {
            System.err.println("kiosk: " + e.getMessage());
            System.exit(2);
            return;
        }
        KioskLog.setUp(settings.logDir());
        Logger log = Logger.getLogger(KioskMain.class.getName());
        log.info(() -> "Heritage Guide kiosk starting: server " + settings.server() + ", site "
                + (settings.site().isEmpty() ? "(the server's first)" : settings.site()) + ", phones reach "
                + settings.phoneUrl() + ", idle after " + settings.idleTimeout().toSeconds() + " s, data in "
                + settings.dataDir() + (settings.fullScreen() ? "" : ", WINDOWED"));
        if (!settings.exitEnabled()) {
            log.warning("Operator exit is disabled: no PIN is configured. To enable it, set the environment variable "
                    + "KIOSK_OPERATOR_PIN (or kiosk.operator-pin in the file given by --config / KIOSK_CONFIG).");
        }
        // JavaFX loads pictures over java.net.URL, which waits for ever by default: a server that stops
        // answering mid-picture would hold a loading thread for good (the picture's place stays, empty)
        System.setProperty("sun.net.client.defaultConnectTimeout", System.getProperty("sun.net.client.defaultConnectTimeout", "5000"));
        System.setProperty("sun.net.client.defaultReadTimeout", System.getProperty("sun.net.client.defaultReadTimeout", "20000"));
        KioskApp.settings = settings;
        Application.launch(KioskApp.class, args);
    }
}
