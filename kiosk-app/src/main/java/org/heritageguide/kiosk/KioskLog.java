package org.heritageguide.kiosk;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.logging.ConsoleHandler;
import java.util.logging.FileHandler;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.Logger;
import java.util.logging.SimpleFormatter;

/**
 * The kiosk's log: to the console (journald keeps it under systemd) and to rotating files in
 * {@code <data-dir>/logs} (5 files of 5 MB), so a terminal that runs for months never fills its disk.
 * Failures and their stack traces go here, never to the screen.
 */
final class KioskLog {

    private KioskLog() {
    }

    static void setUp(Path dir) {
        System.setProperty("java.util.logging.SimpleFormatter.format", "%1$tF %1$tT %4$-7s %3$s: %5$s%6$s%n");
        Logger root = Logger.getLogger("");
        for (Handler handler : root.getHandlers()) {
            root.removeHandler(handler);
        }
        SimpleFormatter format = new SimpleFormatter();
        ConsoleHandler console = new ConsoleHandler();
        console.setFormatter(format);
        console.setLevel(Level.INFO);
        root.addHandler(console);
        try {
            Files.createDirectories(dir);
            FileHandler file = new FileHandler(dir.resolve("kiosk-%g.log").toString(), 5_000_000, 5, true);
            file.setFormatter(format);
            file.setLevel(Level.INFO);
            root.addHandler(file);
        } catch (IOException e) {
            root.log(Level.WARNING, "Cannot write the log to " + dir + "; logging to the console only", e);
        }
        root.setLevel(Level.INFO);
        Thread.setDefaultUncaughtExceptionHandler((thread, failure) ->
                Logger.getLogger("org.heritageguide.kiosk").log(Level.SEVERE, "Uncaught failure on " + thread.getName(), failure));
    }
}
