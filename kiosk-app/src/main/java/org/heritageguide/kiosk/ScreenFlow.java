package org.heritageguide.kiosk;

import java.time.Duration;
import java.util.Optional;
import java.util.logging.Logger;

import org.heritageguide.kiosk.audio.AnswerPlayer;
import org.heritageguide.kiosk.guide.SiteInfo;
import org.heritageguide.kiosk.guide.SiteLink;
import org.heritageguide.kiosk.ui.KioskView;

import javafx.animation.Animation;
import javafx.animation.KeyFrame;
import javafx.animation.PauseTransition;
import javafx.animation.Timeline;

/**
 * The screens a visitor goes through: the welcome, the visit (from the language they pick), "are you
 * still there?" after an idle while, the goodbye, and the welcome again for the next visitor. Holds
 * the visit under way, if any. Used on the JavaFX thread only (its timers run there).
 */
final class ScreenFlow {

    private static final Logger log = Logger.getLogger(ScreenFlow.class.getName());
    private static final javafx.util.Duration GOODBYE_SHOWN = javafx.util.Duration.seconds(3);

    private final KioskView view;
    private final SiteLink link;
    private final AnswerPlayer player;
    private final Health health;
    private final Duration stillThere;
    private final PauseTransition idle;
    private final Timeline countdown = new Timeline();
    private final PauseTransition goodbye = new PauseTransition(GOODBYE_SHOWN);
    private Visit visit;
    private int secondsLeft;

    /**
     * After {@code idleTimeout} without a touch (and nothing being said or awaited) the visitor is asked
     * whether they are still there, and has {@code stillThere} to say so.
     */
    ScreenFlow(KioskView view, SiteLink link, AnswerPlayer player, Health health, Duration idleTimeout, Duration stillThere) {
        this.view = view;
        this.link = link;
        this.player = player;
        this.health = health;
        this.stillThere = stillThere;
        this.idle = new PauseTransition(javafx.util.Duration.millis(idleTimeout.toMillis()));
        idle.setOnFinished(e -> idleExpired());
        goodbye.setOnFinished(e -> resetToWelcome());
        countdown.getKeyFrames().add(new KeyFrame(javafx.util.Duration.seconds(1), e -> tick()));
        countdown.setCycleCount(Timeline.INDEFINITE);
    }

    Optional<Visit> visit() {
        return Optional.ofNullable(visit);
    }

    /** A visitor picked their language: whatever was left of the visit before ends, and theirs begins. */
    Visit startVisit(String language) {
        if (visit != null) {
            visit.end();
        }
        visit = new Visit(language);
        health.visits.incrementAndGet();
        log.fine(() -> "Visit in " + language);
        view.startVisit(language);
        view.setOnline(link.online());
        activity();
        return visit;
    }

    /** The visitor said they are done. */
    void finish() {
        if (visit != null) {
            sayGoodbye();
        }
    }

    /** The visitor has gone: forget everything of the visit and invite the next one. */
    void resetToWelcome() {
        Visit old = visit;
        visit = null;
        if (old != null) {
            old.end();
            health.resets.incrementAndGet();
        }
        player.stop();
        idle.stop();
        countdown.stop();
        goodbye.stop();
        view.setSite(link.site().orElse(null));
        view.showWelcome();
        view.setOnline(link.online());
    }

    void siteChanged(SiteInfo site) {
        view.setSite(site);
        if (visit == null) {
            view.showWelcome();
            view.setOnline(link.online());
        }
    }

    /** The visitor touched the screen, or something happened for them: the idle time starts again. */
    void activity() {
        if (visit == null) {
            return;
        }
        if (view.overlayShown("still-there")) {
            countdown.stop();
            view.hideOverlay();
        }
        if (goodbye.getStatus() != Animation.Status.RUNNING) {
            idle.playFromStart();
        }
    }

    private void idleExpired() {
        if (visit == null) {
            return;
        }
        if (player.playing() || visit.busy()) {
            idle.playFromStart();
            return;
        }
        secondsLeft = (int) Math.max(1, stillThere.toSeconds());
        view.showStillThere(secondsLeft, this::activity);
        if (stillThere.toMillis() < 1000) {
            countdown.stop();
            PauseTransition shortWait = new PauseTransition(javafx.util.Duration.millis(stillThere.toMillis()));
            shortWait.setOnFinished(e -> {
                if (view.overlayShown("still-there")) {
                    sayGoodbye();
                }
            });
            shortWait.play();
            return;
        }
        countdown.playFromStart();
    }

    private void tick() {
        secondsLeft--;
        if (secondsLeft <= 0) {
            countdown.stop();
            sayGoodbye();
        } else {
            view.updateCountdown(secondsLeft);
        }
    }

    private void sayGoodbye() {
        idle.stop();
        countdown.stop();
        player.stop();
        String siteName = link.site().map(s -> s.text(s.name(), view.texts().language())).orElse("");
        view.showGoodbye(siteName);
        goodbye.playFromStart();
    }
}
