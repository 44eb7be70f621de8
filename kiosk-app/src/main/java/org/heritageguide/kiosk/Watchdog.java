package org.heritageguide.kiosk;

import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import java.util.logging.Handler;
import java.util.logging.Logger;

import javafx.application.Platform;

/**
 * Writes the kiosk's health line at start and then every {@code interval} (an hour by default), and
 * checks every minute that the screen still responds. A screen that has not responded for
 * {@value #STUCK_SECONDS} s is not going to recover: the kiosk logs it and exits with status
 * {@value #STUCK_EXIT_STATUS}, so that the service manager starts it afresh (docs/operations.md).
 */
final class Watchdog {

    static final int STUCK_SECONDS = 30;
    static final int STUCK_EXIT_STATUS = 70;
    private static final Logger log = Logger.getLogger(Watchdog.class.getName());

    private final ScheduledExecutorService scheduler;
    private final Supplier<String> healthLine;
    private final Duration interval;
    private ScheduledFuture<?> health;
    private ScheduledFuture<?> liveness;

    Watchdog(ScheduledExecutorService scheduler, Supplier<String> healthLine, Duration interval) {
        this.scheduler = scheduler;
        this.healthLine = healthLine;
        this.interval = interval;
    }

    void start() {
        health = scheduler.scheduleAtFixedRate(() -> log.info(healthLine.get()), 0, interval.toSeconds(), TimeUnit.SECONDS);
        // the check waits on its own thread so that the scheduler keeps serving the reconnects meanwhile
        liveness = scheduler.scheduleAtFixedRate(() -> {
            Thread check = new Thread(this::checkScreenResponds, "kiosk-watchdog");
            check.setDaemon(true);
            check.start();
        }, 1, 1, TimeUnit.MINUTES);
    }

    void stop() {
        if (health != null) {
            health.cancel(false);
            liveness.cancel(false);
        }
    }

    private void checkScreenResponds() {
        CountDownLatch answered = new CountDownLatch(1);
        long asked = System.nanoTime();
        Platform.runLater(answered::countDown);
        try {
            if (!answered.await(STUCK_SECONDS, TimeUnit.SECONDS)) {
                log.severe("The kiosk screen has not responded for " + STUCK_SECONDS + " s; exiting with status "
                        + STUCK_EXIT_STATUS + " so that the service manager restarts it. " + healthLine.get());
                for (Handler handler : Logger.getLogger("").getHandlers()) {
                    handler.flush();
                }
                Runtime.getRuntime().halt(STUCK_EXIT_STATUS);
            }
            long millis = (System.nanoTime() - asked) / 1_000_000;
            if (millis > 1000) {
                log.warning("The kiosk screen took " + millis + " ms to respond");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
